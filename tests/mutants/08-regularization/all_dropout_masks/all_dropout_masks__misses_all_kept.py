"""Enumerates codes 0 .. 2^n - 2 (off by one), so the mask that keeps every unit is missing."""
import numpy as np

def all_dropout_masks(n, p):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= 20:
        raise ValueError("bad n")
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not 0 <= p <= 1:
        raise ValueError("bad p")
    codes = np.arange(2 ** n - 1)
    masks = ((codes[:, None] >> np.arange(n)[None, :]) & 1).astype(np.float64)
    kept = masks.sum(axis=1)
    return masks, (1.0 - p) ** kept * float(p) ** (n - kept)
