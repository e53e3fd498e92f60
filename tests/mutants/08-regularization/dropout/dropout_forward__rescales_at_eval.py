"""Scales by 1 / (1 - p) in eval mode as well (mixes inverted and classic dropout)."""
import numpy as np

def dropout_forward(x, p, mode, rng):
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not 0 <= p <= 1:
        raise ValueError("bad p")
    if mode not in ("train", "eval"):
        raise ValueError("bad mode")
    x = np.asarray(x)
    scale = 1.0 / (1.0 - p) if p < 1 else 0.0
    if mode == "eval":
        return x * scale, (np.full(x.shape, scale), "train")
    mask = (rng.random(x.shape) >= p) * scale
    return x * mask, (mask, mode)
