"""Uses the binomial probability of the NUMBER of kept units (with C(n, k)) for each mask."""
import math
import numpy as np

def all_dropout_masks(n, p):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 1 <= n <= 20:
        raise ValueError("bad n")
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not 0 <= p <= 1:
        raise ValueError("bad p")
    codes = np.arange(2 ** n)
    masks = ((codes[:, None] >> np.arange(n)[None, :]) & 1).astype(np.float64)
    kept = masks.sum(axis=1).astype(int)
    probs = np.array([math.comb(n, k) * (1.0 - p) ** k * p ** (n - k) for k in kept])
    return masks, probs
