"""Uses np.where with both formulas; np.where computes both branches, so exp still overflows."""
import numpy as np

def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    return np.where(x >= 0, 1.0 / (1.0 + np.exp(-x)), np.exp(x) / (1.0 + np.exp(x)))
