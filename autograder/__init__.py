"""The instructor side of the course: release, grading, feedback, mutants, notebook authoring.

One module per concern; `python -m autograder ...` (``__main__.py``) is the command line the Makefile calls.

- `autograder.course`     `Course(root)`: the only place that knows the layout (agrees with nbgrader_config.py)
- `autograder.cells`      what a solution / test / answer cell is (nbgrader's own checks, reused)
- `autograder.kernel`     ONE kernel environment and ONE timeout for every way of running a notebook
- `autograder.commands`   running an nbgrader command on a course
- `autograder.release`    solutions/ -> notebooks/
- `autograder.grading`    autograde submissions into grades.csv
- `autograder.feedback`   HTML feedback without hidden tests
- `autograder.mutants`    wrong versions of graded functions must be rejected by the tests
- `autograder.examples`   the example submissions in autograder/submitted/
- `autograder.authoring`  notebooks written as plain text, converted both ways
- `autograder.reference`  the solutions' functions loaded in-process (for the benchmark)
- `autograder.sandbox`    the bubblewrap sandbox of grading kernels and its `Limits`
- `autograder.fair`       fair scores: kernel restarts, stderr, restored test cells, the submission deadline
- `autograder.integrity`  the tampering probe run after each passing test
- `autograder.batch`      parallel, resumable grading with one gradebook writer
- `autograder.hostile`    the hostile-submission corpus the tests grade
- `autograder.errors`     the typed errors; only the command line turns them into exit codes
"""
from autograder.course import Course
from autograder.errors import AssignmentError, AutograderError, MutantError, NotebookError

__all__ = ["Course", "AutograderError", "AssignmentError", "NotebookError", "MutantError"]
