"""nbgrader configuration of the course.

Course root: the repository root. `solutions/` holds the nbgrader source (instructor notebooks
with solutions and hidden tests), `notebooks/` the student release that `make release`
generates from it, and `autograder/` everything grading creates: submissions, autograded
copies, feedback, the gradebook and the grades CSV.

Used by the Makefile (`make release`, `make grade`) and by tests, which point
`CourseDirectory.root` at a temporary copy.
"""
import os
import sys

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # for course_preprocessors.py

c.CourseDirectory.root = ROOT
c.CourseDirectory.course_id = "cnn-first-principles"
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "notebooks"
c.CourseDirectory.submitted_directory = os.path.join("autograder", "submitted")
c.CourseDirectory.autograded_directory = os.path.join("autograder", "autograded")
c.CourseDirectory.feedback_directory = os.path.join("autograder", "feedback")
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(ROOT, "autograder", "gradebook.db")

from course_preprocessors import GradingExecute, HideHiddenTestTracebacks  # noqa: E402
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests,  # noqa: E402
                                    GetGrades, IgnorePattern, LimitOutput, SaveAutoGrades)

# Graded notebooks run in FAST mode (same code paths, smaller data and fewer epochs). Only the grading
# kernel gets CNNLAB_FAST=1: never set os.environ here, JupyterLab's nbgrader extension loads this file.
# This is nbgrader's default autograde list with Execute replaced by GradingExecute.
c.Autograde.autograde_preprocessors = [GradingExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]

# Seconds a single cell may run before the kernel is interrupted and the cell marked as an error
# (an infinite loop in a graded function then scores 0 for that test, and grading goes on).
# nbgrader reads Execute.timeout; ExecutePreprocessor.timeout is ignored by some versions.
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True

# The release keeps no outputs and students get a clear stub to replace.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ClearSolutions.enforce_metadata = True

# Feedback must not show hidden tests: strip them from the feedback copy (nbgrader needs classes here).
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, HideHiddenTestTracebacks, CSSHTMLHeaderPreprocessor]
