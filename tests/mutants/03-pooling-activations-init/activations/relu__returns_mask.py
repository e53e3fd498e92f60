"""Returns the mask x > 0 (the derivative) instead of max(x, 0)."""
import numpy as np

def relu(x):
    return (np.asarray(x, dtype=np.float64) > 0).astype(np.float64)
