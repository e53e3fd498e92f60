"""Textbook 1 / (1 + exp(-x)): exp overflows for x = -1000."""
import numpy as np

def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    return 1.0 / (1.0 + np.exp(-x))
