"""Groups the wrong axis: group g holds channels g, g + G, g + 2G, ... (reshape (N, C/G, G, ...))."""
import numpy as np


def groupnorm_forward(x, gamma, beta, groups, eps=1e-5):
    x = as_float_array(x, 4, "x (N, C, H, W)")
    N, C, H, W = x.shape
    check_int(groups, "groups", 1)
    if C % groups:
        raise ValueError(f"groups must divide the number of channels {C}; got {groups}")
    gamma = as_float_array(gamma, 1, "gamma (C,)")
    beta = as_float_array(beta, 1, "beta (C,)")
    if gamma.shape != (C,) or beta.shape != (C,):
        raise ValueError(f"gamma and beta must have shape ({C},); got {gamma.shape} and {beta.shape}")
    xg = x.reshape(N, C // groups, groups, H * W)
    mean = xg.mean(axis=(1, 3), keepdims=True)
    var = xg.var(axis=(1, 3), keepdims=True)
    xhat = ((xg - mean) / np.sqrt(var + eps)).reshape(N, C, H, W)
    out = gamma[None, :, None, None] * xhat + beta[None, :, None, None]
    return out, (xhat, var.reshape(N, groups, 1), gamma, groups, eps)
