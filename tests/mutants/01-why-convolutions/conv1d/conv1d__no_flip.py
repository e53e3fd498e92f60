"""Forgets to flip the kernel: computes correlation and calls it convolution."""
import numpy as np

def conv1d(x, w, mode="valid"):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    if mode not in ("full", "same", "valid"):
        raise ValueError(mode)
    n, k = len(x), len(w)
    full = np.zeros(n + k - 1)
    for i in range(k):
        full[i:i + n] += w[k - 1 - i] * x
    if mode == "full":
        return full
    if mode == "same":
        start = (k - 1) // 2
        return full[start:start + n]
    return full[k - 1:n]
