"""Flips the kernel: computes convolution instead of correlation."""
import numpy as np

def correlate1d(x, w):
    x, w = np.asarray(x, float), np.asarray(w, float)[::-1]
    return np.array([np.dot(x[n:n + len(w)], w) for n in range(len(x) - len(w) + 1)])
