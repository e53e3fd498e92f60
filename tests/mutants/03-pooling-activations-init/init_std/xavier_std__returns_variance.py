"""Returns the variance 2 / (fan_in + fan_out), not its square root."""
import numpy as np

def xavier_std(fan_in, fan_out):
    for value in (fan_in, fan_out):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
            raise ValueError("fans must be positive integers")
    return float(2.0 / (fan_in + fan_out))
