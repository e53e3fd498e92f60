"""Right values, but accepts any slope (negative, >= 1) without a ValueError."""
import numpy as np

def leaky_relu(x, slope=0.01):
    x = np.asarray(x, dtype=np.float64)
    return np.where(x > 0, x, slope * x)
