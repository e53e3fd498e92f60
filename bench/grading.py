"""Section 3: how long nbgrader autograding takes per submission, and for a batch.

Latency: in a temporary course (a copy of solutions/ and notebooks/, `Course.copy_to`, as the
pipeline tests build one), every assignment that has a release gets two submissions, its solved notebook
(`examples.solved_notebook`) and its untouched release, and `grading.grade` grades them all. Each
submission's latency is the time `grading.grade` records for it (one `nbgrader autograde`
process: start, execute in FAST mode, score); the one-off
loading of the assignments into the gradebook is reported apart.

Batch: 20 generated submissions of one assignment (01), graded in one `grading.grade` call: solved
notebooks in which 0 to 3 graded functions were swapped, at random (seed 0), for one of that
function's mutants in tests/mutants/ (the mistakes students really make). Target: median latency
under 30 s per notebook submission.
"""
from __future__ import annotations

import copy
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import nbformat

from autograder import examples, grading
from autograder.cells import is_solution_cell, top_level_definitions
from autograder.course import Course
from autograder.errors import AssignmentError
from autograder.mutants import Mutant, swap_definition

from bench.benchutil import COURSE

TARGET_MEDIAN_S = 30.0
BATCH_ASSIGNMENT = examples.DEFAULT  # 01-why-convolutions


def grade_timed(course: Course, skipped: dict | None = None) -> tuple[list[dict], float]:
    """Grade every submission under `root`; (rows with their latency, total seconds of the call).

    An assignment nbgrader cannot load (a half-written source notebook) is dropped, noted in
    `skipped`, and the others are graded again.
    """
    while True:
        start = time.perf_counter()
        try:
            rows = grading.grade(course, allow_unsandboxed=True)  # trusted, generated submissions: sandboxed where possible
            break
        except AssignmentError as exc:  # nbgrader cannot load that assignment into the gradebook
            if skipped is None:
                raise
            skipped[exc.assignment] = f"nbgrader cannot load it: {str(exc)[-300:]}"
            for student, aid in course.submissions():
                if aid == exc.assignment:
                    shutil.rmtree(course.submission_dir(student, aid))
    total = time.perf_counter() - start
    return [{"student": r.student, "assignment": r.assignment, "seconds": r.seconds,
             "score": r.score, "max_score": r.max_score, "status": r.status, "reason": r.reason}
            for r in rows], total


def summary(rows: list[dict]) -> dict:
    times = [r["seconds"] for r in rows if r["seconds"] is not None]
    return {"count": len(times), "median_s": statistics.median(times) if times else None,
            "max_s": max(times) if times else None}


def mutated_submissions(aid: str, n: int, seed: int = 0):
    """n solved notebooks of `aid`, each with 0 to 3 graded functions replaced by a random mutant."""
    solved = examples.solved_notebook(aid)
    mutants = [Mutant.load(p) for p in COURSE.mutants(aid)]
    by_target: dict[str, list] = {}
    for m in mutants:
        by_target.setdefault(m.target, []).append(m)
    rng = random.Random(seed)
    for i in range(n):
        nb = copy.deepcopy(solved)
        targets = rng.sample(sorted(by_target), k=min(len(by_target), rng.choice([0, 1, 1, 2, 3])))
        chosen = [rng.choice(by_target[t]) for t in targets]
        for m in chosen:
            cell = next(c for c in nb.cells if is_solution_cell(c)
                        and m.target in top_level_definitions(c.source))
            cell.source = swap_definition(cell.source, m.target, m.definition, m.preamble)
        yield f"batch-{i:02d}", nb, [m.path.stem for m in chosen]


def latency(ids: list[str]) -> dict:
    skipped = {}
    with tempfile.TemporaryDirectory(prefix="cnnlab-bench-grade-") as tmp:
        course = COURSE.copy_to(Path(tmp) / "course")
        for aid in ids:
            release = COURSE.release(aid)
            if not release.exists():
                skipped[aid] = "no release in notebooks/ (run `make release`)"
                continue
            try:
                solved = examples.solved_notebook(aid)
            except Exception as exc:  # e.g. a release out of step with its source
                skipped[aid] = f"cannot build the solved submission: {type(exc).__name__}: {exc}"[:300]
                continue
            course.submit("solution", aid, solved)
            course.submit("release", aid, nbformat.read(release, as_version=4))
        rows, total = grade_timed(course, skipped) if len(skipped) < len(ids) else ([], 0.0)
    graded = sum(r["seconds"] or 0 for r in rows)
    return {"submissions": rows, "skipped": skipped, "total_s": total,
            "setup_s": total - graded if rows else None, **summary(rows)}


def batch(aid: str, n: int) -> dict:
    if not COURSE.release(aid).exists():
        return {"assignment": aid, "size": n, "status": "not available", "reason": f"no release of {aid}"}
    with tempfile.TemporaryDirectory(prefix="cnnlab-bench-batch-") as tmp:
        course = COURSE.copy_to(Path(tmp) / "course")
        mistakes = {}
        try:
            for student, nb, chosen in mutated_submissions(aid, n):
                course.submit(student, aid, nb)
                mistakes[student] = chosen
        except Exception as exc:  # a release out of step with its source, a broken mutant file
            return {"assignment": aid, "size": n, "status": "not available",
                    "reason": f"cannot generate the submissions: {type(exc).__name__}: {exc}"[:300]}
        rows, total = grade_timed(course)
    for r in rows:
        r["mistakes"] = mistakes.get(r["student"], [])
    return {"assignment": aid, "size": n, "status": "ok", "total_s": total, "submissions": rows, **summary(rows)}


def run(ids: list[str], tiny: bool = False) -> dict:
    ids = [BATCH_ASSIGNMENT] if tiny and BATCH_ASSIGNMENT in ids else ids
    lat = latency(ids)
    bat = batch(BATCH_ASSIGNMENT, 2 if tiny else 20)
    median = lat["median_s"]
    return {"cell_timeout": "the course config (c.Execute.timeout)", "latency": lat, "batch": bat,
            "targets": [{"target": f"median autograde latency under {TARGET_MEDIAN_S:g} s per submission",
                         "measured": f"{median:.1f} s (max {lat['max_s']:.1f} s, {lat['count']} submissions)"
                         if median is not None else "not measured",
                         "met": median < TARGET_MEDIAN_S if median is not None else None}]}
