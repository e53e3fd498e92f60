import nbformat
import pytest

from autograder.authoring import notebook_to_py, py_to_notebook
from autograder.course import Course

SOURCE = '''# %% [markdown]
# # Title
#
# Some $x^2$ maths.

# %%
import numpy as np

# %% [solution] id=square
def square(x):
    """x (N,) -> (N,)"""
    ### BEGIN SOLUTION
    return x ** 2
    ### END SOLUTION

# %% [tests] id=test_square points=2
assert square(3) == 9
### BEGIN HIDDEN TESTS
assert square(-2) == 4
### END HIDDEN TESTS

# %% [answer] id=q1 points=1
# The model answer.
'''


def test_cells_and_nbgrader_metadata():
    nb = py_to_notebook(SOURCE)
    kinds = [c.cell_type for c in nb.cells]
    assert kinds == ["markdown", "code", "code", "code", "markdown"]
    assert nb.cells[0].source == "# Title\n\nSome $x^2$ maths."
    sol, test, answer = (c.metadata["nbgrader"] for c in nb.cells[2:])
    assert sol == {"grade_id": "square", "schema_version": 3, "task": False, "grade": False, "solution": True,
                   "locked": False}
    assert test["grade"] and test["locked"] and test["points"] == 2 and not test["solution"]
    assert answer["grade"] and answer["solution"] and answer["points"] == 1


def test_round_trip_is_exact():
    nb = py_to_notebook(SOURCE)
    assert py_to_notebook(notebook_to_py(nb)) == nb


def test_committed_solutions_round_trip():
    course = Course()
    for path in map(course.source, course.ids()):
        nb = nbformat.read(path, as_version=4)
        again = py_to_notebook(notebook_to_py(nb))
        assert [c.source for c in again.cells] == [c.source for c in nb.cells], path.name


@pytest.mark.parametrize("text, match", [
    ("# %% [markdown]\n# use ### BEGIN SOLUTION here\n", "marker"),
    ("# %% [solution]\nx = 1\n", "id="),
    ("# %% [quiz] id=a\nx\n", "unknown cell kind"),
    ("x = 1\n# %%\n", "before the first"),
    ("# %% [solution] id=a\nx\n# %% [tests] id=a points=1\nx\n", "duplicate"),
])
def test_clear_errors(text, match):
    with pytest.raises(ValueError, match=match):
        py_to_notebook(text)
