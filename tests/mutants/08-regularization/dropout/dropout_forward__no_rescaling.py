"""Drops with probability p but forgets to divide the kept units by 1 - p."""
import numpy as np

def dropout_forward(x, p, mode, rng):
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not 0 <= p <= 1:
        raise ValueError("bad p")
    if mode not in ("train", "eval"):
        raise ValueError("bad mode")
    x = np.asarray(x)
    if mode == "eval":
        return x.copy(), (None, mode)
    mask = (rng.random(x.shape) >= p).astype(np.float64)
    return x * mask, (mask, mode)
