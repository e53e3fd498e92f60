"""Averages each group of channels instead of taking the maximum."""
import numpy as np

def channel_max_pool(x, group):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim < 2:
        raise ValueError("x must be (N, C) or (N, C, H, W)")
    if not isinstance(group, (int, np.integer)) or isinstance(group, bool) or group < 1:
        raise ValueError("group must be a positive integer")
    n, c = x.shape[:2]
    if c % group:
        raise ValueError("C must be a multiple of group")
    return x.reshape(n, c // group, group, *x.shape[2:]).mean(axis=2)
