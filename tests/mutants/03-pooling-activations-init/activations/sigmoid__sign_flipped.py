"""Computes 1 / (1 + exp(x)), i.e. sigmoid(-x)."""
import numpy as np

def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, e / (1.0 + e), 1.0 / (1.0 + e))
