"""Where everything of the course lives: the only module that spells the layout.

    Course(root)                         a course folder (the repository, or a temporary copy in tests)
    .ids()                               assignment ids: folders of solutions/ holding <id>/<id>.ipynb
    .source(aid)                         solutions/<aid>/<aid>.ipynb            nbgrader source (private)
    .release(aid)                        notebooks/<aid>/<aid>.ipynb            student release (committed)
    .submission(student, aid)            autograder/submitted/<student>/<aid>/<aid>.ipynb
    .autograded(student, aid)            autograder/autograded/<student>/<aid>/<aid>.ipynb
    .feedback_dir                        autograder/feedback/
    .gradebook, .db_url                  autograder/gradebook.db
    .grades_csv                          autograder/grades.csv
    .mutants(aid)                        tests/mutants/<aid>/<solution cell id>/<function>__<bug>.py

`nbgrader_config.py` reads the same names (`LAYOUT`), and a test checks that nbgrader agrees.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

from autograder.errors import AssignmentError

REPO = Path(__file__).resolve().parents[1]
COURSE_ID = "cnn-first-principles"
LAYOUT = {  # nbgrader's CourseDirectory names, relative to the course root
    "source_directory": "solutions",
    "release_directory": "notebooks",
    "submitted_directory": "autograder/submitted",
    "autograded_directory": "autograder/autograded",
    "feedback_directory": "autograder/feedback",
}
GRADEBOOK = "autograder/gradebook.db"
GRADES_CSV = "autograder/grades.csv"
MUTANTS = "tests/mutants"


class Course:
    """A course folder laid out as LAYOUT says."""

    def __init__(self, root: Path | str = REPO):
        self.root = Path(root).resolve()

    def __repr__(self) -> str:
        return f"Course({str(self.root)!r})"

    def _dir(self, key: str) -> Path:
        return self.root / LAYOUT[key]

    # assignments -------------------------------------------------------------------------------
    def ids(self) -> list[str]:
        """Folders of solutions/ that hold a notebook of the folder's name, sorted."""
        return sorted(p.parent.name for p in self._dir("source_directory").glob("*/*.ipynb")
                      if p.stem == p.parent.name)

    def check(self, aid: str) -> str:
        """`aid` if it is an assignment of this course, else AssignmentError naming the known ones."""
        if aid not in self.ids():
            raise AssignmentError(aid, f"no assignment {aid!r} (no {LAYOUT['source_directory']}/{aid}/{aid}.ipynb); "
                                       f"known: {', '.join(self.ids()) or 'none'}")
        return aid

    def source(self, aid: str) -> Path:
        return self._dir("source_directory") / aid / f"{aid}.ipynb"

    def release(self, aid: str) -> Path:
        return self._dir("release_directory") / aid / f"{aid}.ipynb"

    def read(self, path: Path) -> nbformat.NotebookNode:
        return nbformat.read(path, as_version=4)

    # grading -----------------------------------------------------------------------------------
    @property
    def submitted_dir(self) -> Path:
        return self._dir("submitted_directory")

    @property
    def autograded_dir(self) -> Path:
        return self._dir("autograded_directory")

    @property
    def feedback_dir(self) -> Path:
        return self._dir("feedback_directory")

    def submission_dir(self, student: str, aid: str) -> Path:
        return self.submitted_dir / student / aid

    def submission(self, student: str, aid: str) -> Path:
        return self.submission_dir(student, aid) / f"{aid}.ipynb"

    def autograded(self, student: str, aid: str) -> Path:
        return self.autograded_dir / student / aid / f"{aid}.ipynb"

    def submissions(self) -> list[tuple[str, str]]:
        """(student, assignment) for every folder autograder/submitted/<student>/<assignment>/, sorted."""
        if not self.submitted_dir.is_dir():
            return []
        return sorted((s.name, a.name) for s in self.submitted_dir.iterdir() if s.is_dir() and not s.name.startswith(".")
                      for a in s.iterdir() if a.is_dir() and not a.name.startswith("."))

    def graded_submissions(self) -> list[tuple[str, str]]:
        """(student, assignment) for every autograded copy (what feedback is made from)."""
        if not self.autograded_dir.is_dir():
            return []
        return sorted((s.name, a.name) for s in self.autograded_dir.iterdir() if s.is_dir()
                      for a in s.iterdir() if a.is_dir())

    def submit(self, student: str, aid: str, nb: nbformat.NotebookNode) -> Path:
        """Hand in notebook `nb` as `student`'s submission of `aid`; returns its path."""
        path = self.submission(student, aid)
        path.parent.mkdir(parents=True)
        nbformat.write(nb, path)
        return path

    @property
    def gradebook(self) -> Path:
        return self.root / GRADEBOOK

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.gradebook}"

    @property
    def grades_csv(self) -> Path:
        return self.root / GRADES_CSV

    # mutants -----------------------------------------------------------------------------------
    def mutants_dir(self, aid: str) -> Path:
        return self.root / MUTANTS / aid

    def mutants(self, aid: str) -> list[Path]:
        """Every mutant file of `aid`: tests/mutants/<aid>/<solution cell id>/<function>__<bug>.py, sorted."""
        return sorted(self.mutants_dir(aid).glob("*/*.py"))

    # copies ------------------------------------------------------------------------------------
    def copy_to(self, dest: Path | str) -> "Course":
        """A new course at `dest` with copies of solutions/ and notebooks/ and no submissions (for tests, benchmarks)."""
        dest = Path(dest)
        for key in ("source_directory", "release_directory"):
            shutil.copytree(self._dir(key), dest / LAYOUT[key])
        course = Course(dest)
        course.submitted_dir.mkdir(parents=True)
        return course
