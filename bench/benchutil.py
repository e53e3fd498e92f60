"""Shared pieces of the benchmark: paths, the machine and versions, and a timer.

Every figure is a wall-clock time from `time.perf_counter`; a table reports the median of repeated
runs and how many runs it took. Nothing here asserts on a time: on a shared machine a timing test
would flake. Ratios measured side by side in one run are the figures that hold.
"""
from __future__ import annotations

import datetime
import math
import os
import platform
import statistics
import subprocess
import time
from pathlib import Path
from typing import Callable

from autograder.course import Course
from autograder.kernel import usable_cpus

COURSE = Course()
ROOT = COURSE.root

SECTIONS = ("conv", "series", "grading", "learning")


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict:
    """CPU model, cores, thread counts of torch and the BLAS, and the load when asked."""
    import torch
    from threadpoolctl import threadpool_info

    blas = [i["num_threads"] for i in threadpool_info() if i.get("user_api") == "blas"]
    return {"cpu": cpu_model(), "logical_cpus": os.cpu_count(), "usable_cpus": usable_cpus(),
            "torch_threads": torch.get_num_threads(), "blas_threads": blas[0] if blas else None,
            "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
            "platform": platform.platform()}


def versions() -> dict:
    import nbclient
    import nbgrader
    import numpy
    import torch

    return {"python": platform.python_version(), "torch": torch.__version__, "numpy": numpy.__version__,
            "nbgrader": nbgrader.__version__, "nbclient": nbclient.__version__}


def git_commit() -> str | None:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=30).stdout.strip()
        return (head + (" + uncommitted changes" if dirty else "")) if head else None
    except (OSError, subprocess.SubprocessError):
        return None


def now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def median_time(fn: Callable, repeats: int, budget_s: float = math.inf, setup: Callable | None = None,
                warmup: bool = True) -> tuple[float, int]:
    """(median seconds of fn(setup()), number of timed runs).

    Runs fn once untimed first (unless warmup=False), then up to `repeats` timed runs, stopping early
    once the timed runs add up to `budget_s` (always at least one). `setup`, if given, runs before
    each call, untimed, and its result is passed to fn.
    """
    def once():
        state = setup() if setup else None
        start = time.perf_counter()
        fn(state) if setup else fn()
        return time.perf_counter() - start

    if warmup:
        once()
    times: list[float] = []
    while len(times) < max(1, repeats) and (not times or sum(times) < budget_s):
        times.append(once())
    return statistics.median(times), len(times)


def rounded(value, digits: int = 6):
    """Floats rounded for the JSON file (other values unchanged)."""
    if isinstance(value, float) and math.isfinite(value):
        return float(f"{value:.{digits}g}")
    if isinstance(value, dict):
        return {k: rounded(v, digits) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [rounded(v, digits) for v in value]
    return value
