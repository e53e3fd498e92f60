"""How the benchmark runs a notebook: `run_notebook(path, fast, extra_source)` executes it top to bottom as
`python -m autograder execute` does (`autograder.kernel.execute_notebook`: the course's one kernel environment
and time limit), optionally with one extra cell appended in memory, and returns the time, the error if any, and
the executed notebook (to read the extra cell's output with `marked_output`).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.kernel import execute_notebook


@dataclass
class NotebookRun:
    seconds: float
    error: str | None
    nb: nbformat.NotebookNode | None


def _short_error(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    last = next((ln for ln in reversed(text) if ln.strip()), "")
    return f"{type(exc).__name__}: {last}"[:300]


def run_notebook(path: Path, fast: bool, extra_source: str | None = None, timeout: int | None = None) -> NotebookRun:
    """Execute `path` in its folder (CNNLAB_FAST set by `fast`); errors are returned, not raised."""
    start = time.perf_counter()
    try:
        nb, seconds = execute_notebook(Path(path), fast=fast, timeout=timeout, extra_source=extra_source)
        return NotebookRun(seconds, None, nb)
    except Exception as exc:  # NotebookError, a timeout, a dead kernel, an unreadable file
        return NotebookRun(time.perf_counter() - start, _short_error(exc), None)


def marked_output(nb, marker: str) -> str | None:
    """The text after `marker` on the first line of the last cell's printed output that starts with it."""
    if nb is None or not nb.cells:
        return None
    for output in nb.cells[-1].get("outputs", []):
        if output.get("output_type") == "stream":
            for line in output.get("text", "").splitlines():
                if line.startswith(marker):
                    return line[len(marker):]
    return None
