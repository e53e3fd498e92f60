"""Puts the centre at size // 2, off by half a pixel for even sizes."""
import numpy as np


def gaussian_kernel(size, sigma):
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"size must be a positive integer; got {size!r}")
    if isinstance(sigma, bool) or not isinstance(sigma, (int, float, np.number)) or not np.isfinite(sigma) or sigma <= 0:
        raise ValueError(f"sigma must be a positive number; got {sigma!r}")
    t = np.arange(size) - size // 2
    g = np.exp(-(t[:, None] ** 2 + t[None, :] ** 2) / (2 * sigma ** 2))
    return g / g.sum()
