"""Pads on one side only (all 2p zeros below and to the right), so the image is off-centre."""
import numpy as np


def zero_pad(x, pad):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"x must have shape (N, C, H, W); got shape {x.shape}")
    ph, pw = as_pair(pad, "pad", 0)
    return np.pad(x, ((0, 0), (0, 0), (0, 2 * ph), (0, 2 * pw)))
