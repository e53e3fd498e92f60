"""The course's reference implementations, loaded from a solution notebook in-process (for the benchmark).

`load_functions(path, names)` executes, in a fresh namespace, the solution cells (nbgrader `solution: true`)
that define the wanted names, plus what they need: the imports and the top-level helper functions of ordinary
cells (e.g. a shared argument checker) that they refer to, found by following names through the code. Nothing
else runs (no data loading, no training, no test cells).

Why not in a kernel, as grading runs them: the benchmark times these functions side by side with PyTorch's
own ops under the thread limits it sets in its own process, on arrays it makes there; in a kernel it would
have to ship the timing code and the arrays through the kernel protocol and execute each whole notebook
first (seconds to minutes per notebook). The code that runs is the solution cells' own source either way.
"""
from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass
from pathlib import Path

import nbformat

from autograder.cells import is_solution_cell, is_test_cell, top_level_definitions


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
        if cell.cell_type != "code" or is_test_cell(cell):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError as exc:
            if is_solution_cell(cell):
                problems.append(f"cell {i} is not valid Python: {exc.msg} (line {exc.lineno})")
            continue
        if is_solution_cell(cell):
            defines = set(top_level_definitions(cell.source))
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
