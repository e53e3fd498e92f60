"""The nbgrader pipeline, end to end, on a temporary copy of the course.

1. every solution notebook executes top to bottom in FAST mode with no error (its autograded copy
   has no error output);
2. autograding the solution gives full marks; the untouched release gives 0;
3. a submission that edits test cells to `pass` still gets the original tests;
4. an infinite loop inside a graded function is cut off and scores 0 for that test only;
5. (in test_mutants.py) the mutant harness.
Plus: the committed release and example submissions are what the generators make now, and
feedback does not show hidden tests.
"""
from __future__ import annotations

import csv
import filecmp
import os
import shutil
from pathlib import Path

import nbformat
import pytest

from autograder import examples, feedback, grading, release
from autograder.cells import grade_id as cell_id, is_test_cell, points
from autograder.course import LAYOUT, Course
from autograder.kernel import FAST_ENV

pytestmark = pytest.mark.notebook
COURSE = Course()
ROOT = COURSE.root
IDS = COURSE.ids()


def _points(aid: str, grade_id: str) -> float:
    nb = COURSE.read(COURSE.source(aid))
    return next(points(c) for c in nb.cells if cell_id(c) == grade_id)


@pytest.fixture(scope="session")
def every_assignment(tmp_path_factory):
    """Each assignment's solution and untouched release, autograded as two students."""
    course = COURSE.copy_to(tmp_path_factory.mktemp("course") / "course")
    for aid in IDS:
        course.submit("solution", aid, examples.solved_notebook(aid))
        course.submit("release", aid, COURSE.read(COURSE.release(aid)))
    rows = grading.grade(course, allow_unsandboxed=True)  # trusted notebooks: also where no sandbox runs
    return course, {(r.student, r.assignment): r for r in rows}


@pytest.mark.parametrize("aid", IDS)
def test_solution_executes_without_error(every_assignment, aid):
    course, _ = every_assignment
    nb = course.read(course.autograded("solution", aid))
    errors = [(i, o.get("ename"), o.get("evalue")) for i, c in enumerate(nb.cells)
              for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors, f"{aid}: cells raised in FAST mode: {errors}"


@pytest.mark.parametrize("aid", IDS)
def test_solution_full_marks_release_zero(every_assignment, aid):
    _, rows = every_assignment
    solved, blank = rows[("solution", aid)], rows[("release", aid)]
    assert solved.max_score > 0, f"{aid} has no autograded points"
    assert (solved.status, solved.score) == ("graded", solved.max_score), f"{aid} solution: {solved}"
    assert (blank.status, blank.score) == ("graded", 0), f"{aid} release: {blank}"


def test_release_is_in_sync(tmp_path):
    """`make release` output equals the committed notebooks/ (run it after editing solutions/)."""
    source, released = LAYOUT["source_directory"], LAYOUT["release_directory"]
    fresh_course = Course(tmp_path / "course")
    shutil.copytree(ROOT / source, fresh_course.root / source)
    release.release(fresh_course)
    fresh, committed = fresh_course.root / released, ROOT / released
    assert sorted(p.name for p in fresh.iterdir()) == sorted(p.name for p in committed.iterdir() if p.is_dir()), \
        "notebooks/ and solutions/ hold different assignments: run `make release`"
    for aid in IDS:
        a, b = fresh_course.release(aid), COURSE.release(aid)
        assert filecmp.cmp(a, b, shallow=False), f"notebooks/{aid} is out of date: run `make release`"


def test_example_submissions_are_in_sync(tmp_path):
    students = examples.make_examples(out=tmp_path)
    committed = COURSE.submitted_dir
    assert sorted(students) == sorted(p.name for p in committed.iterdir() if p.is_dir())
    for path in tmp_path.rglob("*"):
        if path.is_file():
            twin = committed / path.relative_to(tmp_path)
            assert twin.exists() and filecmp.cmp(path, twin, shallow=False), \
                f"{twin} is out of date: run `python -m autograder examples`"


@pytest.fixture(scope="session")
def graded_examples(tmp_path_factory):
    """`make grade` on the committed example submissions (short cell time limit to keep the test quick),
    plus one submission that passes the visible tests and fails a hidden one, for the feedback check."""
    course = COURSE.copy_to(tmp_path_factory.mktemp("examples") / "course")
    shutil.rmtree(course.submitted_dir)
    shutil.copytree(COURSE.submitted_dir, course.submitted_dir)
    aid = examples.DEFAULT
    sneaky = examples.solved_notebook(aid)
    cell = next(c for c in sneaky.cells if cell_id(c) == "conv1d")
    cell.source = cell.source.replace("start = (k - 1) // 2", "start = k // 2")  # wrong only for even kernels
    course.submit("hidden-test-failure", aid, sneaky)
    probe = examples.solved_notebook(aid)
    probe.cells.append(nbformat.v4.new_code_cell('import os, cnnlab\nprint("mode:", cnnlab.FAST, os.environ.get("MPLBACKEND"))'))
    course.submit("env-probe", aid, probe)
    saved = os.environ.get(FAST_ENV)
    os.environ[FAST_ENV] = "0"  # `make test` sets FAST mode: prove the grader sets it by itself
    try:
        rows = grading.grade(course, cell_timeout=15, allow_unsandboxed=True)
    finally:
        os.environ[FAST_ENV] = saved if saved is not None else ""
        if saved is None:
            del os.environ[FAST_ENV]
    return course, {r.student: r for r in rows}


def test_grading_kernel_runs_in_fast_mode(graded_examples):
    root, rows = graded_examples
    assert rows["env-probe"].score == rows["env-probe"].max_score
    nb = root.read(root.autograded("env-probe", examples.DEFAULT))
    text = "".join(o.get("text", "") for o in nb.cells[-1].get("outputs", []))
    assert "mode: True agg" in text, f"the grading kernel is not in FAST mode: {text!r}"


def test_loading_the_nbgrader_config_leaves_the_environment_alone():
    """JupyterLab's nbgrader extension loads this config: it must not switch students' kernels to FAST mode."""
    from traitlets.config.loader import PyFileConfigLoader

    before = dict(os.environ)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    assert config.CourseDirectory.source_directory == "solutions"
    assert dict(os.environ) == before


def test_nbgrader_config_agrees_with_the_course_layout():
    """Course is the one place that knows the layout; nbgrader must see the same folders."""
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    coursedir = CourseDirectory(config=config)
    assert Path(coursedir.root) == ROOT
    for name, folder in LAYOUT.items():
        assert getattr(coursedir, name) == folder, name
    assert coursedir.db_url == COURSE.db_url
    aid = IDS[0]
    assert Path(coursedir.format_path(coursedir.source_directory, ".", aid)) / f"{aid}.ipynb" == COURSE.source(aid)
    assert Path(coursedir.format_path(coursedir.submitted_directory, "st", aid)) / f"{aid}.ipynb" == \
        COURSE.submission("st", aid)
    assert Path(coursedir.format_path(coursedir.autograded_directory, "st", aid)) / f"{aid}.ipynb" == \
        COURSE.autograded("st", aid)
    assert Path(coursedir.format_path(coursedir.release_directory, ".", aid)) / f"{aid}.ipynb" == COURSE.release(aid)


def test_grades_csv_columns(graded_examples):
    root, rows = graded_examples
    with open(root.grades_csv) as f:
        table = list(csv.DictReader(f))
    assert list(table[0]) == grading.COLUMNS
    assert {r["student"] for r in table} == set(rows)


def test_example_scores(graded_examples):
    _, rows = graded_examples
    aid = examples.DEFAULT
    full = rows["example-solution"].max_score
    assert full == sum(_points(aid, t) for t in ("test_layer_param_counts", "test_conv1d", "test_correlate1d",
                                                 "test_conv_matrix", "test_conv2d_single"))
    assert rows["example-solution"].score == full
    assert rows["example-blank"].score == 0
    assert rows["example-exception"].score == full - _points(aid, "test_conv2d_single")
    assert "test_conv2d_single (RuntimeError)" in rows["example-exception"].reason


def test_tampered_tests_are_restored(graded_examples):
    root, rows = graded_examples
    assert rows["example-tampered"].score == 0
    assert rows["example-tampered"].max_score == rows["example-solution"].max_score, "points metadata was trusted"
    nb = root.read(root.autograded("example-tampered", examples.DEFAULT))
    tests = [c for c in nb.cells if is_test_cell(c)]
    assert tests and all(c.source.strip() != "pass" for c in tests), "a test cell edited to `pass` was not restored"


def test_infinite_loop_is_cut_off(graded_examples):
    _, rows = graded_examples
    row = rows["example-infinite-loop"]
    assert row.status == "graded"
    assert row.score == rows["example-solution"].max_score - _points(examples.DEFAULT, "test_layer_param_counts")
    assert "time limit" in row.reason and "test_layer_param_counts" in row.reason


def test_broken_submissions_get_reasons(graded_examples):
    _, rows = graded_examples
    assert rows["example-invalid-json"].status == "error"
    assert "not a valid notebook" in rows["example-invalid-json"].reason
    assert rows["example-missing"].status == "error"
    assert "missing notebook" in rows["example-missing"].reason and "my_answers.txt" in rows["example-missing"].reason


def test_feedback_hides_hidden_tests(graded_examples):
    root, rows = graded_examples
    row = rows["hidden-test-failure"]
    assert row.score == row.max_score - _points(examples.DEFAULT, "test_conv1d"), row
    feedback.feedback(root)
    html = next((root.feedback_dir / "hidden-test-failure").rglob("*.html")).read_text()
    assert "differs from the reference" in html, "the student should see why the test failed"
    assert "HIDDEN TESTS" not in html and "rng_h" not in html, "feedback shows hidden test code"
