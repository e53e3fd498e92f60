"""Writes tanh(x) as sigmoid(2x), forgetting the 2 * (.) - 1."""
import numpy as np

def tanh(x):
    return sigmoid(2.0 * np.asarray(x, dtype=np.float64))
