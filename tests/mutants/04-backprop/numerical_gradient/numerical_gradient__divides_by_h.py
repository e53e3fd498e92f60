"""Central difference divided by h instead of 2h: every gradient twice too large."""
import numpy as np


def numerical_gradient(f, x, dout=None, h=1e-5):
    if not isinstance(x, np.ndarray) or not np.issubdtype(x.dtype, np.floating):
        raise ValueError(f"x must be a float NumPy array (perturbing integers by h does nothing); "
                         f"got {type(x).__name__} {getattr(x, 'dtype', '')}")
    if not h > 0:
        raise ValueError(f"h must be positive; got {h}")
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + h
        plus = np.array(f(x), dtype=np.float64)
        x[i] = old - h
        minus = np.array(f(x), dtype=np.float64)
        x[i] = old
        if dout is None:
            if plus.size != 1:
                raise ValueError(f"f(x) has shape {plus.shape}; pass dout of that shape or make f return a scalar")
            grad[i] = (plus.item() - minus.item()) / h
        else:
            if plus.shape != np.shape(dout):
                raise ValueError(f"dout has shape {np.shape(dout)} but f(x) has shape {plus.shape}")
            grad[i] = np.sum((plus - minus) * dout) / h
    return grad
