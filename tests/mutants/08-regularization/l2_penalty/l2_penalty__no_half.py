"""lam * sum(p^2) without the 1/2: its gradient is 2 lam p, twice weight decay."""
import numpy as np

def l2_penalty(model, lam):
    if isinstance(lam, bool) or not isinstance(lam, (int, float, np.integer, np.floating)) or not lam >= 0:
        raise ValueError("bad lam")
    return lam * sum((p ** 2).sum() for p in model.parameters())
