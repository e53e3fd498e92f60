"""Applies s * (1 - s) to the input x itself: x * (1 - x)."""
import numpy as np

def sigmoid_grad(x):
    x = np.asarray(x, dtype=np.float64)
    return x * (1.0 - x)
