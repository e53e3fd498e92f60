"""Spreads the full upstream gradient to every cell: not divided by the window size."""
import numpy as np


def avgpool_backward(dout, cache):
    (N, C, H, W), size, stride = cache
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    dout = as_float_array(dout, 4, "dout")
    if dout.shape != (N, C, Ho, Wo):
        raise ValueError(f"dout must have the forward output's shape {(N, C, Ho, Wo)}; got {dout.shape}")
    dx = np.zeros((N, C, H, W))
    for i in range(size):
        for j in range(size):
            dx[:, :, i:i + stride * Ho:stride, j:j + stride * Wo:stride] += dout
    return dx
