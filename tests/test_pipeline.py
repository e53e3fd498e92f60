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
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "autograder"))
import examples  # noqa: E402
import pipeline  # noqa: E402

pytestmark = pytest.mark.notebook
IDS = pipeline.assignment_ids(ROOT)


def _points(aid: str, grade_id: str) -> float:
    nb = nbformat.read(ROOT / "solutions" / aid / f"{aid}.ipynb", as_version=4)
    return next(float(c.metadata["nbgrader"]["points"]) for c in nb.cells
                if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


@pytest.fixture(scope="session")
def every_assignment(tmp_path_factory):
    """Each assignment's solution and untouched release, autograded as two students."""
    root = pipeline.new_course(tmp_path_factory.mktemp("course"))
    for aid in IDS:
        pipeline.submit(root, "solution", aid, examples.solved_notebook(aid))
        pipeline.submit(root, "release", aid, nbformat.read(ROOT / "notebooks" / aid / f"{aid}.ipynb", as_version=4))
    rows = pipeline.grade(root, allow_unsandboxed=True)  # trusted notebooks: also where no sandbox runs
    return root, {(r.student, r.assignment): r for r in rows}


@pytest.mark.parametrize("aid", IDS)
def test_solution_executes_without_error(every_assignment, aid):
    root, _ = every_assignment
    nb = nbformat.read(root / "autograder" / "autograded" / "solution" / aid / f"{aid}.ipynb", as_version=4)
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
    course = tmp_path / "course"
    shutil.copytree(ROOT / "solutions", course / "solutions")
    pipeline.release(course)
    fresh, committed = course / "notebooks", ROOT / "notebooks"
    assert sorted(p.name for p in fresh.iterdir()) == sorted(p.name for p in committed.iterdir() if p.is_dir()), \
        "notebooks/ and solutions/ hold different assignments: run `make release`"
    for aid in IDS:
        a, b = fresh / aid / f"{aid}.ipynb", committed / aid / f"{aid}.ipynb"
        assert filecmp.cmp(a, b, shallow=False), f"notebooks/{aid} is out of date: run `make release`"


def test_example_submissions_are_in_sync(tmp_path):
    students = examples.make_examples(out=tmp_path)
    committed = ROOT / "autograder" / "submitted"
    assert sorted(students) == sorted(p.name for p in committed.iterdir() if p.is_dir())
    for path in tmp_path.rglob("*"):
        if path.is_file():
            twin = committed / path.relative_to(tmp_path)
            assert twin.exists() and filecmp.cmp(path, twin, shallow=False), \
                f"{twin} is out of date: run `python autograder/examples.py`"


@pytest.fixture(scope="session")
def graded_examples(tmp_path_factory):
    """`make grade` on the committed example submissions (short cell time limit to keep the test quick),
    plus one submission that passes the visible tests and fails a hidden one, for the feedback check."""
    root = pipeline.new_course(tmp_path_factory.mktemp("examples"))
    shutil.rmtree(root / "autograder" / "submitted")
    shutil.copytree(ROOT / "autograder" / "submitted", root / "autograder" / "submitted")
    aid = examples.DEFAULT
    sneaky = examples.solved_notebook(aid)
    cell = next(c for c in sneaky.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "conv1d")
    cell.source = cell.source.replace("start = (k - 1) // 2", "start = k // 2")  # wrong only for even kernels
    pipeline.submit(root, "hidden-test-failure", aid, sneaky)
    probe = examples.solved_notebook(aid)
    probe.cells.append(nbformat.v4.new_code_cell('import os, cnnlab\nprint("mode:", cnnlab.FAST, os.environ.get("MPLBACKEND"))'))
    pipeline.submit(root, "env-probe", aid, probe)
    saved = os.environ.get("CNNLAB_FAST")
    os.environ["CNNLAB_FAST"] = "0"  # `make test` sets FAST mode: prove the grader sets it by itself
    try:
        rows = pipeline.grade(root, cell_timeout=15, allow_unsandboxed=True)
    finally:
        os.environ["CNNLAB_FAST"] = saved if saved is not None else ""
        if saved is None:
            del os.environ["CNNLAB_FAST"]
    return root, {r.student: r for r in rows}


def test_grading_kernel_runs_in_fast_mode(graded_examples):
    root, rows = graded_examples
    assert rows["env-probe"].score == rows["env-probe"].max_score
    nb = nbformat.read(root / "autograder" / "autograded" / "env-probe" / examples.DEFAULT /
                       f"{examples.DEFAULT}.ipynb", as_version=4)
    text = "".join(o.get("text", "") for o in nb.cells[-1].get("outputs", []))
    assert "mode: True agg" in text, f"the grading kernel is not in FAST mode: {text!r}"


def test_loading_the_nbgrader_config_leaves_the_environment_alone():
    """JupyterLab's nbgrader extension loads this config: it must not switch students' kernels to FAST mode."""
    from traitlets.config.loader import PyFileConfigLoader

    before = dict(os.environ)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()
    assert config.CourseDirectory.source_directory == "solutions"
    assert dict(os.environ) == before


def test_grades_csv_columns(graded_examples):
    root, rows = graded_examples
    with open(root / "autograder" / "grades.csv") as f:
        table = list(csv.DictReader(f))
    assert list(table[0]) == pipeline.COLUMNS
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
    nb = nbformat.read(root / "autograder" / "autograded" / "example-tampered" / examples.DEFAULT /
                       f"{examples.DEFAULT}.ipynb", as_version=4)
    tests = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")
             and not c.metadata["nbgrader"].get("solution")]
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
    pipeline.feedback(root)
    html = next((root / "autograder" / "feedback" / "hidden-test-failure").rglob("*.html")).read_text()
    assert "differs from the reference" in html, "the student should see why the test failed"
    assert "HIDDEN TESTS" not in html and "rng_h" not in html, "feedback shows hidden test code"
