"""Divides by 1 - p without the p == 1 case: NaN/inf (or an error) when everything is dropped."""
import numpy as np

def dropout_forward(x, p, mode, rng):
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not 0 <= p <= 1:
        raise ValueError("bad p")
    if mode not in ("train", "eval"):
        raise ValueError("bad mode")
    x = np.asarray(x)
    if mode == "eval":
        return x.copy(), (None, mode)
    keep = rng.random(x.shape) >= p
    mask = keep / np.float64(1.0 - p)
    return x * mask, (mask, mode)
