"""The errors the course tooling raises. Only the command line (`__main__.py`) turns them into exit codes.

    AutograderError             base class: something about the course is wrong, with a message that says what
    ├── AssignmentError         an unknown assignment, or one nbgrader cannot release or load (has `.assignment`)
    ├── NotebookError           a notebook raised while it was executed (has `.cell` and `.error`)
    └── MutantError             a mutant file that cannot be used, or a solution notebook the mutants cannot run on
"""
from __future__ import annotations


class AutograderError(Exception):
    """Base class of the tooling's errors."""


class AssignmentError(AutograderError):
    def __init__(self, assignment: str, message: str):
        super().__init__(message)
        self.assignment = assignment


class NotebookError(AutograderError):
    def __init__(self, path: str, cell: int, error: str):
        super().__init__(f"{path}: cell {cell} raised {error}")
        self.path, self.cell, self.error = path, cell, error


class MutantError(AutograderError):
    pass
