"""Loop bound len(x) - len(w): misses the last output position."""
import numpy as np

def correlate1d(x, w):
    x, w = np.asarray(x, float), np.asarray(w, float)
    return np.array([np.dot(x[n:n + len(w)], w) for n in range(len(x) - len(w))])
