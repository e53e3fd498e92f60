"""Returns the 'full' correlation instead of the valid one."""
import numpy as np

def correlate1d(x, w):
    return np.correlate(np.asarray(x, float), np.asarray(w, float), "full")
