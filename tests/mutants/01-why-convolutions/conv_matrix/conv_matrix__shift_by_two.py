"""Shifts each row by the wrong amount when k > 1 (row i starts at column i // 1 + (i > 0))."""
import numpy as np

def conv_matrix(w, n):
    w = np.asarray(w, float)
    k = len(w)
    A = np.zeros((n - k + 1, n))
    for i in range(n - k + 1):
        start = min(i + (1 if i > 0 else 0), n - k)
        A[i, start:start + k] = w[::-1]
    return A
