"""Release and grade the course with nbgrader, robustly.

    python autograder/pipeline.py release [ID ...]        # solutions/ -> notebooks/ (all ids if none given)
    python autograder/pipeline.py grade [--jobs N] [--student S] [--assignment ID] [--force]
                                        [--allow-unsandboxed] [--cell-timeout S] [--submission-timeout S]
    python autograder/pipeline.py feedback               # HTML feedback for every graded submission

`grade` autogrades every submission under ``autograder/submitted/<student>/<assignment>/`` and
writes ``autograder/grades.csv`` with one row per submission:

    student, assignment, score, max_score, manual_points, status, reason

`score` / `max_score` are the autograded test points; `manual_points` are the written answers,
graded by hand in the formgrader. A broken submission (invalid JSON, missing notebook, a crash,
an infinite loop) is recorded with status "error" or a reason, and never stops the others:
each runs in its own `nbgrader autograde` process with a time limit. Cells that timed out are
named in `reason`, so an instructor can look at a submission that loops forever outside a
tested function (nbgrader interrupts that cell and still scores the tests).

Student code runs in a sandbox (autograder/sandbox.py, docs/SANDBOX.md) under the limits of
`Limits` (set in nbgrader_config.py); where it cannot, `grade` refuses unless
`allow_unsandboxed` (``ALLOW_UNSANDBOXED=1``), and then says so in every row. Grading is parallel
(`jobs`) and resumable (autograder/batch.py).

Every command runs nbgrader with the configuration in this folder; `--root` points it at
another course folder (the tests use a temporary copy of the repository).
"""
from __future__ import annotations

import argparse
import csv
import os
import shutil
import signal
import subprocess
import time
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # the autograder package (sandbox, fair grading, batches)
from autograder import batch, fair  # noqa: E402
from autograder.sandbox import Limits, SandboxUnavailable, sandbox_problem  # noqa: E402
COLUMNS = ["student", "assignment", "score", "max_score", "manual_points", "status", "reason"]


def assignment_ids(root: Path) -> list[str]:
    """Folders of solutions/ holding a notebook with the folder's name."""
    return sorted(p.parent.name for p in (root / "solutions").glob("*/*.ipynb") if p.stem == p.parent.name)


def nbgrader(args: list[str], root: Path, db: Path, timeout: float | None = None,
             extra: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run one nbgrader command on course `root` with gradebook `db`, in its own process group."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")  # nbgrader runs `alembic`
    cmd = [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={root}",
           f"--CourseDirectory.db_url=sqlite:///{db}", *(extra or [])]
    proc = batch.popen(cmd, cwd=HERE, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the kernel is in the same group: kill it too
        out, _ = proc.communicate()
        raise
    finally:
        batch.forget(proc)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, "")


def _error_lines(log: str) -> str:
    if not log.strip():
        return "no output"
    lines = [ln.strip() for ln in log.splitlines() if "| ERROR]" in ln or "Error" in ln]
    return " / ".join(lines[-3:])[:500] or log.strip().splitlines()[-1][:500]


def release(root: Path, ids: list[str] | None = None) -> None:
    """Regenerate notebooks/<id>/ from solutions/<id>/ (outputs and solutions stripped)."""
    ids = ids or assignment_ids(root)
    with tempfile.TemporaryDirectory() as tmp:
        for aid in ids:
            if not (root / "solutions" / aid / f"{aid}.ipynb").exists():
                raise SystemExit(f"no solutions/{aid}/{aid}.ipynb; known assignments: {assignment_ids(root)}")
            result = nbgrader(["generate_assignment", aid, "--force"], root, Path(tmp) / "gradebook.db")
            if result.returncode != 0 or "| ERROR]" in result.stdout:
                raise SystemExit(f"nbgrader generate_assignment {aid} failed:\n{result.stdout[-3000:]}")
            print(f"released notebooks/{aid}/{aid}.ipynb")


@dataclass
class Row:
    student: str
    assignment: str
    score: float = 0.0
    max_score: float = 0.0
    manual_points: float = 0.0
    status: str = "graded"
    reason: str = ""
    seconds: float = 0.0  # wall time to grade this submission


def _max_points(notebook: Path) -> tuple[float, float]:
    """(autograded points, manually graded points) of a source notebook."""
    auto = manual = 0.0
    for cell in nbformat.read(notebook, as_version=4).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            if meta.get("solution"):
                manual += float(meta.get("points", 0))
            else:
                auto += float(meta.get("points", 0))
    return auto, manual


def _check_submission(root: Path, student: str, aid: str) -> str | None:
    """A reason the submission cannot be graded, or None if it looks like a notebook."""
    folder = root / "autograder" / "submitted" / student / aid
    if aid not in assignment_ids(root):
        return f"unknown assignment {aid!r}; known: {', '.join(assignment_ids(root))}"
    path = folder / f"{aid}.ipynb"
    if not path.exists():
        found = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        return f"missing notebook {aid}.ipynb in the submission (found: {', '.join(found) or 'nothing'})"
    try:
        nbformat.validate(nbformat.read(path, as_version=4))
    except Exception as exc:  # invalid JSON or not a notebook
        return f"not a valid notebook: {type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
    return None


def _test_failures(root: Path, student: str, aid: str) -> tuple[list[str], list[str]]:
    """From the autograded copy: (failed test cells with their error, cells that timed out)."""
    path = root / "autograder" / "autograded" / student / aid / f"{aid}.ipynb"
    failed, timed_out = [], []
    if not path.exists():
        return failed, timed_out
    for i, cell in enumerate(nbformat.read(path, as_version=4).cells):
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if not errors:
            continue
        meta = cell.metadata.get("nbgrader", {})
        name = meta.get("grade_id", f"cell {i}")
        if any(o.get("ename") == "CellTimeoutError" for o in errors):
            timed_out.append(name)
        if meta.get("grade") and not meta.get("solution"):
            failed.append(f"{name} ({errors[0].get('ename')})")
    return failed, timed_out


def limits(extra: list[str] | None = None) -> Limits:
    """The limits of nbgrader_config.py (with command-line style overrides such as ``--Limits.cell_seconds=15``)."""
    from traitlets.config import Config
    from traitlets.config.loader import KVArgParseConfigLoader, PyFileConfigLoader

    config = Config(PyFileConfigLoader("nbgrader_config.py", path=str(HERE)).load_config())
    if extra:
        config.merge(KVArgParseConfigLoader(extra).load_config())
    return Limits(config=config)


def grade_one(root: Path, db: Path, student: str, aid: str, extra: list[str], submission_timeout: float,
              unsandboxed: str | None = None) -> tuple[Row, bool]:
    """Autograde one submission with gradebook `db`: (its row, whether nbgrader recorded grades in `db`)."""
    row = Row(student, aid)
    start = time.perf_counter()
    row, merged = _grade_one(root, db, row, extra, submission_timeout)
    row.seconds = time.perf_counter() - start
    if unsandboxed:
        row.reason = f"UNSANDBOXED ({unsandboxed}); {row.reason}"
    return row, merged


def _grade_one(root: Path, db: Path, row: Row, extra: list[str], submission_timeout: float) -> tuple[Row, bool]:
    student, aid = row.student, row.assignment
    source = root / "solutions" / aid / f"{aid}.ipynb"
    if source.exists():
        row.max_score, row.manual_points = _max_points(source)
    problem = _check_submission(root, student, aid)
    if problem:
        row.status, row.reason = "error", problem
        return row, False
    try:
        result = nbgrader(["autograde", aid, "--student", student, "--force"], root, db,
                          timeout=submission_timeout, extra=extra)
    except subprocess.TimeoutExpired:
        row.status, row.reason = "error", f"grading took longer than {submission_timeout:g} s and was stopped"
        return row, False
    if result.returncode != 0:
        row.status, row.reason = "error", f"nbgrader autograde failed: {_error_lines(result.stdout)}"
        return row, False
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(f"sqlite:///{db}") as gb:
        try:
            sub = gb.find_submission(aid, student)
        except MissingEntry:
            row.status, row.reason = "error", f"nbgrader recorded no grades: {_error_lines(result.stdout)}"
            return row, False
        row.score, row.max_score = float(sub.code_score), float(sub.max_code_score)
    failed, timed_out = _test_failures(root, student, aid)
    notes = []
    if failed:
        notes.append(f"failed tests: {', '.join(failed)}")
    if timed_out:
        notes.append(f"cells stopped after the time limit: {', '.join(timed_out)}")
    graded = root / "autograder" / "autograded" / student / aid / f"{aid}.ipynb"
    notes += fair.notes(nbformat.read(source, as_version=4),
                        nbformat.read(root / "autograder" / "submitted" / student / aid / f"{aid}.ipynb", as_version=4),
                        nbformat.read(graded, as_version=4) if graded.exists() else None)
    row.reason = "; ".join(notes) or "all tests passed"
    return row, True


def new_course(dest: Path) -> Path:
    """A course folder at `dest`: copies of this repository's solutions/ and notebooks/, no submissions yet."""
    for name in ("solutions", "notebooks"):
        shutil.copytree(REPO / name, dest / name)
    (dest / "autograder" / "submitted").mkdir(parents=True)
    return dest


def submit(root: Path, student: str, aid: str, nb: nbformat.NotebookNode) -> None:
    """Hand in notebook `nb` as `student`'s submission of assignment `aid` in course `root`."""
    folder = root / "autograder" / "submitted" / student / aid
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{aid}.ipynb")


def grade(root: Path, cell_timeout: float | None = None, submission_timeout: float | None = None,
          out: Path | None = None, jobs: int = 1, student: str | None = None, assignment: str | None = None,
          force: bool = False, allow_unsandboxed: bool = False, sandbox: bool = True) -> list[Row]:
    """Autograde the submissions under root/autograder/submitted and write the grades CSV.

    `jobs` submissions at once; finished grades are kept in a journal, so a rerun after an interruption
    grades only the rest (`force` regrades all); `student` / `assignment` regrade only those.
    Raises SandboxUnavailable where the sandbox cannot run, unless `allow_unsandboxed`; `sandbox=False`
    grades without it on purpose (to measure its cost), saying so in every row.
    """
    submitted = root / "autograder" / "submitted"
    db = root / "autograder" / "gradebook.db"
    extra = [f"--Limits.cell_seconds={int(cell_timeout)}"] if cell_timeout else []
    if submission_timeout:
        extra.append(f"--Limits.submission_seconds={int(submission_timeout)}")
    unsandboxed = sandbox_problem() if sandbox else "switched off for this run"
    if unsandboxed:
        if not allow_unsandboxed and sandbox:
            raise SandboxUnavailable(f"refusing to grade: {unsandboxed}. Student code would run with your "
                                     "permissions; pass ALLOW_UNSANDBOXED=1 (make) or --allow-unsandboxed to "
                                     "grade anyway, e.g. inside a container.")
        print(f"WARNING: grading WITHOUT a sandbox: {unsandboxed}", flush=True)
        extra.append("--Limits.sandbox=False")
    limit = limits(extra)
    hard_timeout = limit.submission_seconds + 300  # the grader stops cells itself; this is the backstop
    pairs = sorted((s.name, a.name) for s in submitted.iterdir() if s.is_dir() and not s.name.startswith(".")
                   for a in s.iterdir() if a.is_dir() and not a.name.startswith(".")) if submitted.is_dir() else []
    if student or assignment:
        pairs_in = [p for p in pairs if (student in (None, p[0])) and (assignment in (None, p[1]))]
        if not pairs_in:
            raise SystemExit(f"no submission of student {student or '*'} for assignment {assignment or '*'}")
    with tempfile.TemporaryDirectory() as scratch:  # store each assignment's source cells in the gradebook
        for aid in sorted({a for _, a in pairs} & set(assignment_ids(root))):
            result = nbgrader(["generate_assignment", aid, "--force",
                               f"--CourseDirectory.release_directory={scratch}"], root, db)
            if result.returncode != 0:
                raise SystemExit(f"could not load assignment {aid} into the gradebook:\n{result.stdout[-3000:]}")
    settings = repr(sorted((k, getattr(limit, k)) for k in limit.trait_names() if k not in ("config", "parent", "log")))

    def key_of(s: str, a: str) -> str:
        return batch.digest([submitted / s / a, root / "solutions" / a / f"{a}.ipynb"], settings)

    def one(s: str, a: str, private: Path) -> tuple[Row, bool]:
        return grade_one(root, private, s, a, extra, hard_timeout, unsandboxed)

    def report(r) -> None:
        if isinstance(r, Row):
            print(f"{r.student:24s} {r.assignment:30s} {r.score:5g}/{r.max_score:<5g} {r.status:7s} {r.reason}", flush=True)
        else:
            print(r, flush=True)

    selected = (lambda s, a: student in (None, s) and assignment in (None, a)) if (student or assignment) else None
    rows = batch.run_batch(pairs, one, db, root / "autograder" / batch.JOURNAL, key_of, Row, jobs=jobs,
                           force=force, selected=selected, report=report)
    out = out or root / "autograder" / "grades.csv"
    with open(out, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow([r.student, r.assignment, f"{r.score:g}", f"{r.max_score:g}", f"{r.manual_points:g}",
                             r.status, r.reason])
    print(f"wrote {out} ({len(rows)} submissions)")
    return rows


def feedback(root: Path) -> None:
    """Write HTML feedback under autograder/feedback/ for every autograded submission (hidden tests removed)."""
    db = root / "autograder" / "gradebook.db"
    graded = root / "autograder" / "autograded"
    for student in sorted(p for p in graded.iterdir() if p.is_dir()) if graded.is_dir() else []:
        for folder in sorted(p for p in student.iterdir() if p.is_dir()):
            result = nbgrader(["generate_feedback", folder.name, "--student", student.name, "--force"], root, db)
            status = "ok" if result.returncode == 0 else f"failed: {_error_lines(result.stdout)}"
            print(f"feedback {student.name}/{folder.name}: {status}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=REPO, help="course root (default: this repository)")
    sub = parser.add_subparsers(dest="command", required=True)
    rel = sub.add_parser("release", help="regenerate notebooks/ from solutions/")
    rel.add_argument("ids", nargs="*")
    gr = sub.add_parser("grade", help="autograde autograder/submitted/ and write autograder/grades.csv")
    gr.add_argument("--cell-timeout", type=float, default=None, help="seconds per cell (default: the config's)")
    gr.add_argument("--submission-timeout", type=float, default=None, help="seconds per submission (default: the config's)")
    gr.add_argument("--jobs", type=int, default=1, help="submissions graded at once")
    gr.add_argument("--student", default=None, help="(re)grade only this student's submissions")
    gr.add_argument("--assignment", default=None, help="(re)grade only this assignment")
    gr.add_argument("--force", action="store_true", help="regrade everything, not only what is not graded yet")
    gr.add_argument("--allow-unsandboxed", action="store_true", help="grade even where the sandbox cannot run")
    sub.add_parser("feedback", help="HTML feedback for graded submissions, without hidden tests")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "release":
        release(root, args.ids or None)
    elif args.command == "grade":
        try:
            grade(root, args.cell_timeout, args.submission_timeout, jobs=args.jobs, student=args.student,
                  assignment=args.assignment, force=args.force, allow_unsandboxed=args.allow_unsandboxed)
        except SandboxUnavailable as exc:
            print(exc, file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("interrupted: finished grades are kept; run `make grade` again to grade the rest", file=sys.stderr)
            return 130
    else:
        feedback(root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
