"""Statistics per sample and channel over (H, W) (instance norm), not over (N, H, W)."""
import numpy as np


def spatial_batchnorm_forward(x, gamma, beta, bn_param):
    x = as_float_array(x, 4, "x (N, C, H, W)")
    N, C, H, W = x.shape
    outs, caches = [], []
    for n in range(N):
        out, cache = batchnorm_forward(x[n].reshape(C, H * W).T, gamma, beta, bn_param)
        outs.append(out.T.reshape(C, H, W))
        caches.append(cache)
    return np.stack(outs), (caches, x.shape)
