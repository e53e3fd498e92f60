"""Averages the squares of each tensor instead of summing them."""
import numpy as np

def l2_penalty(model, lam):
    if isinstance(lam, bool) or not isinstance(lam, (int, float, np.integer, np.floating)) or not lam >= 0:
        raise ValueError("bad lam")
    return 0.5 * lam * sum((p ** 2).mean() for p in model.parameters())
