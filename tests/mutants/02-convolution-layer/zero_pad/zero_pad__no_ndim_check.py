"""Accepts arrays that are not 4-D (pads the last two axes of anything)."""
import numpy as np


def zero_pad(x, pad):
    x = np.asarray(x, dtype=np.float64)
    ph, pw = as_pair(pad, "pad", 0)
    return np.pad(x, [(0, 0)] * (x.ndim - 2) + [(ph, ph), (pw, pw)])
