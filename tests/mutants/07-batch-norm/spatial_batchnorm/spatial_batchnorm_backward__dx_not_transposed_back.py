"""Reshapes dx from (N*H*W, C) straight to (N, C, H, W)."""
import numpy as np


def spatial_batchnorm_backward(dout, cache):
    bn_cache, shape = cache
    dout = as_float_array(dout, 4, "dout (N, C, H, W)")
    if dout.shape != shape:
        raise ValueError(f"dout must have the shape of x {shape}; got {dout.shape}")
    N, C, H, W = shape
    dx, dgamma, dbeta = batchnorm_backward_alt(dout.transpose(0, 2, 3, 1).reshape(-1, C), bn_cache)
    return dx.reshape(N, C, H, W), dgamma, dbeta
