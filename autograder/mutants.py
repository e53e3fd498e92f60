"""Mutants prove the graded tests: every plausible wrong version of a graded function must be rejected.

Layout: ``tests/mutants/<assignment>/<solution cell id>/<function>__<bug>.py``. The folder is the id of the
solution cell that defines `<function>` (its test cell is ``test_<id>``), so one token finds the solution
cell, its tests and its mutants. Each file starts with a docstring whose first line names the bug, may import
what it needs, and defines exactly one top-level function or class: the wrong version.

The harness runs the solution notebook once, cell by cell, in one kernel (`kernel.NotebookKernel`: nbgrader's
Execute with the grading environment and time limit), and requires every graded test cell to pass. Then, for
each mutant, it swaps the mutant's definition into its solution cell, runs that cell, runs the graded test cells
in order and records the first that fails (the mutant is *rejected*) or that none fails (it *survives*: the
tests have a hole). The original cell is then run again to restore the kernel.

Rule this relies on, for notebook authors: a graded test cell calls the functions it tests itself; it does not
check values that an earlier ordinary cell computed with them.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from autograder.cells import grade_id, graded_names, is_test_cell, top_level_definitions
from autograder.course import Course
from autograder.errors import MutantError
from autograder.kernel import NotebookKernel

MIN_PER_NAME = 3


@dataclass
class Mutant:
    path: Path
    target: str          # the function or class it replaces
    description: str     # the first line of its docstring: the bug it makes
    definition: str      # the def/class source
    preamble: str        # imports and helpers above the definition

    @classmethod
    def load(cls, path: Path) -> "Mutant":
        source = path.read_text()
        tree = ast.parse(source)
        defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))]
        if len(defs) != 1:
            raise MutantError(f"{path}: a mutant file defines exactly one top-level function or class; "
                              f"found {[d.name for d in defs]}")
        node = defs[0]
        doc = ast.get_docstring(tree) or ""
        if not doc:
            raise MutantError(f"{path}: start the mutant file with a docstring that names the bug")
        lines = source.splitlines()
        start = (node.decorator_list[0].lineno if node.decorator_list else node.lineno) - 1
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


@dataclass
class MutantReport:
    assignment: str
    results: list[tuple[Mutant, str | None, str | None]] = field(default_factory=list)  # mutant, rejecting cell, why
    missing: dict[str, int] = field(default_factory=dict)  # graded name -> mutant count, when < MIN_PER_NAME

    @property
    def rejected(self) -> int:
        return sum(cell is not None for _, cell, _ in self.results)

    @property
    def ok(self) -> bool:
        return bool(self.results) and self.rejected == len(self.results) and not self.missing

    def summary(self) -> str:
        lines = [f"{self.assignment}: mutants rejected: {self.rejected}/{len(self.results)}"]
        for m, cell, reason in self.results:
            verdict = f"rejected by {cell} ({reason})" if cell else "SURVIVED: the graded tests accept it"
            lines.append(f"  {m.path.parent.name}/{m.path.name:45s} {verdict}")
        for name, count in self.missing.items():
            lines.append(f"  graded {name!r} has {count} mutants; at least {MIN_PER_NAME} are required")
        return "\n".join(lines)


def load_mutants(course: Course, aid: str, nb) -> list[Mutant]:
    """The mutants of `aid`, each checked to sit in the folder of the solution cell that defines its target."""
    names = graded_names(nb)
    mutants = [Mutant.load(p) for p in course.mutants(aid)]
    for m in mutants:
        if m.target not in names:
            raise MutantError(f"{m.path}: {m.target!r} is not defined in a solution cell of {aid}")
        cell_id = grade_id(nb.cells[names[m.target]])
        if m.path.parent.name != cell_id:
            raise MutantError(f"{m.path}: {m.target!r} is defined in solution cell {cell_id!r}; "
                              f"put the mutant in {course.mutants_dir(aid).relative_to(course.root)}/{cell_id}/")
    return mutants


def run_mutants(aid: str, course: Course | None = None) -> MutantReport:
    """Swap every mutant of `aid` into its solution notebook; see the module docstring."""
    course = course or Course()
    path = course.source(course.check(aid))
    nb = course.read(path)
    names = graded_names(nb)
    mutants = load_mutants(course, aid, nb)
    report = MutantReport(aid)
    for name in names:
        count = sum(m.target == name for m in mutants)
        if count < MIN_PER_NAME:
            report.missing[name] = count
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    tests = [(grade_id(c), c.source) for c in nb.cells if is_test_cell(c)]
    kernel = NotebookKernel(path.parent, fast=True)

    def run_notebook() -> None:
        for i, source in enumerate(code):
            err = kernel.run(source)
            if err:
                raise MutantError(f"{aid}: the solution notebook fails in code cell {i}: {err}")

    try:
        run_notebook()
        for m in mutants:
            index = names[m.target]
            original = nb.cells[index].source
            err = kernel.run(swap_definition(original, m.target, m.definition, m.preamble))
            rejected_by, reason = (f"solution cell {grade_id(nb.cells[index])}", err) if err else (None, None)
            for test_id, source in tests:
                if rejected_by:
                    break
                err = kernel.run(source)
                if err:
                    rejected_by, reason = test_id, err
            report.results.append((m, rejected_by, reason))
            if reason and reason.startswith("DeadKernelError"):
                run_notebook()  # a fresh kernel: bring it back to the solution's state
            elif kernel.run(original):
                raise MutantError(f"restoring {m.target} after {m.path.name} failed")
        for test_id, source in tests:  # the kernel must be clean again: the solution still passes
            err = kernel.run(source)
            if err:
                raise MutantError(f"after the mutants, the solution fails {test_id}: {err}")
    finally:
        kernel.close()
    return report
