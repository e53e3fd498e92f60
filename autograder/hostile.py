"""Generate the hostile corpus: broken, cheating and dangerous submissions of assignment 01, with expected grades.

    python -m autograder.hostile OUT_FOLDER      # writes OUT_FOLDER/<case>/01-why-convolutions/... and expected.json

Every case is built from the release and the solution of 01-why-convolutions (`examples.solved_notebook`),
so it cannot go stale. `CASES` maps a case (the student id) to a `Case`: the expected score (out of 14), a
text the grade's reason must contain, and optionally a text an output of the autograded notebook must
contain (e.g. what a network probe printed). tests/test_hostile.py grades the corpus in the sandbox.
"""
from __future__ import annotations

import ast
import copy
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat

from autograder import examples
from autograder.course import Course

AID = "01-why-convolutions"
VICTIM = "solution"  # the case whose folder `write-other-student` attacks


@dataclass(frozen=True)
class Case:
    score: float
    reason: str  # a substring of the grade's reason
    status: str = "graded"
    output: str = ""  # a substring some output of the autograded notebook must contain


def _cell(nb, grade_id: str):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def _insert_after(nb, grade_id: str | None, code: str):
    """A new student code cell after the cell `grade_id` (after the set-up cell if None)."""
    nb = copy.deepcopy(nb)
    at = 2 if grade_id is None else nb.cells.index(_cell(nb, grade_id)) + 1
    nb.cells.insert(at, nbformat.v4.new_code_cell(code))
    return nb


def _append(nb, grade_id: str, code: str):
    """`code` appended to the solution cell `grade_id`."""
    nb = copy.deepcopy(nb)
    cell = _cell(nb, grade_id)
    cell.source = cell.source.rstrip() + "\n\n" + code
    return nb


def _tests(nb):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade") and
            not c.metadata["nbgrader"].get("solution") and c.cell_type == "code"]


def _mutant(nb):
    """A plausible mistake: 'same' padding off by one for even kernels (passes the visible tests only)."""
    nb = copy.deepcopy(nb)
    cell = _cell(nb, "conv1d")
    assert "start = (k - 1) // 2" in cell.source
    cell.source = cell.source.replace("start = (k - 1) // 2", "start = k // 2")
    return nb


FIND_FILES = '''import glob
def find(name, levels=7):
    """Every path /*/.../name up to `levels` folders deep (a student searching the grader's disk)."""
    hits = []
    for n in range(levels):
        hits += glob.glob("/" + "*/" * n + name)
    return hits
'''

READ_SOLUTIONS = FIND_FILES + f'''
import json
stolen = 0
for path in ["../../../solutions/{AID}/{AID}.ipynb"] + find("solutions/{AID}/{AID}.ipynb"):
    try:
        for cell in json.load(open(path))["cells"]:
            if cell["cell_type"] == "code" and "BEGIN SOLUTION" in "".join(cell["source"]):
                exec("".join(cell["source"]))
                stolen += 1
    except OSError:
        pass
print("solution cells stolen:", stolen)
'''

WRITE_GRADEBOOK = FIND_FILES + '''
import sqlite3
hits = find("gradebook.db") + ["../../gradebook.db", "../../../autograder/gradebook.db"]
written = 0
for path in hits:
    try:
        db = sqlite3.connect(path)
        db.execute("UPDATE grade SET manual_score = 100")
        db.commit()
        written += 1
    except Exception as exc:
        print("could not write", path, type(exc).__name__)
print("gradebooks written:", written)
'''

WRITE_OTHERS = FIND_FILES + f'''
blank = "{{}}"  # an empty notebook: the victim would get 0
hurt = 0
for path in find("{AID}.ipynb"):
    if "{VICTIM}" in path or "solutions" in path:
        try:
            open(path, "w").write(blank)
            hurt += 1
        except OSError as exc:
            print("could not overwrite", path, type(exc).__name__)
for path in ["../../../autograder/submitted/{VICTIM}/{AID}/{AID}.ipynb", "../../{VICTIM}/{AID}/{AID}.ipynb"]:
    try:
        open(path, "w").write(blank)
        hurt += 1
    except OSError:
        pass
print("notebooks overwritten:", hurt)
'''

NETWORK = '''import socket
results = []
for host, port in [("1.1.1.1", 53), ("8.8.8.8", 53), ("127.0.0.1", 22), ("pypi.org", 443)]:
    try:
        socket.create_connection((host, port), timeout=3).close()
        results.append(f"{host} reachable")
    except OSError:
        results.append(f"{host} unreachable")
print("network:", "; ".join(results))
'''

FORK_BOMB = '''import subprocess, sys
BOMB = """
import os
n = 0
try:
    while True:           # every child exits at once but stays a zombie: each one holds a process slot
        if os.fork() == 0:
            os._exit(0)
        n += 1
except OSError as exc:
    print(f"fork stopped after {n} processes: {type(exc).__name__}")
"""
print(subprocess.run([sys.executable, "-c", BOMB], capture_output=True, text=True, timeout=60).stdout)
'''

PATCH_NUMPY = '''import numpy as np
np.allclose = lambda *args, **kwargs: True
np.isclose = lambda a, b, *args, **kwargs: np.ones(np.shape(a), dtype=bool)
np.testing.assert_allclose = lambda *args, **kwargs: None
'''

PATCH_CHECKS = '''import cnnlab.checks
cnnlab.checks.assert_close = lambda *args, **kwargs: None
assert_close = lambda *args, **kwargs: None  # the name the test cells use
'''

PATCH_BUILTINS = '''import builtins
class AssertionError(Exception):  # a replacement nobody raises
    pass
builtins.AssertionError = AssertionError
'''

SILENCE_TRACEBACK = '''ip = get_ipython()
ip.showtraceback = lambda *args, **kwargs: None
ip._showtraceback = lambda *args, **kwargs: None
'''

CUSTOM_EXC = '''get_ipython().set_custom_exc((Exception,), lambda shell, etype, value, tb, tb_offset=None: [])
'''

SKIP_TESTS = '''ip = get_ipython()
_run_cell, _run_cell_async = ip.run_cell, ip.run_cell_async
def _skip(cell):
    return "pass" if "assert" in cell else cell
ip.run_cell = lambda cell, *args, **kwargs: _run_cell(_skip(cell), *args, **kwargs)
ip.run_cell_async = lambda cell, *args, **kwargs: _run_cell_async(_skip(cell), *args, **kwargs)
'''

WARNS = "warnings.warn('conv1d: this implementation is slow (a warning on stderr)')"


def lean(nb):
    """Without the demo code cells (plots, widget, MNIST): a student may delete them, and grading is faster."""
    nb = copy.deepcopy(nb)
    setup = next(c for c in nb.cells if c.cell_type == "code")
    nb.cells = [c for c in nb.cells if c.cell_type != "code" or c is setup or "nbgrader" in c.metadata]
    return nb


def corpus(course: Course | None = None, demos: bool = False) -> dict[str, tuple[object, Case]]:
    """case -> (notebook, or text for a file that is not a notebook, expected result).

    Without `demos` the notebooks keep only the set-up cell, the markdown and the graded cells.
    """
    course = course or Course()
    release = course.read(course.release(AID))
    solved = examples.solved_notebook(AID, course)
    if not demos:
        release, solved = lean(release), lean(solved)
    mutant = _mutant(solved)
    full = 14.0

    no_tests = copy.deepcopy(solved)
    no_tests.cells = [c for c in no_tests.cells if c not in _tests(no_tests)]
    emptied = copy.deepcopy(solved)
    for c in _tests(emptied):
        c.source = ""
    renamed = copy.deepcopy(release)
    for i, c in enumerate(_tests(renamed)):
        c.metadata["nbgrader"]["grade_id"] = f"my_test_{i}"
        c.source = "pass"
    reweighted = copy.deepcopy(release)
    for c in _tests(reweighted):
        c.source, c.metadata["nbgrader"]["points"] = "pass", 100
    repointed = copy.deepcopy(solved)  # each test cell carries the next one's grade_id (and no code)
    tests = _tests(repointed)
    ids = [c.metadata["nbgrader"]["grade_id"] for c in tests]
    for c, gid in zip(tests, ids[1:] + ids[:1]):
        c.metadata["nbgrader"]["grade_id"], c.source = gid, "pass"
    duplicated = copy.deepcopy(release)  # every test cell claims to be the first one, worth 100 points
    for c in _tests(duplicated):
        c.metadata["nbgrader"].update(grade_id="test_layer_param_counts", points=100)
        c.source = "pass"
    unmarked = copy.deepcopy(release)
    for c in _tests(unmarked):
        del c.metadata["nbgrader"]
        c.source = "pass"
    loop_inside = copy.deepcopy(solved)
    cell = _cell(loop_inside, "layer_param_counts")
    cell.source = examples._replace_body(cell.source, "while True:  # a bug: the loop never ends\n    pass")
    text = nbformat.writes(solved)

    cases: dict[str, tuple[object, Case]] = {
        "solution": (solved, Case(full, "all tests passed")),
        "blank": (release, Case(0, "test_conv1d (NotImplementedError)")),
        "plausible-mutant": (mutant, Case(full - 4, "failed tests: test_conv1d (AssertionError)")),
        "warning-on-stderr": (_warn_inside(solved, "conv1d", WARNS), Case(full, "all tests passed")),
        "loop-before-definitions": (_insert_after(solved, None, "while True:\n    pass"),
                                    Case(full, "cells stopped after the time limit: cell 2")),
        "loop-after-definitions": (_insert_after(solved, "test_conv2d_single", "while True:\n    pass"),
                                   Case(full, "cells stopped after the time limit")),
        "loop-in-graded-function": (loop_inside, Case(full - 2, "test_layer_param_counts (KeyboardInterrupt)")),
        "memory-hog": (_insert_after(solved, None, "hog = bytearray(16 << 30)  # 16 GiB"), Case(full, "all tests passed",
                                                                                             output="MemoryError")),
        "fork-bomb": (_insert_after(solved, None, FORK_BOMB), Case(full, "all tests passed", output="fork stopped")),
        "sys-exit": (_cell_first(solved, "conv2d_single", "import sys\nsys.exit('I give up')"),
                     Case(full - 3, "test_conv2d_single (NameError)")),
        "os-exit-after-two": (_append(solved, "correlate1d", "import os\nos._exit(0)"),
                              Case(full - 2, "kernel died in correlate1d")),
        "sigkill-self": (_append(solved, "layer_param_counts", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"),
                         Case(full - 2, "kernel died in layer_param_counts")),
        "huge-output": (_insert_after(solved, "test_conv2d_single", "import sys\nline = 'x' * (1 << 20)\n"
                                      "for _ in range(200):\n    sys.stdout.write(line)"),
                        Case(full, "output truncated")),
        "network": (_insert_after(solved, None, NETWORK), Case(full, "all tests passed", output="1.1.1.1 unreachable")),
        "read-solutions": (_insert_after(release, None, READ_SOLUTIONS),
                           Case(0, "NotImplementedError", output="solution cells stolen: 0")),
        "write-gradebook": (_insert_after(release, None, WRITE_GRADEBOOK), Case(0, "NotImplementedError",
                                                                                 output="gradebooks written: 0")),
        "write-other-student": (_insert_after(solved, None, WRITE_OTHERS), Case(full, "all tests passed",
                                                                                 output="notebooks overwritten: 0")),
        "patched-numpy": (_insert_after(mutant, None, PATCH_NUMPY), Case(0, "tampering detected")),
        "patched-checks": (_insert_after(mutant, None, PATCH_CHECKS), Case(0, "tampering detected")),
        "patched-builtins": (_insert_after(solved, None, PATCH_BUILTINS), Case(0, "tampering detected")),
        "silenced-showtraceback": (_insert_after(mutant, None, SILENCE_TRACEBACK), Case(0, "tampering detected")),
        "custom-exception-handler": (_insert_after(mutant, None, CUSTOM_EXC), Case(0, "tampering detected")),
        "tests-skipped-by-run-cell": (_insert_after(release, None, SKIP_TESTS), Case(0, "tampering detected")),
        "deleted-tests": (no_tests, Case(full, "test cell missing, restored from the source: test_layer_param_counts")),
        "emptied-tests": (emptied, Case(full, "all tests passed")),
        "renamed-tests": (renamed, Case(0, "test cell missing, restored from the source")),
        "repointed-tests": (repointed, Case(full, "all tests passed")),
        "duplicated-test-ids": (duplicated, Case(0, "test_conv2d_single (NotImplementedError)")),
        "unmarked-tests": (unmarked, Case(0, "test cell missing, restored from the source")),
        "reweighted-tests": (reweighted, Case(0, "test_conv2d_single (NotImplementedError)")),
        "invalid-json": (text[: len(text) // 2], Case(0, "not a valid notebook", status="error")),
    }
    return cases


def _warn_inside(nb, grade_id: str, line: str):
    """`line` run first thing in the solution cell's function (so the test cell that calls it prints it)."""
    nb = copy.deepcopy(nb)
    cell = _cell(nb, grade_id)
    fn = examples._first_function(cell.source)
    lines = cell.source.splitlines()
    after = fn.body[0].end_lineno if ast.get_docstring(fn) else fn.lineno
    lines.insert(after, " " * (fn.col_offset + 4) + line)
    cell.source = "import warnings\n" + "\n".join(lines)
    return nb


def _cell_first(nb, grade_id: str, code: str):
    """`code` put before the solution cell's definitions (they are then never run)."""
    nb = copy.deepcopy(nb)
    cell = _cell(nb, grade_id)
    cell.source = code + "\n\n" + cell.source
    return nb


def write_corpus(out: Path, course: Course | None = None, demos: bool = False) -> dict[str, Case]:
    """Write every case as out/<case>/01-why-convolutions/01-why-convolutions.ipynb; return the expectations."""
    expected = {}
    for student, (nb, case) in corpus(course, demos).items():
        folder = out / student / AID
        folder.mkdir(parents=True, exist_ok=True)
        if isinstance(nb, str):
            (folder / f"{AID}.ipynb").write_text(nb)
        else:
            nbformat.write(nb, folder / f"{AID}.ipynb")
        expected[student] = case
    (out / "expected.json").write_text(json.dumps({k: asdict(v) for k, v in expected.items()}, indent=1))
    return expected


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-submissions")
    cases = write_corpus(target)
    print(f"wrote {len(cases)} submissions of {AID} under {target}/ (expected grades in {target}/expected.json)")
