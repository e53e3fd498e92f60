"""Takes p as the probability of KEEPING a unit (the paper's convention, not PyTorch's)."""
import numpy as np

def dropout_forward(x, p, mode, rng):
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not 0 <= p <= 1:
        raise ValueError("bad p")
    if mode not in ("train", "eval"):
        raise ValueError("bad mode")
    x = np.asarray(x)
    if mode == "eval":
        return x.copy(), (None, mode)
    mask = (rng.random(x.shape) < p) * (1.0 / p if p > 0 else 0.0)
    return x * mask, (mask, mode)
