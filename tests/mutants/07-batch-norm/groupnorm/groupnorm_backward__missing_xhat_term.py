"""dx without the - x_hat * mean(g * x_hat) term."""
import numpy as np


def groupnorm_backward(dout, cache):
    xhat, var, gamma, groups, eps = cache
    dout = as_float_array(dout, 4, "dout (N, C, H, W)")
    if dout.shape != xhat.shape:
        raise ValueError(f"dout must have the shape of x {xhat.shape}; got {dout.shape}")
    N = xhat.shape[0]
    dbeta = dout.sum(axis=(0, 2, 3))
    dgamma = (dout * xhat).sum(axis=(0, 2, 3))
    g = (dout * gamma[None, :, None, None]).reshape(N, groups, -1)
    xh = xhat.reshape(N, groups, -1)
    dx = (g - g.mean(axis=2, keepdims=True)) / np.sqrt(var + eps)
    return dx.reshape(xhat.shape), dgamma, dbeta
