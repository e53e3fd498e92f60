"""Uses the average of fan_in and fan_out (when given), as Xavier does."""
import numpy as np

def he_std(fan_in, fan_out=None):
    for value in (fan_in, 1 if fan_out is None else fan_out):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
            raise ValueError("fans must be positive integers")
    n = fan_in if fan_out is None else (fan_in + fan_out) / 2
    return float(np.sqrt(2.0 / n))
