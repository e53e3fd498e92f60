"""'same' mode cropped from k // 2 instead of (k - 1) // 2: wrong for even kernels."""
import numpy as np

def conv1d(x, w, mode="valid"):
    x = np.asarray(x, dtype=np.float64)
    w = np.asarray(w, dtype=np.float64)
    if mode not in ("full", "same", "valid"):
        raise ValueError(mode)
    if x.ndim != 1 or w.ndim != 1 or x.size == 0 or w.size == 0:
        raise ValueError("1-D please")
    n, k = len(x), len(w)
    if mode != "full" and k > n:
        raise ValueError("kernel too long")
    full = np.zeros(n + k - 1)
    for i in range(k):
        full[i:i + n] += w[i] * x
    if mode == "full":
        return full
    if mode == "same":
        start = k // 2
        return full[start:start + n]
    return full[k - 1:n]
