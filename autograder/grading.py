"""`make grade`: autograde every submission and write the grades CSV, robustly.

Every submission under ``autograder/submitted/<student>/<assignment>/`` gets one row of
``autograder/grades.csv``:

    student, assignment, score, max_score, manual_points, status, reason

`score` / `max_score` are the autograded test points; `manual_points` are the written answers, graded by hand
in the formgrader. A broken submission (invalid JSON, missing notebook, a crash, an infinite loop) is recorded
with status "error" or a reason, and never stops the others: each runs in its own `nbgrader autograde` process
with a time limit. Cells that timed out are named in `reason`, so an instructor can look at a submission that
loops forever outside a tested function (nbgrader interrupts that cell and still scores the tests).

Student code runs in a sandbox (autograder/sandbox.py, docs/SANDBOX.md) under the limits of `Limits` (set in
nbgrader_config.py); where it cannot, `grade` refuses (SandboxUnavailable) unless `allow_unsandboxed`
(``ALLOW_UNSANDBOXED=1``), and then says so at the start and in every row. Grading is parallel (`jobs`) and
resumable, with one writer to the gradebook (autograder/batch.py); `student` / `assignment` regrade some.
"""
from __future__ import annotations

import csv
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder import batch, fair
from autograder.cells import error_outputs, grade_id, is_test_cell, max_points
from autograder.commands import HERE, error_lines, nbgrader
from autograder.course import Course
from autograder.errors import AutograderError
from autograder.release import load_into_gradebook
from autograder.sandbox import Limits, SandboxUnavailable, sandbox_problem

COLUMNS = ["student", "assignment", "score", "max_score", "manual_points", "status", "reason"]
SUBMISSION_TIMEOUT_S = 1800


@dataclass
class Row:
    student: str
    assignment: str
    score: float = 0.0
    max_score: float = 0.0
    manual_points: float = 0.0
    status: str = "graded"
    reason: str = ""
    seconds: float = 0.0  # wall time to grade this submission


def check_submission(course: Course, student: str, aid: str) -> str | None:
    """A reason the submission cannot be graded, or None if it looks like a notebook."""
    if aid not in course.ids():
        return f"unknown assignment {aid!r}; known: {', '.join(course.ids())}"
    path = course.submission(student, aid)
    if not path.exists():
        folder = path.parent
        found = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        return f"missing notebook {aid}.ipynb in the submission (found: {', '.join(found) or 'nothing'})"
    try:
        nbformat.validate(nbformat.read(path, as_version=4))
    except Exception as exc:  # invalid JSON or not a notebook
        return f"not a valid notebook: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
    return None


def failed_tests(course: Course, student: str, aid: str) -> tuple[list[str], list[str]]:
    """From the autograded copy: (failed test cells with their error, cells that timed out)."""
    path = course.autograded(student, aid)
    failed, timed_out = [], []
    if not path.exists():
        return failed, timed_out
    for i, cell in enumerate(nbformat.read(path, as_version=4).cells):
        errors = error_outputs(cell)
        if not errors:
            continue
        name = grade_id(cell) or f"cell {i}"
        if any(o.get("ename") == "CellTimeoutError" for o in errors):
            timed_out.append(name)
        if is_test_cell(cell):
            failed.append(f"{name} ({errors[0].get('ename')})")
    return failed, timed_out


def limits(extra: list[str] | None = None) -> Limits:
    """The limits of nbgrader_config.py, with command-line style overrides such as ``--Limits.cell_seconds=15``."""
    from traitlets.config import Config
    from traitlets.config.loader import KVArgParseConfigLoader, PyFileConfigLoader

    config = Config(PyFileConfigLoader("nbgrader_config.py", path=str(HERE)).load_config())
    if extra:
        config.merge(KVArgParseConfigLoader(extra).load_config())
    return Limits(config=config)


def grade_one(course: Course, student: str, aid: str, cell_timeout: float | None = None,
              submission_timeout: float = SUBMISSION_TIMEOUT_S, db: Path | None = None,
              extra: list[str] | None = None) -> Row:
    """Autograde one submission (its assignment must already be in gradebook `db`, default the course's).

    Status "graded" means nbgrader recorded the grades in `db`.
    """
    start = time.perf_counter()
    extra = list(extra or []) + ([f"--Limits.cell_seconds={int(cell_timeout)}"] if cell_timeout else [])
    row = _grade_one(course, Row(student, aid), submission_timeout, db, extra)
    row.seconds = time.perf_counter() - start
    return row


def _grade_one(course: Course, row: Row, submission_timeout: float, db: Path | None, extra: list[str]) -> Row:
    student, aid = row.student, row.assignment
    if course.source(aid).exists():
        row.max_score, row.manual_points = max_points(course.read(course.source(aid)))
    problem = check_submission(course, student, aid)
    if problem:
        row.status, row.reason = "error", problem
        return row
    try:
        result = nbgrader(["autograde", aid, "--student", student, "--force"], course, db=db,
                          timeout=submission_timeout, extra=extra)
    except subprocess.TimeoutExpired:
        row.status, row.reason = "error", f"grading took longer than {submission_timeout:g} s and was stopped"
        return row
    if result.returncode != 0:
        row.status, row.reason = "error", f"nbgrader autograde failed: {error_lines(result.stdout)}"
        return row
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{db or course.gradebook}") as gb:
        try:
            sub = gb.find_submission(aid, student)
        except MissingEntry:
            row.status, row.reason = "error", f"nbgrader recorded no grades: {error_lines(result.stdout)}"
            return row
        row.score, row.max_score = float(sub.code_score), float(sub.max_code_score)
    failed, timed_out = failed_tests(course, student, aid)
    notes = []
    if failed:
        notes.append(f"failed tests: {', '.join(failed)}")
    if timed_out:
        notes.append(f"cells stopped after the time limit: {', '.join(timed_out)}")
    graded = course.autograded(student, aid)
    notes += fair.notes(course.read(course.source(aid)), course.read(course.submission(student, aid)),
                        course.read(graded) if graded.exists() else None)
    row.reason = "; ".join(notes) or "all tests passed"
    return row


def write_csv(rows: list[Row], out) -> None:
    with open(out, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([r.student, r.assignment, f"{r.score:g}", f"{r.max_score:g}", f"{r.manual_points:g}",
                             r.status, r.reason])


def grade(course: Course, cell_timeout: float | None = None, submission_timeout: float | None = None,
          out=None, jobs: int = 1, student: str | None = None, assignment: str | None = None, force: bool = False,
          allow_unsandboxed: bool = False, sandbox: bool = True) -> list[Row]:
    """Autograde the submissions of `course` and write the grades CSV (AssignmentError if one cannot load).

    `jobs` submissions at once; finished grades are kept in a journal, so a rerun after an interruption grades
    only the rest (`force` regrades all); `student` / `assignment` regrade only those. SandboxUnavailable where
    the sandbox cannot run, unless `allow_unsandboxed`; `sandbox=False` grades without it on purpose (to measure
    its cost). Either way every row's reason then starts with "UNSANDBOXED".
    """
    extra = [f"--Limits.cell_seconds={int(cell_timeout)}"] if cell_timeout else []
    if submission_timeout:
        extra.append(f"--Limits.submission_seconds={int(submission_timeout)}")
    unsandboxed = sandbox_problem() if sandbox else "switched off for this run"
    if unsandboxed:
        if not allow_unsandboxed and sandbox:
            raise SandboxUnavailable(f"refusing to grade: {unsandboxed}. Student code would run with your "
                                     "permissions; pass ALLOW_UNSANDBOXED=1 (make) or --allow-unsandboxed to "
                                     "grade anyway, e.g. inside a throw-away container.")
        print(f"WARNING: grading WITHOUT a sandbox: {unsandboxed}", flush=True)
        extra.append("--Limits.sandbox=False")
    limit = limits(extra)
    hard_timeout = limit.submission_seconds + 300  # the grader stops cells itself; this is the backstop
    pairs = course.submissions()
    if (student or assignment) and not any(student in (None, s) and assignment in (None, a) for s, a in pairs):
        raise AutograderError(f"no submission of student {student or '*'} for assignment {assignment or '*'}")
    load_into_gradebook(course, sorted({a for _, a in pairs} & set(course.ids())))
    settings = repr(sorted((k, getattr(limit, k)) for k in limit.trait_names() if k not in ("config", "parent", "log")))

    def key_of(s: str, a: str) -> str:
        return batch.digest([course.submission_dir(s, a), course.source(a)], settings)

    def one(s: str, a: str, private: Path) -> tuple[Row, bool]:
        row = grade_one(course, s, a, submission_timeout=hard_timeout, db=private, extra=extra)
        if unsandboxed:
            row.reason = f"UNSANDBOXED ({unsandboxed}); {row.reason}"
        return row, row.status == "graded"

    def report(r) -> None:
        if isinstance(r, Row):
            print(f"{r.student:24s} {r.assignment:30s} {r.score:5g}/{r.max_score:<5g} {r.status:7s} {r.reason}",
                  flush=True)
        else:
            print(r, flush=True)

    selected = (lambda s, a: student in (None, s) and assignment in (None, a)) if (student or assignment) else None
    rows = batch.run_batch(pairs, one, course.gradebook, course.gradebook.parent / batch.JOURNAL, key_of, Row,
                           jobs=jobs, force=force, selected=selected, report=report)
    out = out or course.grades_csv
    write_csv(rows, out)
    print(f"wrote {out} ({len(rows)} submissions)")
    return rows
