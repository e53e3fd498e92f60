"""Kernel longer than the signal returns an empty array instead of raising ValueError."""
import numpy as np

def correlate1d(x, w):
    x, w = np.asarray(x, float), np.asarray(w, float)
    return np.array([np.dot(x[n:n + len(w)], w) for n in range(max(0, len(x) - len(w) + 1))])
