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

THREAD_ENVS = ("CNNLAB_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def course_threads(environ=os.environ, cpus: int | None = None) -> int | None:
    """How many intra-op threads torch gets in the course: None leaves torch's default.

    An explicit CNNLAB_THREADS (or OMP_NUM_THREADS / MKL_NUM_THREADS) wins. Otherwise one core is left
    free: measured on a 2-core machine (docs/benchmarks.md), notebook 05 took 56 s with 2 threads and
    83 s with 1 when alone, but with one busy process beside it 69 s with 1 thread and over 7 minutes
    with 2 (torch's pool spins waiting for the core it lost); notebook 06: 19 s (1) vs 17 s (2) alone,
    26 s vs 544 s beside a busy process. A laptop usually runs something else.
    """
    for name in THREAD_ENVS:
        value = environ.get(name, "").strip()
        if value:
            if not value.isdigit() or int(value) < 1:
                raise ValueError(f"{name} must be a positive whole number of threads; got {value!r}")
            return int(value) if name == "CNNLAB_THREADS" else None  # torch reads OMP/MKL itself
    if cpus is None:
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, cpus - 1)


_threads = course_threads()
if _threads is not None:
    torch.set_num_threads(_threads)


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
