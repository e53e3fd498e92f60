"""How every notebook of the course is run: ONE kernel environment and ONE timeout setting.

Grading (nbgrader's autograde), the mutant harness, `python -m autograder execute` and the benchmark all run
notebooks through `GradingExecute`, nbgrader's own `Execute` preprocessor (an nbclient client) with the
kernel environment below. So the mutant harness proves the graded tests under the conditions grading uses.

    kernel_env(fast)      the kernel's environment: CNNLAB_FAST, MPLBACKEND=agg, PYTHONHASHSEED=0
    cell_timeout(fast)    seconds one cell may run (FAST: 120, default mode: 900)
    execute_notebook      run a notebook top to bottom; NotebookError on the first error
    NotebookKernel        one kernel kept open to run cells one by one (the mutant harness)

The environment goes to the kernel only, never to `os.environ`: JupyterLab's nbgrader extension loads
nbgrader_config.py, which imports this module, and students' kernels must not switch to FAST mode.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import nbformat
from nbclient.exceptions import DeadKernelError
from nbclient.util import run_sync
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer

from autograder.cells import error_outputs, first_error
from autograder.errors import NotebookError

FAST_ENV = "CNNLAB_FAST"  # = cnnlab.runtime.FAST_ENV (a test checks; importing cnnlab here would load torch)
CELL_TIMEOUT_S = {True: 120, False: 900}  # FAST mode, default mode


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity where the OS has one, else all of them).

    cnnlab.runtime counts the same way for the students' kernels; it keeps its own copy, because
    the course package does not depend on the tooling.
    """
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def kernel_env(fast: bool = True, threads: int | None = None) -> dict[str, str]:
    """The environment of every kernel that runs a course notebook for the tooling.

    `threads`, if given, caps torch's and the BLAS's thread pools (OMP/MKL_NUM_THREADS; the thread benchmark).
    """
    env = dict(os.environ)
    env.update({FAST_ENV: "1" if fast else "0", "MPLBACKEND": "agg"})
    env.setdefault("PYTHONHASHSEED", "0")
    if threads is not None:
        env.update(OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    return env


def cell_timeout(fast: bool = True) -> int:
    """Seconds a single cell may run before the kernel is interrupted and the cell marked as an error."""
    return CELL_TIMEOUT_S[bool(fast)]


class GradingExecute(Execute):
    """nbgrader's Execute with the course's kernel environment (registered in nbgrader_config.py)."""

    fast = Bool(True, help="run the kernel in FAST mode (CNNLAB_FAST=1)").tag(config=True)
    threads = Integer(None, allow_none=True, help="torch/BLAS threads of the kernel (None: theirs)")

    async def async_start_new_kernel(self, **kwargs):
        kwargs.setdefault("env", kernel_env(self.fast, self.threads))
        return await super().async_start_new_kernel(**kwargs)

    # nbclient's synchronous start_new_kernel wraps the *base* class's coroutine; wrap ours instead.
    start_new_kernel = run_sync(async_start_new_kernel)


def _client(nb: nbformat.NotebookNode, cwd: Path, fast: bool, timeout: int | None,
            allow_errors: bool, threads: int | None = None) -> GradingExecute:
    client = GradingExecute(fast=fast, threads=threads, timeout=timeout or cell_timeout(fast),
                            allow_errors=allow_errors)
    client.nb, client.resources = nb, {"metadata": {"path": str(cwd)}}
    return client


def execute_notebook(path: Path, fast: bool = True, timeout: int | None = None, extra_source: str | None = None,
                     threads: int | None = None) -> tuple[nbformat.NotebookNode, float]:
    """Execute a notebook top to bottom in its folder; NotebookError on the first cell that raises.

    `extra_source`, if given, runs as one more cell at the end (to read values the notebook left).
    Returns the executed notebook and the wall time in seconds (kernel start included).
    """
    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    if extra_source is not None:
        nb.cells.append(nbformat.v4.new_code_cell(extra_source))
    start = time.perf_counter()
    client = _client(nb, path.parent, fast, timeout, allow_errors=True, threads=threads)
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            client.execute_cell(cell, index)
            error = first_error(cell)
            if error:
                raise NotebookError(path.name, index, error)
    return nb, time.perf_counter() - start


class NotebookKernel:
    """A kernel kept open on a notebook's folder: run cells one at a time and hear whether each raised."""

    def __init__(self, cwd: Path, fast: bool = True, timeout: int | None = None):
        self.cwd, self.fast, self.timeout = Path(cwd), fast, timeout
        self._start()

    def _start(self) -> None:
        self.client = _client(nbformat.v4.new_notebook(), self.cwd, self.fast, self.timeout, allow_errors=True)
        self._context = self.client.setup_kernel()
        self._context.__enter__()

    def run(self, source: str) -> str | None:
        """None if `source` ran without error, else a one-line reason ('Name: message', or a timeout)."""
        cell = nbformat.v4.new_code_cell(source)
        self.client.nb.cells = [cell]
        try:
            self.client.execute_cell(cell, 0, store_history=False)
        except DeadKernelError:
            self.restart()
            return "DeadKernelError: the kernel died"
        if any(o.get("ename") == "CellTimeoutError" for o in error_outputs(cell)):
            return f"timed out after {self.client.timeout:g} s"
        return first_error(cell)

    def restart(self) -> None:
        self.close()
        self._start()

    def close(self) -> None:
        try:
            self._context.__exit__(None, None, None)
        except Exception:  # a kernel that died is already gone
            pass
