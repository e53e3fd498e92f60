"""Gates by the sign of dout instead of the sign of x."""
import numpy as np


def relu_backward(dout, cache):
    x = cache
    dout = np.asarray(dout, dtype=np.float64)
    if dout.shape != x.shape:
        raise ValueError(f"dout must have x's shape {x.shape}; got {dout.shape}")
    return dout * (dout > 0)
