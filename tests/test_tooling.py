"""The course tooling package: the layout in one place, one way to run notebooks, typed errors, the CLI."""
from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from autograder import __main__ as cli
from autograder.cells import graded_names, is_answer_cell, is_solution_cell, is_test_cell, max_points
from autograder.course import Course
from autograder.errors import AssignmentError, MutantError, NotebookError
from autograder.kernel import FAST_ENV, NotebookKernel, cell_timeout, execute_notebook, kernel_env
from autograder.mutants import Mutant, load_mutants, swap_definition

COURSE = Course()


def test_fast_variable_is_the_one_cnnlab_reads():
    import cnnlab.runtime

    assert FAST_ENV == cnnlab.runtime.FAST_ENV
    assert kernel_env(fast=True)[FAST_ENV] == "1" and kernel_env(fast=False)[FAST_ENV] == "0"
    assert kernel_env()["MPLBACKEND"] == "agg"
    assert cell_timeout(fast=True) < cell_timeout(fast=False)


def test_course_paths_and_unknown_assignment(tmp_path):
    aid = COURSE.ids()[0]
    assert COURSE.source(aid) == COURSE.root / "solutions" / aid / f"{aid}.ipynb"
    assert COURSE.submission("ann", aid) == COURSE.root / "autograder" / "submitted" / "ann" / aid / f"{aid}.ipynb"
    with pytest.raises(AssignmentError, match="known: 01-why-convolutions") as info:
        COURSE.check("99-nothing")
    assert info.value.assignment == "99-nothing"
    empty = Course(tmp_path)
    assert empty.ids() == [] and empty.submissions() == []


def test_cell_kinds_of_a_solution_notebook():
    nb = COURSE.read(COURSE.source("01-why-convolutions"))
    assert "conv1d" in graded_names(nb)
    auto, manual = max_points(nb)
    assert auto > 0 and manual > 0
    for cell in nb.cells:  # the three kinds are disjoint
        assert is_solution_cell(cell) + is_test_cell(cell) + is_answer_cell(cell) <= 1


def _notebook(tmp_path, *sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.mark.notebook
def test_execute_notebook_uses_the_kernel_environment_and_raises_typed_errors(tmp_path):
    path = _notebook(tmp_path, "import os\nprint(os.environ['CNNLAB_FAST'], os.environ['MPLBACKEND'])")
    nb, seconds = execute_notebook(path, fast=False)
    assert nb.cells[0].outputs[0]["text"].strip() == "0 agg" and seconds > 0
    with pytest.raises(NotebookError, match="cell 1 raised ZeroDivisionError"):
        execute_notebook(_notebook(tmp_path, "x = 1", "1 / 0"))


@pytest.mark.notebook
def test_notebook_kernel_reports_errors_timeouts_and_survives_a_dead_kernel(tmp_path):
    kernel = NotebookKernel(tmp_path, timeout=3)
    try:
        assert kernel.run("x = 2") is None
        assert kernel.run("assert x == 3, 'x is wrong'") == "AssertionError: x is wrong"
        assert kernel.run("while True: pass") == "timed out after 3 s"
        assert kernel.run("x") is None, "the kernel must be usable after an interrupted cell"
        assert kernel.run("import os; os._exit(1)").startswith("DeadKernelError")
        assert kernel.run("y = 1") is None, "a fresh kernel after the old one died"
    finally:
        kernel.close()


def test_mutant_in_the_wrong_folder_is_refused(tmp_path):
    course = COURSE.copy_to(tmp_path / "course")
    aid = "01-why-convolutions"
    wrong = course.mutants_dir(aid) / "correlate1d" / "conv1d__misfiled.py"
    wrong.parent.mkdir(parents=True)
    wrong.write_text('"""Filed under the wrong cell."""\ndef conv1d(x, w, mode="valid"):\n    return x\n')
    with pytest.raises(MutantError, match="put the mutant in tests/mutants/01-why-convolutions/conv1d/"):
        load_mutants(course, aid, course.read(course.source(aid)))


def test_mutant_files_need_a_docstring_and_one_definition(tmp_path):
    path = tmp_path / "f__bug.py"
    path.write_text("def f():\n    return 1\n")
    with pytest.raises(MutantError, match="docstring"):
        Mutant.load(path)
    path.write_text('"""Two definitions."""\ndef f():\n    pass\ndef g():\n    pass\n')
    with pytest.raises(MutantError, match="exactly one"):
        Mutant.load(path)
    assert swap_definition("import x\ndef f():\n    return 1\ny = 2", "f", "def f():\n    return 3") == \
        "import x\ndef f():\n    return 3\ny = 2"


def test_cli_turns_errors_into_exit_codes(capsys):
    assert cli.main(["release", "99-nothing"]) == 2
    assert "no assignment '99-nothing'" in capsys.readouterr().err
    assert cli.main(["author", "to-ipynb", "/nonexistent.py"]) == 2


def test_cli_runs_as_a_module():
    proc = subprocess.run([sys.executable, "-m", "autograder", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    for command in ("release", "grade", "feedback", "mutants", "execute", "author", "examples"):
        assert command in proc.stdout


def test_no_import_path_edits_and_no_imports_between_tests_and_bench():
    import re

    offenders, crossings = [], []
    for folder in ("cnnlab", "autograder", "tests", "bench"):
        for path in (COURSE.root / folder).rglob("*.py"):
            text = path.read_text()
            if re.search(r"sys\.path\.(insert|append)|sys\.path\s*=|importlib\.util\.spec_from_file", text):
                offenders.append(str(path.relative_to(COURSE.root)))
            other = {"tests": "bench", "bench": "tests"}.get(folder)
            if other and re.search(rf"^\s*(from|import) {other}\b", text, re.M):
                crossings.append(str(path.relative_to(COURSE.root)))
    assert not offenders, f"import-path edits (make it an importable package instead): {offenders}"
    assert not crossings, f"imports between tests/ and bench/: {crossings}"
