"""Forgets to scale the kernel to sum 1 (blurring changes the brightness)."""
import numpy as np


def gaussian_kernel(size, sigma):
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"size must be a positive integer; got {size!r}")
    if isinstance(sigma, bool) or not isinstance(sigma, (int, float, np.number)) or not np.isfinite(sigma) or sigma <= 0:
        raise ValueError(f"sigma must be a positive number; got {sigma!r}")
    t = np.arange(size) - (size - 1) / 2
    return np.exp(-(t[:, None] ** 2 + t[None, :] ** 2) / (2 * sigma ** 2))
