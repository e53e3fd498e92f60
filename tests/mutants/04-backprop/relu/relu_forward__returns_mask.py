"""Returns the 0/1 mask x > 0 instead of max(x, 0)."""
import numpy as np


def relu_forward(x):
    try:
        x = np.asarray(x, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"x must be an array of numbers; got {type(x).__name__}") from exc
    return (x > 0).astype(np.float64), x
