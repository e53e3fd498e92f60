"""Backward divides by the scaled mask where it is nonzero (inverts the forward scaling)."""
import numpy as np

def dropout_backward(dout, cache):
    mask, mode = cache
    dout = np.asarray(dout)
    if mode == "eval":
        return dout.copy()
    safe = np.where(mask > 0, mask, 1.0)
    return np.where(mask > 0, dout / safe, 0.0)
