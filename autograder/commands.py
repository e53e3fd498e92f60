"""Run one nbgrader command on a course, in its own process (group), with this folder's configuration."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from autograder import batch
from autograder.course import Course

HERE = Path(__file__).resolve().parent  # nbgrader finds nbgrader_config.py in its working directory


def nbgrader(args: list[str], course: Course, db: Path | None = None, timeout: float | None = None,
             extra: list[str] | None = None) -> subprocess.CompletedProcess:
    """`nbgrader <args>` on `course` (gradebook `db`, default the course's); stdout and stderr together.

    On a timeout the whole process group (nbgrader and its kernel) is killed and TimeoutExpired raised.
    """
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")  # nbgrader runs `alembic`
    cmd = [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={course.root}",
           f"--CourseDirectory.db_url=sqlite:///{db or course.gradebook}", *(extra or [])]
    proc = batch.popen(cmd, cwd=HERE, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the kernel is in the same group: kill it too
        proc.communicate()
        raise
    finally:
        batch.forget(proc)  # an interrupted batch kills the process groups it still knows
    return subprocess.CompletedProcess(cmd, proc.returncode, out, "")


def error_lines(log: str) -> str:
    """The last error lines of an nbgrader log, for a one-line reason."""
    if not log.strip():
        return "no output"
    lines = [ln.strip() for ln in log.splitlines() if "| ERROR]" in ln or "Error" in ln]
    return " / ".join(lines[-3:])[:500] or log.strip().splitlines()[-1][:500]


def failed(result: subprocess.CompletedProcess) -> bool:
    return result.returncode != 0 or "| ERROR]" in result.stdout
