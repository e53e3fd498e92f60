"""Returns sign(x): -1 instead of 0 for negative inputs."""
import numpy as np

def relu_grad(x):
    return np.sign(np.asarray(x, dtype=np.float64))
