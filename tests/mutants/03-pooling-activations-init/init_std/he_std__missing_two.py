"""Forgets the factor 2 that ReLU needs: sqrt(1 / fan_in) (LeCun init)."""
import numpy as np

def he_std(fan_in, fan_out=None):
    for value in (fan_in, 1 if fan_out is None else fan_out):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
            raise ValueError("fans must be positive integers")
    return float(np.sqrt(1.0 / fan_in))
