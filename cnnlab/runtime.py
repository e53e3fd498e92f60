"""Run-time switches shared by every notebook: FAST mode and seeding.

FAST mode (environment variable ``CNNLAB_FAST=1``, set by ``make test`` and the autograder)
shrinks data and epochs so that the whole series executes quickly. The same code paths run;
only sizes change. Notebooks choose sizes with `fast_or`::

    epochs = cnnlab.fast_or(fast=1, default=8)
"""
from __future__ import annotations

import os
import random
from typing import TypeVar

import numpy as np
import torch

T = TypeVar("T")
FAST_ENV = "CNNLAB_FAST"  # the environment variable that switches FAST mode on


def _read_fast_flag(value: str | None) -> bool:
    """'1', 'true', 'yes', 'on' (any case) mean FAST; unset, '', '0', 'false', 'no', 'off' do not."""
    if value is None or value.strip().lower() in ("", "0", "false", "no", "off"):
        return False
    if value.strip().lower() in ("1", "true", "yes", "on"):
        return True
    raise ValueError(f"{FAST_ENV} must be 1/0, true/false, yes/no or on/off; got {value!r}")


FAST: bool = _read_fast_flag(os.environ.get(FAST_ENV))


def fast_or(fast: T, default: T) -> T:
    """Return `fast` in FAST mode and `default` otherwise (e.g. epochs, sample counts)."""
    return fast if FAST else default


def seed_everything(seed: int = 0) -> None:
    """Seed Python's `random`, NumPy's global generator and PyTorch (CPU and all GPUs).

    Same seed, same device, same library versions => same numbers. (GPU kernels can still
    differ in the last bits between runs; that is expected.)
    """
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
        raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
    random.seed(int(seed))
    np.random.seed(int(seed) % 2**32)
    torch.manual_seed(int(seed))  # also seeds every CUDA device
