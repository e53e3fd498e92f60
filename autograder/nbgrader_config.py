"""nbgrader configuration of the course.

Course root: the repository root. The folder names come from `autograder.course.LAYOUT` (the one place
that knows the layout): `solutions/` holds the nbgrader source (instructor notebooks with solutions and
hidden tests), `notebooks/` the student release that `make release` generates from it, and `autograder/`
everything grading creates: submissions, autograded copies, feedback, the gradebook and the grades CSV.

Loaded by every nbgrader command the tooling runs (`python -m autograder ...`), by `nbgrader` and the
formgrader started from the repository root (through ../nbgrader_config.py), and by tests, which point
`CourseDirectory.root` at a temporary copy.
"""
from pathlib import Path

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, GetGrades,
                                    IgnorePattern, LimitOutput, SaveAutoGrades)

from autograder.course import COURSE_ID, LAYOUT, Course
from autograder.feedback import HideHiddenTestTracebacks
from autograder.kernel import GradingExecute, cell_timeout

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

course = Course(Path(__file__).resolve().parents[1])  # this file sits in <root>/autograder/
c.CourseDirectory.root = str(course.root)
c.CourseDirectory.course_id = COURSE_ID
for name, folder in LAYOUT.items():
    setattr(c.CourseDirectory, name, folder)
c.CourseDirectory.db_url = course.db_url

# Graded notebooks run in FAST mode with the course's one kernel environment (autograder/kernel.py). Only
# the grading kernel gets it: never set os.environ here, JupyterLab's nbgrader extension loads this file.
# This is nbgrader's default autograde list with Execute replaced by GradingExecute.
c.Autograde.autograde_preprocessors = [GradingExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]

# Seconds a single cell may run before the kernel is interrupted and the cell marked as an error
# (an infinite loop in a graded function then scores 0 for that test, and grading goes on).
# nbgrader reads Execute.timeout; ExecutePreprocessor.timeout is ignored by some versions.
c.Execute.timeout = cell_timeout(fast=True)
c.Execute.interrupt_on_timeout = True

# The release keeps no outputs and students get a clear stub to replace.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ClearSolutions.enforce_metadata = True

# Feedback must not show hidden tests: strip them from the feedback copy (nbgrader needs classes here).
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, HideHiddenTestTracebacks, CSSHTMLHeaderPreprocessor]
