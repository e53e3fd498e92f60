"""`make grade`: autograde every submission and write the grades CSV, robustly.

Every submission under ``autograder/submitted/<student>/<assignment>/`` gets one row of
``autograder/grades.csv``:

    student, assignment, score, max_score, manual_points, status, reason

`score` / `max_score` are the autograded test points; `manual_points` are the written answers, graded by hand
in the formgrader. A broken submission (invalid JSON, missing notebook, a crash, an infinite loop) is recorded
with status "error" or a reason, and never stops the others: each runs in its own `nbgrader autograde` process
with a time limit. Cells that timed out are named in `reason`, so an instructor can look at a submission that
loops forever outside a tested function (nbgrader interrupts that cell and still scores the tests).
"""
from __future__ import annotations

import csv
import subprocess
import time
from dataclasses import dataclass

import nbformat

from autograder.cells import error_outputs, grade_id, is_test_cell, max_points
from autograder.commands import error_lines, nbgrader
from autograder.course import Course
from autograder.release import load_into_gradebook

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


def grade_one(course: Course, student: str, aid: str, cell_timeout: float | None = None,
              submission_timeout: float = SUBMISSION_TIMEOUT_S) -> Row:
    """Autograde one submission (its assignment must already be in the gradebook)."""
    row = Row(student, aid)
    if course.source(aid).exists():
        row.max_score, row.manual_points = max_points(course.read(course.source(aid)))
    problem = check_submission(course, student, aid)
    if problem:
        row.status, row.reason = "error", problem
        return row
    extra = [f"--Execute.timeout={int(cell_timeout)}"] if cell_timeout else []
    try:
        result = nbgrader(["autograde", aid, "--student", student, "--force"], course,
                          timeout=submission_timeout, extra=extra)
    except subprocess.TimeoutExpired:
        row.status, row.reason = "error", f"grading took longer than {submission_timeout:g} s and was stopped"
        return row
    if result.returncode != 0:
        row.status, row.reason = "error", f"nbgrader autograde failed: {error_lines(result.stdout)}"
        return row
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(course.db_url) as gb:
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
    row.reason = "; ".join(notes) or "all tests passed"
    return row


def write_csv(rows: list[Row], out) -> None:
    with open(out, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([r.student, r.assignment, f"{r.score:g}", f"{r.max_score:g}", f"{r.manual_points:g}",
                             r.status, r.reason])


def grade(course: Course, cell_timeout: float | None = None, submission_timeout: float = SUBMISSION_TIMEOUT_S,
          out=None) -> list[Row]:
    """Autograde every submission of `course` and write the grades CSV (AssignmentError if one cannot load)."""
    pairs = course.submissions()
    load_into_gradebook(course, sorted({a for _, a in pairs} & set(course.ids())))
    rows = []
    for student, aid in pairs:
        start = time.perf_counter()
        row = grade_one(course, student, aid, cell_timeout, submission_timeout)
        row.seconds = time.perf_counter() - start
        print(f"{student:24s} {aid:30s} {row.score:5g}/{row.max_score:<5g} {row.status:7s} {row.reason}", flush=True)
        rows.append(row)
    out = out or course.grades_csv
    write_csv(rows, out)
    print(f"wrote {out} ({len(rows)} submissions)")
    return rows
