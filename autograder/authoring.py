"""Write course notebooks as plain text, convert them to nbgrader notebooks and back.

Authoring a notebook as JSON is painful; this tool lets you write it as a ``.py`` file
in a "percent" format and turns it into ``solutions/<id>/<id>.ipynb`` with the nbgrader
cell metadata set. The ``.ipynb`` stays the source of truth: convert it back to text with
``to-py`` when you want to edit it outside Jupyter, then ``to-ipynb`` again.

Cell markers (a line that starts a new cell)::

    # %% [markdown]                      explanation (each line written as "# text")
    # %%                                 ordinary code cell
    # %% [solution] id=conv1d            code the student writes (### BEGIN/END SOLUTION inside)
    # %% [tests] id=test_conv1d points=3 locked autograder tests (### BEGIN/END HIDDEN TESTS inside)
    # %% [answer] id=q_sharing points=2  markdown answer cell, graded by hand (lines as "# text")

Usage::

    python -m autograder author to-ipynb SRC.py OUT.ipynb
    python -m autograder author to-py NB.ipynb [OUT.py]
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import nbformat

MARKER = re.compile(r"^# %%(?:\s+\[(?P<kind>[a-z]+)\])?(?P<attrs>(?:\s+\w+=\S+)*)\s*$")
KINDS = {"code", "markdown", "solution", "tests", "answer"}


def _nbgrader_meta(kind: str, attrs: dict[str, str]) -> dict | None:
    """The nbgrader metadata (schema 3) for a cell of the given kind, or None."""
    if kind in ("code", "markdown"):
        return None
    if "id" not in attrs:
        raise ValueError(f"a [{kind}] cell needs id=...; got attributes {attrs}")
    meta = {"grade_id": attrs["id"], "schema_version": 3, "task": False}
    if kind == "solution":
        meta.update(grade=False, solution=True, locked=False)
    elif kind == "tests":
        meta.update(grade=True, solution=False, locked=True, points=int(attrs["points"]))
    elif kind == "answer":
        meta.update(grade=True, solution=True, locked=False, points=int(attrs["points"]))
    return meta


def _strip_comment(lines: list[str]) -> str:
    """Markdown lines are written as '# text' (or a bare '#'); undo that."""
    out = []
    for line in lines:
        if line.startswith("# "):
            out.append(line[2:])
        elif line.rstrip() == "#":
            out.append("")
        else:
            raise ValueError(f"markdown line must start with '# ': {line!r}")
    return "\n".join(out)


def _check_markers(kind: str, source: str, index: int) -> None:
    """nbgrader acts on marker text wherever it appears, even in prose: allow it only where it belongs."""
    allowed = {"BEGIN SOLUTION": ("solution", "answer"), "END SOLUTION": ("solution", "answer"),
               "BEGIN HIDDEN TESTS": ("tests",), "END HIDDEN TESTS": ("tests",)}
    for marker, kinds in allowed.items():
        if marker in source and kind not in kinds:
            raise ValueError(f"cell {index} ([{kind}]) contains the nbgrader marker {marker!r}, which nbgrader "
                             f"would act on; it may appear only in {' / '.join(kinds)} cells (reword the text)")


def py_to_notebook(text: str) -> nbformat.NotebookNode:
    """Parse the percent format into a notebook (nbformat 4.5, python3 kernel)."""
    cells: list[tuple[str, dict[str, str], list[str]]] = []
    for line in text.splitlines():
        m = MARKER.match(line)
        if m:
            kind = m.group("kind") or "code"
            if kind not in KINDS:
                raise ValueError(f"unknown cell kind [{kind}]; expected one of {sorted(KINDS)}")
            attrs = dict(a.split("=", 1) for a in m.group("attrs").split())
            cells.append((kind, attrs, []))
        elif cells:
            cells[-1][2].append(line)
        elif line.strip():
            raise ValueError(f"text before the first '# %%' marker: {line!r}")

    nb = nbformat.v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    seen_ids: set[str] = set()
    for index, (kind, attrs, lines) in enumerate(cells):
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if kind in ("markdown", "answer"):
            cell = nbformat.v4.new_markdown_cell(_strip_comment(lines))
        else:
            cell = nbformat.v4.new_code_cell("\n".join(lines))
        _check_markers(kind, cell.source, index)
        meta = _nbgrader_meta(kind, attrs)
        if meta is not None:
            if meta["grade_id"] in seen_ids:
                raise ValueError(f"duplicate cell id {meta['grade_id']!r}")
            seen_ids.add(meta["grade_id"])
            cell.metadata["nbgrader"] = meta
            cell.id = meta["grade_id"]
        else:
            # Stable ids keep `make release` output identical from run to run.
            cell.id = hashlib.sha1(f"{index}:{cell.source}".encode()).hexdigest()[:12]
        nb.cells.append(cell)
    nbformat.validate(nb)
    return nb


def notebook_to_py(nb: nbformat.NotebookNode) -> str:
    """The inverse of `py_to_notebook` (outputs are dropped)."""
    chunks = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution") and cell.cell_type == "markdown":
            header = f"# %% [answer] id={meta['grade_id']} points={meta['points']}"
        elif meta.get("solution"):
            header = f"# %% [solution] id={meta['grade_id']}"
        elif meta.get("grade"):
            header = f"# %% [tests] id={meta['grade_id']} points={meta['points']}"
        elif cell.cell_type == "markdown":
            header = "# %% [markdown]"
        else:
            header = "# %%"
        if cell.cell_type == "markdown":
            body = "\n".join(("# " + line) if line else "#" for line in cell.source.split("\n"))
        else:
            body = cell.source
        chunks.append(f"{header}\n{body}\n")
    return "\n".join(chunks)


def to_ipynb(src: Path, out: Path) -> None:
    nb = py_to_notebook(Path(src).read_text())
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)


def to_py(nb_path: Path, out: Path | None = None) -> str:
    text = notebook_to_py(nbformat.read(nb_path, as_version=4))
    if out is not None:
        Path(out).write_text(text)
    return text
