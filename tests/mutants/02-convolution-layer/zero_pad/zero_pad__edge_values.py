"""Repeats the border pixels (replicate padding) instead of adding zeros."""
import numpy as np


def zero_pad(x, pad):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"x must have shape (N, C, H, W); got shape {x.shape}")
    ph, pw = as_pair(pad, "pad", 0)
    return np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), mode="edge")
