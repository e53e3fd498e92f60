"""Any mode that is not 'full' or 'same' silently falls through to 'valid'."""
import numpy as np

def conv1d(x, w, mode="valid"):
    if mode == "full":
        return np.convolve(x, w, "full")
    if mode == "same":
        return np.convolve(x, w, "same")
    return np.convolve(x, w, "valid")
