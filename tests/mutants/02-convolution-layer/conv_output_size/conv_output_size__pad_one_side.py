"""Counts the padding on one side only: n + p instead of n + 2p."""
import numpy as np


def conv_output_size(n, k, stride=1, pad=0, dilation=1):
    for name, value, minimum in (("n", n, 1), ("k", k, 1), ("stride", stride, 1), ("pad", pad, 0),
                                 ("dilation", dilation, 1)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
            raise ValueError(f"{name} must be an integer >= {minimum}; got {value!r}")
    out = (n + pad - dilation * (k - 1) - 1) // stride + 1
    if out < 1:
        raise ValueError("no output position")
    return int(out)
