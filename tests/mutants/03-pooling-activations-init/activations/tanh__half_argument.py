"""Writes tanh(x) as 2 * sigmoid(x) - 1, which is tanh(x / 2)."""
import numpy as np

def tanh(x):
    return 2.0 * sigmoid(x) - 1.0
