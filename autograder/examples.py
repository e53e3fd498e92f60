"""Make the example submissions in autograder/submitted/ from the release and the solution.

    python -m autograder examples [ASSIGNMENT]     # default: 01-why-convolutions

Each example student shows one case `make grade` must handle (expected result in brackets):

    example-solution        the release with every exercise solved            [full marks]
    example-blank           the untouched release                             [0]
    example-tampered        unsolved, every test cell replaced by `pass` and
                            its points set to 100                             [0: nbgrader restores the tests]
    example-infinite-loop   solved, but the first graded function loops
                            forever                                           [full marks minus that test]
    example-exception       solved, but one graded function raises            [full marks minus that test]
    example-invalid-json    a truncated .ipynb file                           [error, clear reason]
    example-missing         a folder without the notebook                     [error, clear reason]

A test regenerates them and checks the committed copies are identical, so they cannot go stale.
"""
from __future__ import annotations

import ast
import copy
import shutil
from pathlib import Path

import nbformat

from autograder.cells import grade_id, is_solution, is_solution_cell, is_test_cell
from autograder.course import Course

DEFAULT = "01-why-convolutions"


def _solved_source(source: str) -> str:
    """A solution cell as a student would hand it in: the solution code without nbgrader's markers."""
    return "\n".join(ln for ln in source.splitlines() if "### BEGIN SOLUTION" not in ln and "### END SOLUTION" not in ln)


def _first_function(source: str) -> ast.FunctionDef:
    return next(n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef))


def _replace_body(source: str, new_body: str) -> str:
    """Keep the signature and docstring of the cell's first function; replace the rest of its body."""
    fn = _first_function(source)
    lines = source.splitlines()
    doc_end = fn.body[0].end_lineno if ast.get_docstring(fn) else fn.lineno
    indent = " " * (fn.col_offset + 4)
    return "\n".join(lines[:doc_end] + [indent + ln for ln in new_body.splitlines()] + lines[fn.end_lineno:])


def solved_notebook(aid: str, course: Course | None = None) -> nbformat.NotebookNode:
    """The release of `aid` with every solution cell filled in from solutions/, as a student would submit it."""
    course = course or Course()
    solution = course.read(course.source(aid))
    solved = course.read(course.release(aid))
    sol_by_id = {grade_id(c): c for c in solution.cells if "nbgrader" in c.metadata}
    for cell in solved.cells:
        if is_solution(cell):
            source = sol_by_id[grade_id(cell)].source
            cell.source = _solved_source(source) if cell.cell_type == "code" else source
    return solved


def make_examples(aid: str = DEFAULT, out: Path | None = None, course: Course | None = None) -> list[str]:
    """Write the example submissions of assignment `aid` under `out` (default: the course's submitted
    folder); return the student ids."""
    course = course or Course()
    out = Path(out) if out is not None else course.submitted_dir
    release = course.read(course.release(course.check(aid)))
    solved = solved_notebook(aid, course)
    solution_cells = [c for c in solved.cells if is_solution_cell(c)]

    tampered = copy.deepcopy(release)
    for cell in tampered.cells:
        if is_test_cell(cell):
            cell.source = "pass"
            cell.metadata["nbgrader"]["points"] = 100

    looping = copy.deepcopy(solved)
    loop_cell = next(c for c in looping.cells if grade_id(c) == grade_id(solution_cells[0]))
    loop_cell.source = _replace_body(loop_cell.source, "while True:  # a bug: the loop never ends\n    pass")

    raising = copy.deepcopy(solved)
    raise_cell = next(c for c in raising.cells if grade_id(c) == grade_id(solution_cells[-1]))
    raise_cell.source = _replace_body(raise_cell.source, 'raise RuntimeError("I did not finish this one")')

    notebooks = {"example-solution": solved, "example-blank": release, "example-tampered": tampered,
                 "example-infinite-loop": looping, "example-exception": raising}
    for student, nb in notebooks.items():
        folder = out / student / aid  # the course layout: <submitted>/<student>/<assignment>/
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{aid}.ipynb")
    broken = out / "example-invalid-json" / aid
    broken.mkdir(parents=True, exist_ok=True)
    text = nbformat.writes(solved)
    (broken / f"{aid}.ipynb").write_text(text[: len(text) // 2])  # cut off half-way, as an interrupted upload
    missing = out / "example-missing" / aid
    if missing.exists():
        shutil.rmtree(missing)
    missing.mkdir(parents=True)
    (missing / "my_answers.txt").write_text("I wrote my answers here instead of in the notebook.\n")
    return [*notebooks, "example-invalid-json", "example-missing"]

