"""Numerical gradients by central differences, and the relative error used to compare them.

The central difference

.. math:: \\frac{\\partial f}{\\partial x_i} \\approx \\frac{f(x + h e_i) - f(x - h e_i)}{2h}

has error O(h^2). Use float64 inputs: in float32 the rounding error (~1e-7 / h) swamps it.
"""
from __future__ import annotations

from typing import Callable

import numpy as np


def rel_error(a, b, eps: float = 1e-8) -> float:
    """Largest elementwise relative error max |a - b| / max(eps, |a| + |b|).

    About 1e-7 or less means a gradient is right; 1e-2 or more means it is wrong.
    `a` and `b` must have the same shape (NumPy arrays, torch tensors or numbers).
    """
    a = np.asarray(a.detach().cpu() if hasattr(a, "detach") else a, dtype=np.float64)
    b = np.asarray(b.detach().cpu() if hasattr(b, "detach") else b, dtype=np.float64)
    if a.shape != b.shape:
        raise ValueError(f"rel_error needs arrays of the same shape; got {a.shape} and {b.shape}")
    if a.size == 0:
        return 0.0
    return float(np.max(np.abs(a - b) / np.maximum(eps, np.abs(a) + np.abs(b))))


def numerical_gradient(
    f: Callable[[np.ndarray], object],
    x: np.ndarray,
    dout: np.ndarray | None = None,
    h: float = 1e-5,
) -> np.ndarray:
    """Gradient of ``sum(f(x) * dout)`` with respect to `x`, by central differences.

    Args:
        f: function of `x` returning a scalar or an array (any shape). It must read `x`,
            which this function perturbs in place one element at a time (and restores).
        x: float array of any shape, perturbed in place.
        dout: upstream gradient, same shape as f(x); None means f(x) is a scalar (dout = 1).
        h: step size.

    Returns:
        grad: array of x's shape; grad[i] = sum((f(x + h e_i) - f(x - h e_i)) * dout) / (2h).
    """
    if not isinstance(x, np.ndarray) or not np.issubdtype(x.dtype, np.floating):
        raise TypeError(f"x must be a float NumPy array (use float64); got {type(x).__name__} "
                        f"{getattr(x, 'dtype', '')}")
    if h <= 0:
        raise ValueError(f"h must be positive; got {h}")
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        plus = np.array(f(x), dtype=np.float64, copy=True)
        x[i] = old - h
        minus = np.array(f(x), dtype=np.float64, copy=True)
        x[i] = old
        if dout is None:
            if plus.size != 1:
                raise ValueError(f"f(x) has shape {plus.shape}; pass dout of that shape "
                                 "(or make f return a scalar)")
            grad[i] = (plus.item() - minus.item()) / (2 * h)
        else:
            if plus.shape != np.shape(dout):
                raise ValueError(f"dout has shape {np.shape(dout)} but f(x) has shape {plus.shape}")
            grad[i] = np.sum((plus - minus) * dout) / (2 * h)
        it.iternext()
    return grad
