"""The hostile corpus (autograder/hostile.py), graded like `make grade JOBS=2` does, in the sandbox.

One grading run of every case checks: each score, status and reason (and what the cell printed,
where that is the evidence, e.g. "solution cells stopped: 0"); that the batch finishes; that nothing
outside the scratch folders changed (the course tree, hashed before and after, apart from what
grading writes: autograded/, the gradebook, the CSV and the journal); that no manual score was
smuggled into the gradebook. Then: a rerun grades nothing (resumable), and STUDENT=... regrades one.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
import pytest

from autograder import grading, hostile, sandbox
from autograder.course import Course

pytestmark = [pytest.mark.notebook,
              pytest.mark.skipif(sandbox.sandbox_problem() is not None,
                                 reason=f"no sandbox here: {sandbox.sandbox_problem()}")]
ROOT = Path(__file__).resolve().parents[1]
WRITTEN_BY_GRADING = ("autograder/autograded", "autograder/gradebook.db", "autograder/grades.csv",
                      "autograder/grading-journal.jsonl")


def tree_hash(*tops: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    hashes = {}
    for top in tops:
        for path in sorted(top.rglob("*")):
            rel = str(path.relative_to(top))
            if path.is_file() and not rel.startswith(skip):
                hashes[f"{top.name}/{rel}"] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = Course().copy_to(tmp_path_factory.mktemp("hostile") / "course")
    root = course.root
    expected = hostile.write_corpus(course.submitted_dir)
    (course.submitted_dir / "expected.json").unlink()
    before = tree_hash(root, ROOT / "cnnlab", skip=WRITTEN_BY_GRADING)
    rows = grading.grade(course, cell_timeout=20, jobs=2)
    after = tree_hash(root, ROOT / "cnnlab", skip=WRITTEN_BY_GRADING)
    return course, expected, {r.student: r for r in rows}, before, after


def test_corpus_is_big_enough(graded):
    _, expected, _, _, _ = graded
    assert len(expected) >= 20


def test_the_batch_finishes(graded):
    _, expected, rows, _, _ = graded
    assert set(rows) == set(expected)


@pytest.mark.parametrize("case", sorted(hostile.corpus()))
def test_case(graded, case):
    course, expected, rows, _, _ = graded
    want, row = expected[case], rows[case]
    assert (row.status, row.score, row.max_score) == (want.status, want.score, 14), f"{case}: {row}"
    assert want.reason in row.reason, f"{case}: reason {row.reason!r} lacks {want.reason!r}"
    if want.output:
        nb = nbformat.read(course.autograded(case, hostile.AID), as_version=4)
        text = "".join(o.get("text", "") + o.get("ename", "") + o.get("evalue", "")
                       for c in nb.cells for o in c.get("outputs", []))
        assert want.output in text, f"{case}: no output {want.output!r}"


def test_nothing_outside_the_scratch_folders_changed(graded):
    _, _, _, before, after = graded
    # A new bytecode cache file is the test run's own doing (another pytest worker importing a cnnlab module
    # for the first time while this batch grades); any other new, changed or removed file is not.
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k)
                     and not (k not in before and "/__pycache__/" in k))
    assert not changed, f"grading the corpus changed {changed}"


def test_no_manual_score_was_smuggled_in(graded):
    from nbgrader.api import Gradebook

    course, expected, _, _, _ = graded
    with Gradebook(course.db_url) as gb:
        for student in expected:
            if expected[student].status != "graded":
                continue
            sub = gb.find_submission(hostile.AID, student)
            assert all(g.manual_score is None for nb in sub.notebooks for g in nb.grades), student


def test_rerun_is_resumed_and_one_student_can_be_regraded(graded, capsys):
    course, expected, rows, _, _ = graded
    again = grading.grade(course, cell_timeout=20, jobs=2)
    assert {r.student: r.score for r in again} == {s: r.score for s, r in rows.items()}
    assert f"{len(expected)} submissions already graded" in capsys.readouterr().out
    one = grading.grade(course, cell_timeout=20, student="plausible-mutant", assignment=hostile.AID)
    assert "grading 1" in capsys.readouterr().out
    assert {r.student: r.score for r in one} == {s: r.score for s, r in rows.items()}
