"""Counts the depthwise part as an ordinary convolution (c_in*c_out*k*k) plus the 1x1."""
import numpy as np


def depthwise_separable_params(c_in, c_out, k):
    for name, value in (("c_in", c_in), ("c_out", c_out)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer; got {value!r}")
    kh, kw = as_pair(k, "k", 1)
    return int(c_in * c_out * kh * kw + c_in * c_out)
