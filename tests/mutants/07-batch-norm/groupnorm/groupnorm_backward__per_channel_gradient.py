"""Projects the gradient per channel (instance-norm backward) instead of per group."""
import numpy as np


def groupnorm_backward(dout, cache):
    xhat, var, gamma, groups, eps = cache
    dout = as_float_array(dout, 4, "dout (N, C, H, W)")
    if dout.shape != xhat.shape:
        raise ValueError(f"dout must have the shape of x {xhat.shape}; got {dout.shape}")
    N, C = xhat.shape[:2]
    dbeta = dout.sum(axis=(0, 2, 3))
    dgamma = (dout * xhat).sum(axis=(0, 2, 3))
    g = (dout * gamma[None, :, None, None]).reshape(N, C, -1)
    xh = xhat.reshape(N, C, -1)
    std = np.repeat(np.sqrt(var + eps), C // groups, axis=1)
    dx = (g - g.mean(axis=2, keepdims=True) - xh * (g * xh).mean(axis=2, keepdims=True)) / std
    return dx.reshape(xhat.shape), dgamma, dbeta
