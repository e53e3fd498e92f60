"""The grading sandbox and the fair-grading machinery, piece by piece (quick; no nbgrader run).

The whole hostile corpus, graded by nbgrader in the sandbox, is tests/test_hostile.py.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from traitlets.config import Config

from autograder import batch, fair, integrity, sandbox

ROOT = Path(__file__).resolve().parents[1]
AID = "01-why-convolutions"
needs_sandbox = pytest.mark.skipif(sandbox.sandbox_problem() is not None,
                                   reason=f"no sandbox here: {sandbox.sandbox_problem()}")


def test_limits_have_defaults_and_come_from_the_config():
    assert sandbox.Limits().memory_bytes == 4 << 30
    config = Config()
    config.Limits.cell_seconds = 7
    assert sandbox.Limits(config=config).cell_seconds == 7


def _in_sandbox(tmp_path: Path, code: str, limits: sandbox.Limits | None = None,
                env: dict | None = None) -> subprocess.CompletedProcess:
    scratch, sockets = tmp_path / "scratch", tmp_path / "sockets"
    scratch.mkdir()
    sockets.mkdir()
    (scratch / "mine.txt").write_text("my own file")
    sandbox.give_to_sandbox(scratch)
    cmd = sandbox.sandbox_command([sys.executable, "-c", code], limits or sandbox.Limits(), tmp_path / "work",
                                  scratch, sockets, env or dict(os.environ))
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@needs_sandbox
def test_sandbox_hides_the_course_and_the_network(tmp_path):
    code = f"""
import os, socket, resource
print("uid", os.getuid())
print("cwd", sorted(os.listdir(".")))
for path in [{str(ROOT / 'solutions')!r}, {str(ROOT / 'autograder')!r}, "/root/.ssh", {str(Path.home())!r} + "/.bashrc"]:
    print("sees", path, os.path.exists(path))
try:
    socket.create_connection(("1.1.1.1", 53), timeout=3)
    print("network yes")
except OSError:
    print("network no")
print("as", resource.getrlimit(resource.RLIMIT_AS)[0])
print("secret", os.environ.get("GRADER_SECRET"))
import cnnlab, numpy
print("cnnlab", cnnlab.__file__)
try:
    open(cnnlab.__file__, "a")
except OSError as exc:
    print("cnnlab read-only", type(exc).__name__)
"""
    run = _in_sandbox(tmp_path, code, env={**os.environ, "GRADER_SECRET": "hunter2"})
    out = run.stdout
    assert run.returncode == 0, run.stderr
    assert "uid 0" not in out
    assert "cwd ['mine.txt']" in out
    assert "True" not in out, f"the sandbox sees a hidden path:\n{out}"
    assert "network no" in out
    assert f"as {4 << 30}" in out
    assert "secret None" in out, "environment variables of the grader leak into the sandbox"
    assert "cnnlab read-only" in out


@needs_sandbox
def test_sandbox_limits_processes_and_file_size(tmp_path):
    limits = sandbox.Limits(processes=40, file_bytes=1 << 20)
    code = """
import os, time
n = 0
try:
    for _ in range(500):
        if os.fork() == 0:
            time.sleep(2); os._exit(0)
        n += 1
except OSError:
    pass
print("forks", n)
try:
    open("big", "wb").write(b"x" * (4 << 20))
    print("big file written")
except OSError as exc:
    print("big file refused", type(exc).__name__)
"""
    run = _in_sandbox(tmp_path, "import signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n" + code, limits)
    forks = int(run.stdout.split("forks ")[1].split()[0])
    assert forks < 40, run.stdout
    assert "big file refused" in run.stdout


def test_unsandboxed_grading_is_refused(monkeypatch, tmp_path):
    from autograder import grading
    from autograder.course import Course

    monkeypatch.setattr(grading, "sandbox_problem", lambda: "bubblewrap (bwrap) is not installed")
    (tmp_path / "autograder" / "submitted").mkdir(parents=True)
    with pytest.raises(sandbox.SandboxUnavailable, match="ALLOW_UNSANDBOXED=1"):
        grading.grade(Course(tmp_path))


def _nb(*cells):
    return nbformat.v4.new_notebook(cells=list(cells))


def _graded(source: str, gid: str, solution: bool, points: float = 1):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade_id": gid, "solution": solution, "grade": not solution, "locked": not solution,
                                 "points": points, "schema_version": 3}
    return cell


def test_deleted_and_renamed_test_cells_are_restored_in_place():
    source = _nb(nbformat.v4.new_code_cell("setup"), _graded("def f(): ...", "f", True),
                 _graded("assert f() == 1", "test_f", False), _graded("def g(): ...", "g", True),
                 _graded("assert g() == 2", "test_g", False))
    renamed = _graded("pass", "my_test", False)
    submitted = _nb(nbformat.v4.new_code_cell("setup"), _graded("def f(): return 1", "f", True),
                    _graded("def g(): return 2", "g", True), renamed)
    assert fair.missing_test_cells(source, submitted) == ["test_f", "test_g"]
    cells = fair.restore_test_cells(source, submitted)
    assert [c.source for c in cells] == ["setup", "def f(): return 1", "assert f() == 1", "def g(): return 2",
                                         "assert g() == 2", "pass"]
    assert "nbgrader" not in cells[-1].metadata, "a cell with an unknown grade_id keeps its nbgrader metadata"
    assert fair.notes(source, submitted, None) == ["test cell missing, restored from the source: test_f, test_g"]


def test_stderr_of_a_test_cell_is_not_a_failure():
    cell = _graded("f()", "test_f", False)
    cell.outputs = [nbformat.v4.new_output("stream", name="stderr", text="UserWarning: slow\n")]
    fair.StderrIsNotAnError().preprocess_cell(cell, {}, 0)
    from nbgrader.utils import determine_grade

    assert determine_grade(cell) == (1, 1)


def test_probe_expression_names_what_the_test_cell_uses():
    expr = integrity.check_expression("assert_close(conv1d(x_t, w_t), np.convolve(x_t, w_t))")
    assert "'assert_close'" in expr and "'np'" in expr and "'conv1d'" in expr
    assert integrity.parse_reply({"content": {"status": "ok", "user_expressions": {
        "probe": {"status": "ok", "data": {"text/plain": "'numpy.allclose'"}}}}}) == "numpy.allclose"
    assert integrity.parse_reply(None)  # no reply is a finding too


@dataclass
class FakeRow:
    student: str
    assignment: str
    score: float = 0.0


def test_batch_is_resumable_parallel_and_regrades_on_request(tmp_path):
    journal, db = tmp_path / "journal.jsonl", tmp_path / "gradebook.db"
    pairs = [(f"s{i}", "a") for i in range(6)]
    graded: list[str] = []
    active, peak = [0], [0]
    lock = threading.Lock()

    def grade_one(student, aid, private_db, stop_at=None):
        if student == stop_at:
            raise KeyboardInterrupt
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.2)
        with lock:
            active[0] -= 1
            graded.append(student)
        return FakeRow(student, aid, 1.0), False

    key = lambda s, a: "v1"  # noqa: E731
    with pytest.raises(KeyboardInterrupt):
        batch.run_batch(pairs, lambda s, a, p: grade_one(s, a, p, stop_at="s3"), db, journal, key, FakeRow,
                        report=lambda r: None)
    first = set(graded)
    assert first == {"s0", "s1", "s2"} and set(batch.read_journal(journal)) == {(s, "a") for s in first}
    with open(journal, "a") as f:
        f.write('{"key": "v1", "row": {"student": "s4"')  # a torn line from a crash while writing
    graded.clear()
    rows = batch.run_batch(pairs, grade_one, db, journal, key, FakeRow, jobs=3, report=lambda r: None)
    assert sorted(graded) == ["s3", "s4", "s5"], "the rerun regraded finished submissions or skipped others"
    assert [r.student for r in rows] == [p[0] for p in pairs]
    assert peak[0] >= 2, "jobs=3 never graded two submissions at once"
    graded.clear()
    batch.run_batch(pairs, grade_one, db, journal, key, FakeRow, selected=lambda s, a: s == "s1", report=lambda r: None)
    assert graded == ["s1"]
    graded.clear()
    batch.run_batch(pairs, grade_one, db, journal, lambda s, a: "v2", FakeRow, report=lambda r: None)
    assert sorted(graded) == [p[0] for p in pairs], "a changed submission or source must be regraded"
    assert all(json.loads(line)["key"] for line in journal.read_text().splitlines()[-6:])
