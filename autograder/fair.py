"""nbgrader preprocessors that make autograding safe and fair (registered in nbgrader_config.py).

- `SafeExecute` executes a submission in the sandbox (autograder/sandbox.py) under the limits of
  `sandbox.Limits`. A cell that kills the kernel (``os._exit``, a segfault, the CPU limit) gets an
  error "KernelDied" and the kernel is restarted: the cells before it that worked are replayed
  (outputs discarded) and grading goes on, so tests that do not depend on that cell keep their
  points. Past the submission's wall-time limit the remaining cells are not run (error
  "SubmissionTimeLimit"). Output beyond `Limits.output_bytes` is dropped with one note. After each
  passing test cell the tampering probe (autograder/integrity.py) runs.
- `RestoreTestCells` takes every graded test cell from the source notebook and puts it where the
  source has it: deleted, renamed, re-pointed, duplicated or moved tests are back (cells with unknown
  or duplicate grade_ids lose their nbgrader metadata and run as ordinary code).
- `StderrIsNotAnError`: nbgrader scores a test cell 0 when it wrote anything to stderr (a
  warning); this turns stderr of test cells into stdout, so only an error fails a test.
- `notes(source, submitted, autograded)`: what an instructor should know, for the grades CSV.
"""
from __future__ import annotations

import time
from copy import deepcopy
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbconvert.preprocessors import Preprocessor
from nbformat import NotebookNode
from traitlets import Bool, Integer

from autograder import integrity
from autograder.kernel import GradingExecute
from autograder.sandbox import Limits, SandboxKernelManager

TRUNCATED = "[output truncated by the grader: the submission printed more than {:,} bytes]\n"


def is_test_cell(cell: NotebookNode) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def _error(ename: str, evalue: str) -> NotebookNode:
    return nbformat.v4.new_output("error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def _size(out: NotebookNode) -> int:
    if out.get("output_type") == "stream":
        return len(out.get("text", ""))
    data = out.get("data", {})
    return sum(len(v) if isinstance(v, str) else len(str(v)) for v in data.values()) + len(str(out.get("traceback", "")))


class SafeExecute(GradingExecute):
    """GradingExecute (the course's kernel environment) with the sandbox, kernel restarts, time and output
    limits and the tampering probe."""

    probe = Bool(True, help="run the tampering probe after every passing test cell").tag(config=True)
    # A cell whose output is still streaming after its reply (200 MB of prints, forked children) must not
    # stop grading: nbgrader raises there by default; drop the rest of that output instead.
    raise_on_iopub_timeout = Bool(False).tag(config=True)
    iopub_timeout = Integer(10).tag(config=True)

    def __init__(self, *args, **kwargs):
        limits = Limits(parent=kwargs.get("parent"), config=kwargs.get("config"))
        kwargs.setdefault("kernel_manager_class", SandboxKernelManager if limits.sandbox else AsyncKernelManager)
        super().__init__(*args, **kwargs)
        self.limits = Limits(parent=self)
        self._replaying: int | None = None
        self._probe_ready = False

    # -- limits -------------------------------------------------------------------------------------
    def _get_timeout(self, cell: NotebookNode | None) -> int | None:
        base = super()._get_timeout(cell)
        left = max(1, int(self._deadline - time.monotonic()) + 1)
        return left if base is None else min(base, left)

    def output(self, outs, msg, display_id, cell_index):
        out = super().output(outs, msg, display_id, cell_index)
        if out is None or self._replaying is not None:
            return out
        self._output_bytes += _size(out)
        if self._output_bytes > self.limits.output_bytes:
            outs.remove(out)
            if not self._truncated:
                self._truncated = True
                outs.append(nbformat.v4.new_output("stream", name="stdout",
                                                   text=TRUNCATED.format(self.limits.output_bytes)))
        return out

    # -- execution ----------------------------------------------------------------------------------
    def preprocess(self, nb, resources=None, km=None):
        from nbclient import NotebookClient

        NotebookClient.__init__(self, nb, km)
        self.reset_execution_trackers()
        self._check_assign_resources(resources)
        self.timeout = self.limits.cell_seconds  # after NotebookClient.__init__, which reloads the config
        self._deadline = time.monotonic() + self.limits.submission_seconds
        self._output_bytes, self._truncated = 0, False
        ran: list[int] = []  # code cells that finished (replayed after a restart)
        index, restarts = 0, 0
        while index < len(nb.cells):
            try:
                with self.setup_kernel():
                    info = self.wait_for_reply(self.kc.kernel_info())
                    self.nb.metadata["language_info"] = info["content"]["language_info"]
                    self._probe_ready = self.probe and self._setup_probe()
                    for i in ran:  # after a restart: rebuild the state the next cells expect
                        self._replay(nb.cells[i], i)
                    while index < len(nb.cells):
                        cell = nb.cells[index]
                        if time.monotonic() >= self._deadline:
                            self._not_run(cell, "SubmissionTimeLimit", f"not run: the submission used its "
                                          f"{self.limits.submission_seconds} s of wall time")
                        else:
                            self._run(cell, index)
                            if cell.cell_type == "code" and not any(
                                    o.get("output_type") == "error" and o.get("ename") == "CellTimeoutError"
                                    for o in cell.get("outputs", [])):
                                ran.append(index)
                        index += 1
            except DeadKernelError:
                restarts += 1
                if self._replaying is not None:  # a cell that had worked died when replayed: leave it out
                    ran.remove(self._replaying)
                    self._replaying = None
                    if restarts <= self.limits.restarts:
                        continue
                cell = nb.cells[index]
                status = self._exit_status()
                cell.setdefault("outputs", []).append(_error(
                    "KernelDied", f"the kernel died while running this cell{status}; it was restarted and "
                    "grading went on with the next cell"))
                index += 1
                if restarts > self.limits.restarts:
                    for rest in nb.cells[index:]:
                        self._not_run(rest, "NotRun", f"not run: the kernel died {restarts} times")
                    break
        self.set_widgets_metadata()
        return self.nb, self.resources

    def _run(self, cell: NotebookNode, index: int) -> None:
        try:
            self.execute_cell(cell, index, store_history=True)
        except CellTimeoutError as exc:  # no reply at all (interrupting failed): an error of this cell
            cell.outputs.append(_error("CellTimeoutError", str(exc).splitlines()[0]))
        if self._probe_ready and is_test_cell(cell) and not any(o.get("output_type") == "error" for o in cell.outputs):
            found = self._probe(cell.source)
            if found:
                cell.outputs.append(_error("TamperingDetected", f"the submission replaced {found}"))

    def _replay(self, cell: NotebookNode, index: int) -> None:
        self._replaying = index
        self.execute_cell(deepcopy(cell), index, store_history=False)
        self._replaying = None

    def _not_run(self, cell: NotebookNode, ename: str, evalue: str) -> None:
        if cell.cell_type == "code" and cell.source.strip():
            cell.outputs = [_error(ename, evalue)]

    def _setup_probe(self) -> bool:
        """Install the probe before any student code runs; without it (a broken environment) say so and go on."""
        reply = self.wait_for_reply(self.kc.execute(integrity.SETUP, silent=True, store_history=False))
        if reply is None or reply["content"].get("status") != "ok":
            content = (reply or {}).get("content", {})
            self.log.warning("the tampering probe could not be installed: %s: %s", content.get("ename"),
                             content.get("evalue"))
            return False
        return True

    def _probe(self, test_source: str) -> str | None:
        expression = integrity.check_expression(test_source)
        try:
            reply = self.wait_for_reply(self.kc.execute("", silent=True, store_history=False,
                                                        user_expressions={"probe": expression}))
        except TimeoutError:
            reply = None
        return integrity.parse_reply(reply)

    def _exit_status(self) -> str:
        proc = getattr(getattr(self.km, "provisioner", None), "process", None)
        code = proc.poll() if proc is not None else None
        return f" (exit status {code})" if code is not None else ""


class RestoreTestCells(Preprocessor):
    """Every graded test cell from the source, at its source position (first of nbgrader's sanitize steps)."""

    enabled = Bool(True)

    def preprocess(self, nb, resources):
        source = source_notebook(self.config, resources)
        if source is None:
            return nb, resources
        nb.cells = restore_test_cells(source, nb)
        return nb, resources


def source_notebook(config, resources) -> NotebookNode | None:
    from nbgrader.coursedir import CourseDirectory

    info = resources.get("nbgrader", {})
    coursedir = CourseDirectory(config=config)
    path = Path(coursedir.format_path(coursedir.source_directory, ".", info.get("assignment", ""))) / \
        f"{info.get('notebook', '')}.ipynb"
    return nbformat.read(path, as_version=4) if path.exists() else None


def _grade_id(cell: NotebookNode) -> str | None:
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def missing_test_cells(source: NotebookNode, submitted: NotebookNode) -> list[str]:
    """grade_ids of the source's test cells that the submission lacks (deleted, renamed or un-marked)."""
    have = {_grade_id(c) for c in submitted.cells if is_test_cell(c)}
    return [_grade_id(c) for c in source.cells if is_test_cell(c) and _grade_id(c) not in have]


def restore_test_cells(source: NotebookNode, submitted: NotebookNode) -> list[NotebookNode]:
    """The submission's cells with every graded test cell taken from the source, where the source has it.

    Test cells are put right after the graded cell that precedes them in the source, so a test that was
    deleted, renamed, re-pointed (given another test's id) or moved is back where it belongs. Cells with a
    grade_id the source does not know, or one already seen, lose their nbgrader metadata (ordinary code).
    """
    known = {_grade_id(c) for c in source.cells if _grade_id(c)}
    tests = {_grade_id(c) for c in source.cells if is_test_cell(c)}
    cells, seen = [], set()
    for cell in submitted.cells:
        gid = _grade_id(cell)
        if gid in tests and is_test_cell(cell):
            continue  # its source copy goes back below
        if gid and (gid not in known or gid in seen or gid in tests):
            cell = deepcopy(cell)
            del cell.metadata["nbgrader"]
            gid = None
        seen.add(gid)
        cells.append(cell)
    before: list[str] = []  # grade_ids of the source cells above the current one
    for cell in source.cells:
        gid = _grade_id(cell)
        if gid in tests:
            here = [i for i, c in enumerate(cells) if _grade_id(c) in before]
            first_code = next((i for i, c in enumerate(cells) if c.cell_type == "code"), -1)
            at = max(here) + 1 if here else first_code + 1
            restored = deepcopy(cell)
            restored.outputs, restored.execution_count = [], None
            cells.insert(at, restored)
        if gid:
            before.append(gid)
    return cells


class StderrIsNotAnError(Preprocessor):
    """Only an error fails a test: stderr of test cells (warnings) becomes stdout (run before SaveAutoGrades)."""

    enabled = Bool(True)

    def preprocess_cell(self, cell, resources, index):
        if is_test_cell(cell):
            for out in cell.get("outputs", []):
                if out.get("output_type") == "stream" and out.get("name") == "stderr":
                    out["name"] = "stdout"
        return cell, resources


def notes(source: NotebookNode | None, submitted: NotebookNode | None, autograded: NotebookNode | None) -> list[str]:
    """Remarks for the grades CSV: restored test cells, kernel deaths, tampering, limits reached."""
    found: list[str] = []
    if source is not None and submitted is not None:
        missing = missing_test_cells(source, submitted)
        if missing:
            found.append(f"test cell missing, restored from the source: {', '.join(missing)}")
    if autograded is None:
        return found
    kinds = {"KernelDied": "kernel died in", "TamperingDetected": "tampering detected in",
             "SubmissionTimeLimit": "not run (submission time limit):", "NotRun": "not run (too many kernel deaths):"}
    by_kind: dict[str, list[str]] = {}
    for i, cell in enumerate(autograded.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and out.get("ename") in kinds:
                name = _grade_id(cell) or f"cell {i}"
                if out["ename"] == "TamperingDetected":
                    name += f" ({out.get('evalue', '').removeprefix('the submission replaced ')})"
                by_kind.setdefault(out["ename"], []).append(name)
            if out.get("output_type") == "stream" and out.get("text", "").startswith("[output truncated by the grader"):
                by_kind.setdefault("truncated", []).append(_grade_id(cell) or f"cell {i}")
    for kind, names in by_kind.items():
        if kind == "truncated":
            found.append(f"output truncated from {names[0]} on")
        else:
            found.append(f"{kinds[kind]} {', '.join(names[:5])}" + (" ..." if len(names) > 5 else ""))
    return found
