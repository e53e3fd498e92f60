"""Correct dropout, but accepts any p and any mode (unknown modes act as 'train')."""
import numpy as np

def dropout_forward(x, p, mode, rng):
    x = np.asarray(x)
    if mode == "eval":
        return x.copy(), (None, mode)
    keep = rng.random(x.shape) >= p
    mask = keep * (1.0 / (1.0 - p) if p < 1 else 0.0)
    return x * mask, (mask, "train")
