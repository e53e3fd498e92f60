"""How many torch threads should the course use? Notebooks 05 and 06 timed with 1 vs 2 threads,
alone and next to a competing CPU-bound process.

    python -m bench.threads                          # default mode, 05 and 06, threads 1 and 2
    python -m bench.threads --fast --notebooks 01-why-convolutions --repeats 1   # a quick check

torch's intra-op thread pool spins while it waits for its workers; when another process holds a
core, a pool sized for every core can run slower than one thread. This script measures it: each
notebook is executed top to bottom (a fresh kernel each time, `autograder.kernel.execute_notebook`) with
OMP_NUM_THREADS and MKL_NUM_THREADS set to the thread count (torch reads them when it starts; the script checks the
kernel's `torch.get_num_threads()`), once with the machine to itself and once while a busy-loop
process runs beside it (`--competitors` of them). It prints a Markdown table: the median wall
time over `--repeats` runs, and each time divided by the 1-thread time of the same condition.

Run it on an otherwise quiet machine: the "alone" rows are only alone if nothing else runs.
It sets nothing in cnnlab; the numbers are for deciding what cnnlab should set.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys

from autograder.kernel import execute_notebook, usable_cpus

from bench.benchutil import COURSE

SPIN = "import time\nwhile True:\n    pass\n"
PROBE = "import torch as _t; print('TORCH_THREADS', _t.get_num_threads())"


def execute(assignment: str, threads: int, fast: bool, timeout: int) -> float:
    """Wall time (s) of one top-to-bottom run of solutions/<assignment>, kernel start included."""
    nb, seconds = execute_notebook(COURSE.source(assignment), fast=fast, timeout=timeout, extra_source=PROBE,
                                   threads=threads)
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    if f"TORCH_THREADS {threads}" not in printed:
        raise RuntimeError(f"the kernel did not use {threads} torch threads: {printed!r}")
    return seconds


def start_competitors(n: int) -> list[subprocess.Popen]:
    return [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(n)]


def stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--notebooks", nargs="+", default=["05-training-in-pytorch", "06-architectures"])
    ap.add_argument("--threads", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--competitors", type=int, default=1, help="busy-loop processes in the 'loaded' condition")
    ap.add_argument("--repeats", type=int, default=1, help="runs per cell of the table (median reported)")
    ap.add_argument("--fast", action="store_true", help="CNNLAB_FAST=1 (to check the script, not to decide)")
    ap.add_argument("--timeout", type=int, default=1800, help="seconds per notebook cell")
    args = ap.parse_args(argv)
    if min(args.threads) < 1 or args.repeats < 1 or args.competitors < 0:
        ap.error("threads and repeats must be >= 1, competitors >= 0")

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cpus = usable_cpus()
    print(f"# torch threads benchmark ({'FAST' if args.fast else 'default'} mode)\n")
    print(f"{platform.processor() or platform.machine()}, {cpus} usable CPUs, load average {load:.2f} at the start; "
          f"python {platform.python_version()}; {args.repeats} run(s) per row, median shown\n")
    conditions = [("alone", 0), (f"+{args.competitors} busy process(es)", args.competitors)]
    rows = []
    for assignment in args.notebooks:
        for label, n_comp in conditions:
            if label != "alone" and n_comp == 0:
                continue
            times = {}
            for threads in args.threads:
                runs = []
                for _ in range(args.repeats):
                    procs = start_competitors(n_comp)
                    try:
                        runs.append(execute(assignment, threads, args.fast, args.timeout))
                    finally:
                        stop(procs)
                times[threads] = statistics.median(runs)
                print(f"  {assignment}, {label}, {threads} thread(s): {times[threads]:.1f} s", file=sys.stderr,
                      flush=True)
            base = times[args.threads[0]]
            rows += [(assignment, label, t, s, s / base) for t, s in times.items()]
    print(f"| notebook | condition | torch threads | wall time (s) | vs {args.threads[0]} thread(s) |")
    print("|---|---|---|---|---|")
    for assignment, label, threads, seconds, ratio in rows:
        print(f"| {assignment} | {label} | {threads} | {seconds:.1f} | {ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
