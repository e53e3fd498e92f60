"""Run course notebooks from tests and from the command line.

    python tests/nbharness.py execute 01-why-convolutions [--default]   # run the solution notebook
    python tests/nbharness.py mutants 01-why-convolutions               # the mutant report

Mutants prove the graded tests. Each file in ``tests/mutants/<assignment>/`` is a plausible
wrong version of one graded function or class (its module docstring says which bug). The
harness executes the solution notebook once in a kernel, checks that every graded test cell
passes, then for each mutant: swaps the mutant's definition into the solution cell that
defines that name (replacing the top-level function or class), re-runs that cell, runs the
graded test cells in order and records the first that fails (the mutant is *rejected*) or
that none fails (the mutant *survives*: the tests have a hole). The original cell is then
run again to restore the kernel.

Rule this relies on, for notebook authors: a graded test cell calls the functions it tests
itself; it does not check values that an earlier ordinary cell computed with them.
"""
from __future__ import annotations

import ast
import os
import queue
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "tests" / "mutants"


def assignments() -> list[str]:
    """Assignment ids: folders of solutions/ that hold a notebook of the same name."""
    return sorted(p.parent.name for p in (ROOT / "solutions").glob("*/*.ipynb") if p.stem == p.parent.name)


def notebook_path(assignment: str, kind: str = "solutions") -> Path:
    return ROOT / kind / assignment / f"{assignment}.ipynb"


def kernel_env(fast: bool = True) -> dict[str, str]:
    env = dict(os.environ)
    env["CNNLAB_FAST"] = "1" if fast else "0"
    env["MPLBACKEND"] = "agg"
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def execute_notebook(path: Path, fast: bool = True, timeout: int = 900,
                     extra_source: str | None = None) -> tuple[nbformat.NotebookNode, float]:
    """Execute a notebook top to bottom in its folder; raise CellExecutionError on the first error.

    `extra_source`, if given, runs as one more cell at the end (to read values the notebook left).
    Returns the executed notebook and the wall time in seconds (kernel start included).
    """
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    if extra_source is not None:
        nb.cells.append(nbformat.v4.new_code_cell(extra_source))
    start = time.perf_counter()
    NotebookClient(nb, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute(env=kernel_env(fast))
    return nb, time.perf_counter() - start


def is_test_cell(cell) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade", False) and not meta.get("solution", False)


def is_solution_cell(cell) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("solution", False)


def top_level_definitions(source: str) -> dict[str, ast.AST]:
    """Top-level functions and classes defined in a cell or file, by name."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    return {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))}


def graded_names(nb) -> dict[str, int]:
    """Every top-level function or class defined in a solution cell -> index of that cell."""
    return {name: i for i, cell in enumerate(nb.cells) if is_solution_cell(cell)
            for name in top_level_definitions(cell.source)}


@dataclass
class Mutant:
    path: Path
    target: str          # the function or class it replaces
    description: str     # its docstring: the bug it makes
    definition: str      # the def/class source
    preamble: str        # imports and helpers above the definition

    @classmethod
    def load(cls, path: Path) -> "Mutant":
        source = path.read_text()
        tree = ast.parse(source)
        defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))]
        if len(defs) != 1:
            raise ValueError(f"{path}: a mutant file defines exactly one top-level function or class; "
                             f"found {[d.name for d in defs]}")
        node = defs[0]
        lines = source.splitlines()
        start = (node.decorator_list[0].lineno if node.decorator_list else node.lineno) - 1
        doc = ast.get_docstring(tree) or ""
        if not doc:
            raise ValueError(f"{path}: start the mutant file with a docstring that names the bug")
        body = [n for n in tree.body if n is not node and not (isinstance(n, ast.Expr) and isinstance(
            getattr(n, "value", None), ast.Constant) and isinstance(n.value.value, str))]
        preamble = "\n".join(ast.get_source_segment(source, n) for n in body)
        return cls(path, node.name, doc.splitlines()[0], "\n".join(lines[start:node.end_lineno]), preamble)


def swap_definition(cell_source: str, name: str, new_definition: str, preamble: str = "") -> str:
    """Replace the top-level definition of `name` in `cell_source` with `new_definition`."""
    node = top_level_definitions(cell_source).get(name)
    if node is None:
        raise KeyError(f"{name} is not defined at top level in this cell")
    lines = cell_source.splitlines()
    start = (node.decorator_list[0].lineno if node.decorator_list else node.lineno) - 1
    new = lines[:start] + new_definition.splitlines() + lines[node.end_lineno:]
    return (preamble + "\n" if preamble else "") + "\n".join(new)


class Kernel:
    """A Jupyter kernel that runs code and says whether it raised (and what)."""

    def __init__(self, cwd: Path, fast: bool = True):
        from jupyter_client.manager import start_new_kernel

        self.km, self.kc = start_new_kernel(kernel_name="python3", cwd=str(cwd), env=kernel_env(fast))

    def run(self, code: str, timeout: float) -> str | None:
        """None if `code` ran without error, else a one-line reason (error name and message)."""
        errors: list[str] = []

        def hook(msg):
            if msg["msg_type"] == "error":
                errors.append(f"{msg['content']['ename']}: {msg['content']['evalue']}"[:300])

        try:
            reply = self.kc.execute_interactive(code, timeout=timeout, output_hook=hook, store_history=False)
        except TimeoutError:
            self.km.interrupt_kernel()
            self._drain()
            return f"timed out after {timeout:g} s"
        if reply["content"]["status"] != "ok":
            return errors[0] if errors else f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}"
        return None

    def _drain(self) -> None:
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                self.kc.get_shell_msg(timeout=1)
                return
            except queue.Empty:
                continue

    def close(self) -> None:
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


@dataclass
class MutantReport:
    assignment: str
    results: list[tuple[Mutant, str | None, str | None]] = field(default_factory=list)  # mutant, cell, reason
    missing: dict[str, int] = field(default_factory=dict)  # graded name -> mutant count, when < 3

    @property
    def rejected(self) -> int:
        return sum(cell is not None for _, cell, _ in self.results)

    def summary(self) -> str:
        lines = [f"{self.assignment}: mutants rejected: {self.rejected}/{len(self.results)}"]
        for m, cell, reason in self.results:
            verdict = f"rejected by {cell} ({reason})" if cell else "SURVIVED: the graded tests accept it"
            lines.append(f"  {m.path.name:45s} {verdict}")
        for name, count in self.missing.items():
            lines.append(f"  graded {name!r} has {count} mutants; at least 3 are required")
        return "\n".join(lines)


def run_mutants(assignment: str, cell_timeout: float = 600, test_timeout: float = 120) -> MutantReport:
    """Swap every mutant of `assignment` into its solution notebook; see the module docstring."""
    path = notebook_path(assignment)
    nb = nbformat.read(path, as_version=4)
    report = MutantReport(assignment)
    mutants = [Mutant.load(p) for p in sorted((MUTANTS / assignment).glob("*/*.py"))]
    names = graded_names(nb)
    for name in names:
        count = sum(m.target == name for m in mutants)
        if count < 3:
            report.missing[name] = count
    for m in mutants:
        if m.target not in names:
            raise ValueError(f"{m.path}: {m.target!r} is not defined in a solution cell of {path.name}")
        cell_id = nb.cells[names[m.target]].metadata["nbgrader"]["grade_id"]
        if m.path.parent.name != cell_id:
            raise ValueError(f"{m.path}: {m.target!r} is defined in solution cell {cell_id!r}; "
                             f"put the mutant in tests/mutants/{assignment}/{cell_id}/")
    tests = [(c.metadata["nbgrader"]["grade_id"], c.source) for c in nb.cells if is_test_cell(c)]
    kernel = Kernel(path.parent)
    try:
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                err = kernel.run(cell.source, timeout=cell_timeout)
                if err:
                    raise RuntimeError(f"{assignment}: the solution notebook fails in cell {i}: {err}")
        for m in mutants:
            index = names[m.target]
            original = nb.cells[index].source
            err = kernel.run(swap_definition(original, m.target, m.definition, m.preamble), timeout=cell_timeout)
            rejected_by, reason = (f"solution cell {nb.cells[index].metadata['nbgrader']['grade_id']}", err) \
                if err else (None, None)
            for grade_id, source in tests:
                if rejected_by:
                    break
                err = kernel.run(source, timeout=test_timeout)
                if err:
                    rejected_by, reason = grade_id, err
            report.results.append((m, rejected_by, reason))
            err = kernel.run(original, timeout=cell_timeout)
            if err:
                raise RuntimeError(f"restoring {m.target} after {m.path.name} failed: {err}")
        for grade_id, source in tests:  # the kernel must be clean again: the solution still passes
            err = kernel.run(source, timeout=test_timeout)
            if err:
                raise RuntimeError(f"after the mutants, the solution fails {grade_id}: {err}")
    finally:
        kernel.close()
    return report


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "execute":
        _, seconds = execute_notebook(notebook_path(argv[1]), fast="--default" not in argv)
        print(f"{argv[1]}: executed without error in {seconds:.1f} s")
        return 0
    if len(argv) >= 2 and argv[0] == "mutants":
        report = run_mutants(argv[1])
        print(report.summary())
        return 0 if report.rejected == len(report.results) and not report.missing else 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
