"""Rows hold the kernel unflipped: the matrix of correlation, not convolution."""
import numpy as np

def conv_matrix(w, n):
    w = np.asarray(w, float)
    k = len(w)
    A = np.zeros((n - k + 1, n))
    for i in range(n - k + 1):
        A[i, i:i + k] = w
    return A
