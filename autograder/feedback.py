"""`make feedback`: HTML feedback per graded submission, without hidden tests or their tracebacks.

nbgrader's feedback is an HTML copy of the autograded notebook. `ClearHiddenTests` (configured in
nbgrader_config.py) removes the hidden-test source, but a failing hidden test still prints a traceback that
quotes the failing line: `HideHiddenTestTracebacks` keeps only the error's name and message in test cells,
e.g. "AssertionError: conv1d same N=10 K=4 differs from the reference ...".
"""
from __future__ import annotations

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool

from autograder.cells import is_test_cell
from autograder.commands import error_lines, nbgrader
from autograder.course import Course


class HideHiddenTestTracebacks(Preprocessor):
    enabled = Bool(True)  # nbconvert preprocessors are off unless enabled

    def preprocess_cell(self, cell, resources, index):
        if is_test_cell(cell):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    out["traceback"] = [f"{out.get('ename', 'Error')}: {out.get('evalue', '')}"]
        return cell, resources


def feedback(course: Course) -> list[tuple[str, str, bool]]:
    """Write feedback under autograder/feedback/ for every autograded submission; (student, aid, ok) each."""
    done = []
    for student, aid in course.graded_submissions():
        result = nbgrader(["generate_feedback", aid, "--student", student, "--force"], course)
        ok = result.returncode == 0
        print(f"feedback {student}/{aid}: " + ("ok" if ok else f"failed: {error_lines(result.stdout)}"))
        done.append((student, aid, ok))
    return done
