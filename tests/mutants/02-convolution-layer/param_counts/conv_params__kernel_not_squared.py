"""Counts k weights per channel pair instead of kh*kw."""
import numpy as np


def conv_params(c_in, c_out, k, bias=True):
    for name, value in (("c_in", c_in), ("c_out", c_out)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError(f"{name} must be a positive integer; got {value!r}")
    kh, kw = as_pair(k, "k", 1)
    return int(c_out * c_in * kh + (c_out if bias else 0))
