"""Returns the pair in the wrong order (gx responds to horizontal edges)."""
import numpy as np


def sobel_kernels():
    gx = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
    return gx.T.copy(), gx
