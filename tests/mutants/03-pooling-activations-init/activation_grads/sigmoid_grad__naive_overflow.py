"""exp(-x) / (1 + exp(-x))^2 directly: inf / inf = NaN for x = -1000."""
import numpy as np

def sigmoid_grad(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-x)
    return e / (1.0 + e) ** 2
