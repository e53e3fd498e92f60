"""Closed form without the - x_hat * dgamma term (the variance's contribution)."""
import numpy as np


def batchnorm_backward_alt(dout, cache):
    x, xhat, mean, var, gamma, eps = cache
    dout = as_float_array(dout, 2, "dout (N, D)")
    if dout.shape != x.shape:
        raise ValueError(f"dout must have the shape of x {x.shape}; got {dout.shape}")
    N = x.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = (dout * xhat).sum(axis=0)
    dx = gamma / (N * np.sqrt(var + eps)) * (N * dout - dbeta)
    return dx, dgamma, dbeta
