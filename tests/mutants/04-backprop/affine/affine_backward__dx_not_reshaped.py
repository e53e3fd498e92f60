"""Returns dx flattened (N, D) instead of in x's shape."""
import numpy as np


def affine_backward(dout, cache):
    x, w, b = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != (x.shape[0], w.shape[1]):
        raise ValueError(f"dout must have shape {(x.shape[0], w.shape[1])}; got {dout.shape}")
    x_flat = x.reshape(x.shape[0], -1)
    dx = dout @ w.T
    dw = x_flat.T @ dout
    db = dout.sum(axis=0)
    return dx, dw, db
