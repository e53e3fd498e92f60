"""Uses the sigmoid rule t * (1 - t) with t = tanh(x)."""
import numpy as np

def tanh_grad(x):
    t = tanh(x)
    return t * (1.0 - t)
