"""`make release`: regenerate notebooks/<id>/ from solutions/<id>/ (solutions, hidden tests and outputs removed)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from autograder.commands import failed, nbgrader
from autograder.course import Course
from autograder.errors import AssignmentError


def release(course: Course, ids: list[str] | None = None) -> list[str]:
    """Release `ids` (default: every assignment); returns the ids released. AssignmentError if one fails."""
    ids = [course.check(aid) for aid in ids] if ids else course.ids()
    with tempfile.TemporaryDirectory() as tmp:  # releasing needs a gradebook; not the course's
        for aid in ids:
            result = nbgrader(["generate_assignment", aid, "--force"], course, Path(tmp) / "gradebook.db")
            if failed(result):
                raise AssignmentError(aid, f"nbgrader generate_assignment {aid} failed:\n{result.stdout[-3000:]}")
            print(f"released {course.release(aid).relative_to(course.root)}")
    return ids


def load_into_gradebook(course: Course, ids: list[str]) -> None:
    """Store each assignment's source cells in the course gradebook (autograde compares against them)."""
    with tempfile.TemporaryDirectory() as scratch:
        for aid in ids:
            result = nbgrader(["generate_assignment", aid, "--force",
                               f"--CourseDirectory.release_directory={scratch}"], course)
            if result.returncode != 0:
                raise AssignmentError(aid, f"could not load assignment {aid} into the gradebook:\n"
                                           f"{result.stdout[-3000:]}")
