"""Uses x >= 0: derivative 1 at x == 0, where PyTorch (and the docstring) use 0."""
import numpy as np

def relu_grad(x):
    return (np.asarray(x, dtype=np.float64) >= 0).astype(np.float64)
