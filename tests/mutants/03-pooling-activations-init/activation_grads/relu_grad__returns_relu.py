"""Returns relu(x) (the value) instead of the 0/1 derivative."""
import numpy as np

def relu_grad(x):
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)
