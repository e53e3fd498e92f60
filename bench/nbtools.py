"""Two ways the benchmark uses a solution notebook.

`load_functions(path, names)`: the course's own reference implementations, taken from the solution
notebook without copying code. It executes, in a fresh namespace, the solution cells (nbgrader
metadata `solution: true`) that define the wanted names, plus what they need: the imports and the
top-level helper functions of ordinary cells (e.g. a shared argument checker) that they refer to,
found by following names through the code. Nothing else runs (no data loading, no training, no test
cells).

`run_notebook(path, fast, extra_source)`: execute a notebook top to bottom as
`nbharness.execute_notebook` does, optionally with one extra cell appended in memory, and return the
time, the error if any, and the executed notebook (to read the extra cell's output).
"""
from __future__ import annotations

import ast
import builtins
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

import benchutil  # noqa: F401  (puts tests/ on sys.path)
import nbharness


@dataclass
class _Piece:
    source: str
    label: str
    defines: set[str]
    uses: set[str]
    order: int


def _names_used(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)} - set(dir(builtins))


def _pieces(nb) -> tuple[list[_Piece], list[str]]:
    """Solution cells (whole), and imports and def/class statements of ordinary cells (one piece each)."""
    pieces, problems = [], []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or nbharness.is_test_cell(cell):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError as exc:
            if nbharness.is_solution_cell(cell):
                problems.append(f"cell {i} is not valid Python: {exc.msg} (line {exc.lineno})")
            continue
        if nbharness.is_solution_cell(cell):
            defines = set(nbharness.top_level_definitions(cell.source))
            pieces.append(_Piece(cell.source, f"solution cell {i}", defines, _names_used(tree), i))
            continue
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                bound = {(a.asname or a.name).split(".")[0] for a in node.names if a.name != "*"}
                pieces.append(_Piece(ast.get_source_segment(cell.source, node), f"import in cell {i}",
                                     bound, set(), i))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                pieces.append(_Piece(ast.get_source_segment(cell.source, node), f"helper {node.name} in cell {i}",
                                     {node.name}, _names_used(node), i))
    return pieces, problems


def load_functions(path: Path, names: list[str]) -> tuple[dict, dict[str, str]]:
    """({name: object} for the names found, {name: why not} for the others)."""
    if not Path(path).exists():
        return {}, {name: f"{Path(path).name} does not exist (yet)" for name in names}
    nb = nbformat.read(path, as_version=4)
    pieces, problems = _pieces(nb)
    providers: dict[str, _Piece] = {}
    for piece in sorted(pieces, key=lambda p: not p.label.startswith("solution")):  # solution cells win
        for name in piece.defines:
            providers.setdefault(name, piece)
    chosen, todo = {}, list(names)
    while todo:  # follow the names the chosen code refers to
        piece = providers.get(todo.pop())
        if piece is not None and id(piece) not in chosen:
            chosen[id(piece)] = piece
            todo.extend(piece.uses)
    namespace: dict = {"__name__": "cnnlab_bench_reference"}
    errors: list[str] = list(problems)
    failed: set[str] = set()
    for piece in sorted(chosen.values(), key=lambda p: (not p.label.startswith("import"), p.order)):
        try:
            exec(compile(piece.source, f"<{Path(path).name} {piece.label}>", "exec"), namespace)
        except Exception as exc:  # a half-written notebook: report, do not crash
            errors.append(f"{piece.label} raised {type(exc).__name__}: {exc}")
            failed |= piece.defines
    found, missing = {}, {}
    for name in names:
        if callable(namespace.get(name)) and name not in failed:
            found[name] = namespace[name]
        else:
            missing[name] = "; ".join(errors) or f"no solution cell of {Path(path).name} defines {name}"
    return found, missing


@dataclass
class NotebookRun:
    seconds: float
    error: str | None
    nb: nbformat.NotebookNode | None


def _short_error(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    last = next((ln for ln in reversed(text) if ln.strip()), "")
    return f"{type(exc).__name__}: {last}"[:300]


def run_notebook(path: Path, fast: bool, extra_source: str | None = None, timeout: int = 900) -> NotebookRun:
    """Execute `path` in its folder (CNNLAB_FAST set by `fast`); errors are returned, not raised."""
    start = time.perf_counter()
    try:
        nb, seconds = nbharness.execute_notebook(Path(path), fast=fast, timeout=timeout, extra_source=extra_source)
        return NotebookRun(seconds, None, nb)
    except Exception as exc:  # CellExecutionError, a timeout, a dead kernel, an unreadable file
        return NotebookRun(time.perf_counter() - start, _short_error(exc), None)


def marked_output(nb, marker: str) -> str | None:
    """The text after `marker` on the first line of the last cell's printed output that starts with it."""
    if nb is None or not nb.cells:
        return None
    for output in nb.cells[-1].get("outputs", []):
        if output.get("output_type") == "stream":
            for line in output.get("text", "").splitlines():
                if line.startswith(marker):
                    return line[len(marker):]
    return None
