"""The command line of the course tooling (the Makefile calls only this, pytest and the benchmark).

    python -m autograder release [ID ...]                    solutions/ -> notebooks/ (every id if none)
    python -m autograder grade [--jobs N] [--student S] [--assignment ID] [--force] [--allow-unsandboxed]
    python -m autograder feedback                            HTML feedback for every graded submission
    python -m autograder mutants ID [ID ...]                 every mutant must be rejected (exit 1 if not)
    python -m autograder execute ID [--default]              run a solution notebook top to bottom
    python -m autograder author to-ipynb SRC.py OUT.ipynb    plain text -> notebook (docs/AUTHORING.md)
    python -m autograder author to-py NB.ipynb [OUT.py]      notebook -> plain text
    python -m autograder examples [ID]                       remake autograder/submitted/example-*

`--root DIR` (before the command) points at another course folder. Exit codes: 0 done, 1 a check failed
(a surviving mutant), 2 an error in the course or the command (the message says what was expected).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from autograder import authoring, examples, feedback, grading, mutants, release
from autograder.course import REPO, Course
from autograder.errors import AutograderError
from autograder.kernel import execute_notebook


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m autograder", description=__doc__.split("\n\n")[0])
    p.add_argument("--root", type=Path, default=REPO, help="course root (default: this repository)")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("release", help="regenerate notebooks/ from solutions/").add_argument("ids", nargs="*")
    gr = sub.add_parser("grade", help="autograde autograder/submitted/ into autograder/grades.csv")
    gr.add_argument("--cell-timeout", type=float, default=None, help="seconds per cell (default: the config's)")
    gr.add_argument("--submission-timeout", type=float, default=None,
                    help="seconds per submission (default: the config's Limits.submission_seconds)")
    gr.add_argument("--jobs", type=int, default=1, help="submissions graded at once")
    gr.add_argument("--student", default=None, help="(re)grade only this student's submissions")
    gr.add_argument("--assignment", default=None, help="(re)grade only this assignment")
    gr.add_argument("--force", action="store_true", help="regrade everything, not only what is not graded yet")
    gr.add_argument("--allow-unsandboxed", action="store_true", help="grade even where the sandbox cannot run")
    sub.add_parser("feedback", help="HTML feedback for graded submissions, without hidden tests")
    sub.add_parser("mutants", help="run the mutant harness").add_argument("ids", nargs="+")
    ex = sub.add_parser("execute", help="execute a solution notebook (FAST mode unless --default)")
    ex.add_argument("id")
    ex.add_argument("--default", action="store_true", help="default mode (real sizes)")
    au = sub.add_parser("author", help="convert between plain text and notebooks")
    au.add_argument("direction", choices=["to-ipynb", "to-py"])
    au.add_argument("src", type=Path)
    au.add_argument("out", type=Path, nargs="?")
    sub.add_parser("examples", help="remake the example submissions").add_argument("id", nargs="?",
                                                                                  default=examples.DEFAULT)
    return p


def run(args: argparse.Namespace) -> int:
    course = Course(args.root)
    if args.command == "release":
        release.release(course, args.ids or None)
    elif args.command == "grade":
        try:
            grading.grade(course, args.cell_timeout, args.submission_timeout, jobs=args.jobs, student=args.student,
                          assignment=args.assignment, force=args.force, allow_unsandboxed=args.allow_unsandboxed)
        except KeyboardInterrupt:
            print("interrupted: finished grades are kept; run `make grade` again to grade the rest", file=sys.stderr)
            return 130
    elif args.command == "feedback":
        feedback.feedback(course)
    elif args.command == "mutants":
        reports = [mutants.run_mutants(aid, course) for aid in args.ids]
        for report in reports:
            print(report.summary())
        return 0 if all(r.ok for r in reports) else 1
    elif args.command == "execute":
        _, seconds = execute_notebook(course.source(course.check(args.id)), fast=not args.default)
        print(f"{args.id}: executed without error in {seconds:.1f} s ({'default' if args.default else 'FAST'} mode)")
    elif args.command == "author":
        if args.direction == "to-ipynb":
            if args.out is None:
                raise AutograderError("author to-ipynb needs an output path: SRC.py OUT.ipynb")
            authoring.to_ipynb(args.src, args.out)
        else:
            text = authoring.to_py(args.src, args.out)
            if args.out is None:
                sys.stdout.write(text)
    elif args.command == "examples":
        for student in examples.make_examples(args.id, course=course):
            print(f"wrote {course.submission_dir(student, args.id).relative_to(course.root)}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return run(args)
    except (AutograderError, ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
