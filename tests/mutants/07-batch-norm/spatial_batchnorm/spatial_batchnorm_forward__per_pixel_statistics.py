"""Normalises every pixel separately: statistics over N only, running stats averaged over pixels."""
import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, bn_param):
    x = as_float_array(x, 4, "x (N, C, H, W)")
    N, C, H, W = x.shape
    _, cache = batchnorm_forward(x.transpose(0, 2, 3, 1).reshape(-1, C), gamma, beta, bn_param)
    g = np.asarray(gamma, dtype=np.float64)[:, None, None]
    b = np.asarray(beta, dtype=np.float64)[:, None, None]
    eps = bn_param.get("eps", 1e-5)
    if bn_param["mode"] == "train":
        out = g * (x - x.mean(axis=0)) / np.sqrt(x.var(axis=0) + eps) + b
    else:
        out = g * (x - bn_param["running_mean"][:, None, None]) / np.sqrt(bn_param["running_var"][:, None, None] + eps) + b
    return out, (cache, x.shape)
