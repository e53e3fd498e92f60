"""Does not validate sigma (sigma = 0 gives NaN, negative sigma is accepted)."""
import numpy as np


def gaussian_kernel(size, sigma):
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError(f"size must be a positive integer; got {size!r}")
    t = np.arange(size) - (size - 1) / 2
    with np.errstate(all="ignore"):
        g = np.exp(-(t[:, None] ** 2 + t[None, :] ** 2) / (2 * sigma ** 2))
        return g / g.sum()
