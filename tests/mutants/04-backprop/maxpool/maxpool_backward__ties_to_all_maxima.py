"""On ties, every entry equal to the maximum gets the full gradient."""
import numpy as np


def maxpool_backward(dout, cache):
    x, size, stride = cache
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    dout = as_float_array(dout, 4, "dout")
    if dout.shape != (N, C, Ho, Wo):
        raise ValueError(f"dout must have the forward output's shape {(N, C, Ho, Wo)}; got {dout.shape}")
    # The k*k entries of every window, stacked in row-major order along the last axis.
    views = [x[:, :, i:i + stride * Ho:stride, j:j + stride * Wo:stride] for i in range(size) for j in range(size)]
    winner = np.argmax(np.stack(views, axis=-1), axis=-1)  # first maximum in reading order
    dx = np.zeros_like(x)
    for t in range(size * size):
        i, j = divmod(t, size)
        dx[:, :, i:i + stride * Ho:stride, j:j + stride * Wo:stride] += dout * (views[t] == np.max(np.stack(views, axis=-1), axis=-1))
    return dx
