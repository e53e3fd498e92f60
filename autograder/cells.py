"""What a cell is, in nbgrader's terms, defined once (nbgrader's own `is_grade` / `is_solution`, reused).

    solution cell   code the student writes         nbgrader: solution, not grade
    test cell       locked autograder tests         nbgrader: grade, not solution (code)
    answer cell     a written answer, graded by hand  nbgrader: grade and solution (markdown)
"""
from __future__ import annotations

import ast

from nbformat import NotebookNode
from nbgrader.utils import is_grade, is_solution


def grade_id(cell: NotebookNode) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def points(cell: NotebookNode) -> float:
    return float(cell.metadata.get("nbgrader", {}).get("points", 0) or 0)


def is_test_cell(cell: NotebookNode) -> bool:
    return cell.cell_type == "code" and bool(is_grade(cell)) and not is_solution(cell)


def is_solution_cell(cell: NotebookNode) -> bool:
    """A code cell the student fills in (graded through the test cells after it)."""
    return cell.cell_type == "code" and bool(is_solution(cell))


def is_answer_cell(cell: NotebookNode) -> bool:
    """A written answer, graded by hand."""
    return bool(is_grade(cell)) and bool(is_solution(cell))


def max_points(nb: NotebookNode) -> tuple[float, float]:
    """(autograded points, manually graded points) of a notebook."""
    auto = sum(points(c) for c in nb.cells if is_test_cell(c))
    manual = sum(points(c) for c in nb.cells if is_answer_cell(c))
    return auto, manual


def top_level_definitions(source: str) -> dict[str, ast.AST]:
    """Top-level functions and classes defined in a cell or file, by name ({} if it does not parse)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    return {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))}


def graded_names(nb: NotebookNode) -> dict[str, int]:
    """Every top-level function or class defined in a solution cell -> the index of that cell."""
    return {name: i for i, cell in enumerate(nb.cells) if is_solution_cell(cell)
            for name in top_level_definitions(cell.source)}


def error_outputs(cell: NotebookNode) -> list[NotebookNode]:
    return [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]


def first_error(cell: NotebookNode) -> str | None:
    """'Name: message' of the cell's first error output (one line, at most 300 characters), or None."""
    errors = error_outputs(cell)
    if not errors:
        return None
    return f"{errors[0].get('ename')}: {errors[0].get('evalue')}"[:300]
