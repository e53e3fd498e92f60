"""Flattens with x.reshape(-1, C) without moving the channel axis last."""
import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, bn_param):
    x = as_float_array(x, 4, "x (N, C, H, W)")
    N, C, H, W = x.shape
    out, cache = batchnorm_forward(x.reshape(-1, C), gamma, beta, bn_param)
    return out.reshape(N, C, H, W), (cache, x.shape)
