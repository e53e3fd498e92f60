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
from nbgrader.preprocessors import (AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, ClearOutput,
                                    DeduplicateIds, GetGrades, IgnorePattern, LimitOutput, OverwriteCells,
                                    OverwriteKernelspec, SaveAutoGrades)

from autograder.course import COURSE_ID, LAYOUT, Course
from autograder.feedback import HideHiddenTestTracebacks
from autograder.fair import RestoreTestCells, SafeExecute, StderrIsNotAnError
from autograder.kernel import cell_timeout

c = get_config()  # noqa: F821 (provided by traitlets when it loads this file)

course = Course(Path(__file__).resolve().parents[1])  # this file sits in <root>/autograder/
c.CourseDirectory.root = str(course.root)
c.CourseDirectory.course_id = COURSE_ID
for name, folder in LAYOUT.items():
    setattr(c.CourseDirectory, name, folder)
c.CourseDirectory.db_url = course.db_url

# Graded notebooks run in FAST mode with the course's one kernel environment (autograder/kernel.py). Only
# the grading kernel gets it: never set os.environ here, JupyterLab's nbgrader extension loads this file.
# These are nbgrader's default lists, with every graded test cell restored from the source first, Execute
# replaced by SafeExecute (GradingExecute in the sandbox, with restarts after a kernel death, time and output
# limits and the tampering probe; autograder/fair.py), and stderr of test cells not counted as a failure.
c.Autograde.sanitize_preprocessors = [RestoreTestCells, ClearOutput, DeduplicateIds, OverwriteKernelspec,
                                      OverwriteCells, CheckCellMetadata]
c.Autograde.autograde_preprocessors = [SafeExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       StderrIsNotAnError, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
c.Execute.interrupt_on_timeout = True

# Every limit on a graded submission (class Limits in autograder/sandbox.py; defaults in brackets).
# A cell that runs longer than cell_seconds is interrupted and marked as an error (an infinite loop in a
# graded function then scores 0 for that test, and grading goes on).
c.Limits.cell_seconds = cell_timeout(fast=True)  # [120] wall time of one cell
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
