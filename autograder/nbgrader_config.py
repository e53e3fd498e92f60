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

from course_preprocessors import GRADING_ENV, HideHiddenTestTracebacks  # noqa: E402

if ROOT not in sys.path:
    sys.path.insert(0, ROOT)  # for the autograder package (sandbox, fair grading)
from autograder.fair import RestoreTestCells, SafeExecute, StderrIsNotAnError  # noqa: E402
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests,  # noqa: E402
                                    ClearOutput, DeduplicateIds, GetGrades, IgnorePattern, LimitOutput,
                                    OverwriteCells, OverwriteKernelspec, SaveAutoGrades)

# Graded notebooks run in FAST mode (same code paths, smaller data and fewer epochs). Only the grading
# kernel gets CNNLAB_FAST=1: never set os.environ here, JupyterLab's nbgrader extension loads this file.
# nbgrader's default lists, with deleted or renamed test cells restored from the source first, Execute
# replaced by SafeExecute (sandboxed kernel, restarts after a kernel death, time and output limits, tampering
# probe; autograder/fair.py), and stderr of test cells not counted as a failure.
c.Autograde.sanitize_preprocessors = [RestoreTestCells, ClearOutput, DeduplicateIds, OverwriteKernelspec,
                                      OverwriteCells, CheckCellMetadata]
c.Autograde.autograde_preprocessors = [SafeExecute, IgnorePattern, ClearMetadataPreprocessor,
                                       LimitOutput, StderrIsNotAnError, SaveAutoGrades, AssignLatePenalties,
                                       CheckCellMetadata]
c.SafeExecute.kernel_env = GRADING_ENV
c.Execute.interrupt_on_timeout = True

# Every limit on a graded submission (autograder/sandbox.py, class Limits; defaults in brackets).
# A cell that runs longer than cell_seconds is interrupted and marked as an error (an infinite loop in a
# graded function then scores 0 for that test, and grading goes on).
c.Limits.cell_seconds = 120              # [120] wall time of one cell
c.Limits.submission_seconds = 1800       # [1800] wall time of one submission; later cells are not run
c.Limits.memory_bytes = 4 << 30          # [4 GiB] address space of the kernel (RLIMIT_AS)
c.Limits.cpu_seconds = 900               # [900] CPU seconds of the kernel (RLIMIT_CPU); then it is restarted
c.Limits.processes = 256                 # [256] processes and threads (RLIMIT_NPROC)
c.Limits.file_bytes = 256 << 20          # [256 MiB] largest file written (RLIMIT_FSIZE)
c.Limits.output_bytes = 4 << 20          # [4 MiB] output kept per submission
c.Limits.restarts = 3                    # [3] kernel restarts per submission

# The release keeps no outputs and students get a clear stub to replace.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.ClearSolutions.enforce_metadata = True

# Feedback must not show hidden tests: strip them from the feedback copy (nbgrader needs classes here).
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, HideHiddenTestTracebacks, CSSHTMLHeaderPreprocessor]
