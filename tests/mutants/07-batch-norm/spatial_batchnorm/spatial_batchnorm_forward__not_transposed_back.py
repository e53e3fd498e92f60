"""Moves the channel axis last but reshapes the output straight to (N, C, H, W)."""
import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, bn_param):
    x = as_float_array(x, 4, "x (N, C, H, W)")
    N, C, H, W = x.shape
    out, cache = batchnorm_forward(x.transpose(0, 2, 3, 1).reshape(-1, C), gamma, beta, bn_param)
    return out.reshape(N, C, H, W), (cache, x.shape)
