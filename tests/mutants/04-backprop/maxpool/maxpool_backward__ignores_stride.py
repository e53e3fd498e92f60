"""Loop version that places window (r, c) at (r * size, c * size): the stride is ignored."""
import numpy as np


def maxpool_backward(dout, cache):
    x, size, stride = cache
    dout = as_float_array(dout, 4, "dout")
    N, C, Ho, Wo = dout.shape
    dx = np.zeros_like(x)
    for r in range(Ho):
        for c in range(Wo):
            window = x[:, :, r * size:r * size + size, c * size:c * size + size].reshape(N, C, -1)
            first = window.argmax(axis=2)
            mask = np.zeros_like(window)
            np.put_along_axis(mask, first[:, :, None], 1.0, axis=2)
            dx[:, :, r * size:r * size + size, c * size:c * size + size] += \
                (mask * dout[:, :, r, c, None]).reshape(N, C, size, size)
    return dx
