"""No error when C is not a multiple of group: the leftover channels are silently dropped."""
import numpy as np

def channel_max_pool(x, group):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim < 2:
        raise ValueError("x must be (N, C) or (N, C, H, W)")
    if not isinstance(group, (int, np.integer)) or isinstance(group, bool) or group < 1:
        raise ValueError("group must be a positive integer")
    n, c = x.shape[:2]
    keep = (c // group) * group
    return x[:, :keep].reshape(n, c // group, group, *x.shape[2:]).max(axis=2)
