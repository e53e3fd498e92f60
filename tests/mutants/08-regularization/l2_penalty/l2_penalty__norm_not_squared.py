"""Sums the norms instead of the squared norms of the parameters."""
import numpy as np

def l2_penalty(model, lam):
    if isinstance(lam, bool) or not isinstance(lam, (int, float, np.integer, np.floating)) or not lam >= 0:
        raise ValueError("bad lam")
    return 0.5 * lam * sum(p.norm() for p in model.parameters())
