"""Uses Prewitt's kernels (centre weight 1, not 2)."""
import numpy as np


def sobel_kernels():
    gx = np.array([[-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0]])
    return gx, gx.T.copy()
