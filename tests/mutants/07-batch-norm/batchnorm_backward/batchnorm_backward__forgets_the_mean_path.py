"""dx ignores the path through the batch mean (step 1 left out)."""
import numpy as np


def batchnorm_backward(dout, cache):
    x, xhat, mean, var, gamma, eps = cache
    dout = as_float_array(dout, 2, "dout (N, D)")
    if dout.shape != x.shape:
        raise ValueError(f"dout must have the shape of x {x.shape}; got {dout.shape}")
    N = x.shape[0]
    c = x - mean                      # step 2
    s = np.sqrt(var + eps)            # step 4
    r = 1.0 / s                       # step 5
    dbeta = dout.sum(axis=0)          # step 7
    dgamma = (dout * xhat).sum(axis=0)
    dxhat = dout * gamma
    dr = (dxhat * c).sum(axis=0)      # step 6
    dc = dxhat * r
    ds = -dr / s ** 2                 # step 5
    dv = ds / (2 * s)                 # step 4
    dc = dc + 2 * c / N * dv          # step 3
    dx = dc.copy()                    # step 2
    dmean = -dc.sum(axis=0)
    return dx, dgamma, dbeta
