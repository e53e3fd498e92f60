"""dx = dout * x: multiplies by the input instead of by the 0/1 mask."""
import numpy as np


def relu_backward(dout, cache):
    x = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != x.shape:
        raise ValueError(f"dout must have x's shape {x.shape}; got {dout.shape}")
    return dout * np.maximum(x, 0)
