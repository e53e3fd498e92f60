"""Zeroes the negative entries of the caller's array in place."""
import numpy as np


def relu_forward(x):
    try:
        x = np.asarray(x, dtype=np.float64)  # no copy: the caller's array
    except (TypeError, ValueError) as exc:
        raise ValueError(f"x must be an array of numbers; got {type(x).__name__}") from exc
    mask = x > 0
    x[~mask] = 0.0
    return x, mask
