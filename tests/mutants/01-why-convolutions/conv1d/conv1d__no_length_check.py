"""Correct values, but no error when the kernel is longer than the signal in 'valid' mode."""
import numpy as np

def conv1d(x, w, mode="valid"):
    if mode not in ("full", "same", "valid"):
        raise ValueError(f"unknown mode {mode!r}")
    return np.convolve(np.asarray(x, float), np.asarray(w, float), mode)
