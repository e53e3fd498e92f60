"""Builds an (n, n) matrix (a 'same'-sized output) instead of (n - k + 1, n)."""
import numpy as np

def conv_matrix(w, n):
    w = np.asarray(w, float)[::-1]
    k = len(w)
    A = np.zeros((n, n))
    for i in range(n):
        seg = w[: max(0, min(k, n - i))]
        A[i, i:i + len(seg)] = seg
    return A
