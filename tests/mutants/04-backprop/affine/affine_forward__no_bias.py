"""Forgets to add the bias."""
import numpy as np


def affine_forward(x, w, b):
    x = np.asarray(x, dtype=np.float64)
    w = as_float_array(w, 2, "w (D, M)")
    b = as_float_array(b, 1, "b (M,)")
    if x.ndim < 2:
        raise ValueError(f"x must be (N, ...) with at least 2 dimensions; got shape {x.shape}")
    x_flat = x.reshape(x.shape[0], -1)
    if x_flat.shape[1] != w.shape[0] or b.shape != (w.shape[1],):
        raise ValueError(f"shapes do not fit: x flattens to {x_flat.shape}, w is {w.shape}, b is {b.shape}")
    return x_flat @ w, (x, w, b)
