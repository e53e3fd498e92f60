"""Assertions for notebook test cells that tell the student what is wrong, not just that it is.

    from cnnlab.checks import assert_shape, assert_close
    assert_shape(out, (2, 4, 5, 5), "conv2d output")
    assert_close(out, F.conv2d(x, w).numpy(), name="conv2d output")

Both accept NumPy arrays, torch tensors, Python numbers and nested lists.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np


def _as_array(value, what: str) -> np.ndarray:
    if value is None:
        raise AssertionError(f"{what} is None: did the function forget to `return` its result?")
    if hasattr(value, "detach"):  # torch tensor
        value = value.detach().cpu().numpy()
    try:
        return np.asarray(value)
    except Exception as exc:  # pragma: no cover - unusual objects
        raise AssertionError(f"{what} could not be turned into an array: {exc}") from exc


def assert_shape(actual, expected: Sequence[int], name: str = "result") -> None:
    """Fail with 'name has shape A, expected B' (and which axes differ) unless the shapes match.

    Tensors are not copied (so tensors on the "meta" device, which hold no data, work too).
    """
    shape = tuple(actual.shape) if hasattr(actual, "detach") else _as_array(actual, name).shape
    expected = tuple(int(e) for e in expected)
    if shape == expected:
        return
    if len(shape) != len(expected):
        raise AssertionError(f"{name} has {len(shape)} dimensions {shape}, expected {len(expected)} "
                             f"dimensions {expected}")
    axes = [f"axis {i}: got {a}, expected {e}" for i, (a, e) in enumerate(zip(shape, expected)) if a != e]
    raise AssertionError(f"{name} has shape {shape}, expected {expected} ({'; '.join(axes)})")


def assert_close(actual, expected, rtol: float = 1e-7, atol: float = 1e-9, name: str = "result") -> None:
    """Fail unless |actual - expected| <= atol + rtol * |expected| everywhere.

    The message says the shape problem if shapes differ, otherwise how many entries differ,
    the first index that does, the two values there, and the largest absolute difference.
    NaN in `actual` where `expected` is finite is reported as such.
    """
    a = _as_array(actual, name)
    e = _as_array(expected, f"expected value of {name}")
    if a.shape != e.shape:
        assert_shape(a, e.shape, name)
    if a.dtype == object or e.dtype == object:
        raise AssertionError(f"{name} must hold numbers; got dtype {a.dtype}")
    a64, e64 = a.astype(np.float64), e.astype(np.float64)
    if np.isnan(a64).any() and not np.isnan(e64).any():
        idx = tuple(int(i) for i in np.argwhere(np.isnan(a64))[0])
        raise AssertionError(f"{name} contains NaN (first at index {idx}); expected finite values. "
                             "Look for 0/0, log(0) or overflow in exp.")
    bad = ~np.isclose(a64, e64, rtol=rtol, atol=atol, equal_nan=True)
    if not bad.any():
        return
    first = tuple(int(i) for i in np.argwhere(bad)[0]) if a64.ndim else ()
    diff = np.abs(a64 - e64)
    diff = np.where(np.isnan(diff), np.inf, diff)
    where = f" at index {first}" if first else ""
    raise AssertionError(
        f"{name} differs from the reference in {int(bad.sum())} of {bad.size} entries "
        f"(rtol={rtol:g}, atol={atol:g}). First{where}: got {float(a64[first])!r}, expected {float(e64[first])!r}. "
        f"Largest absolute difference: {diff.max():.3g}."
    )
