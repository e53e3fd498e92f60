"""Flattens dout with reshape(-1, C) without moving the channel axis last."""
import numpy as np


def spatial_batchnorm_backward(dout, cache):
    bn_cache, shape = cache
    dout = as_float_array(dout, 4, "dout (N, C, H, W)")
    if dout.shape != shape:
        raise ValueError(f"dout must have the shape of x {shape}; got {dout.shape}")
    N, C, H, W = shape
    dx, dgamma, dbeta = batchnorm_backward_alt(dout.reshape(-1, C), bn_cache)
    return dx.reshape(N, H, W, C).transpose(0, 3, 1, 2), dgamma, dbeta
