"""(e^x - e^-x) / (e^x + e^-x) directly: inf / inf = NaN for |x| = 1000."""
import numpy as np

def tanh(x):
    x = np.asarray(x, dtype=np.float64)
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
