"""Backward returns dout unchanged in train mode, as if dropout had no derivative."""
import numpy as np

def dropout_backward(dout, cache):
    return np.asarray(dout).copy()
