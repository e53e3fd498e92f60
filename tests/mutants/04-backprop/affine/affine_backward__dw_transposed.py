"""dw = dout.T @ x: shape (M, D) instead of (D, M)."""
import numpy as np


def affine_backward(dout, cache):
    x, w, b = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != (x.shape[0], w.shape[1]):
        raise ValueError(f"dout must have shape {(x.shape[0], w.shape[1])}; got {dout.shape}")
    x_flat = x.reshape(x.shape[0], -1)
    dx = (dout @ w.T).reshape(x.shape)
    dw = dout.T @ x_flat
    db = dout.sum(axis=0)
    return dx, dw, db
