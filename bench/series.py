"""Section 2: wall time to execute every solution notebook, in FAST mode and in default mode.

Each notebook runs top to bottom in a fresh kernel in its own folder, as `python -m autograder
execute` runs it (`autograder.kernel.execute_notebook`); the time includes starting the kernel. A notebook
that raises is recorded with its error and the time until then, and the series goes on. The
assignments are the ones present in solutions/ when the benchmark starts.

Targets (issue 8, on a 2-core machine): FAST series under 5 min, default series under 30 min, no
single notebook over 5 min in default mode.
"""
from __future__ import annotations

from bench.benchutil import COURSE, ROOT
from bench.nbtools import run_notebook

FAST_SERIES_S = 5 * 60
DEFAULT_SERIES_S = 30 * 60
DEFAULT_NOTEBOOK_S = 5 * 60
MODES = ("fast", "default")


def run(ids: list[str], modes=MODES, extra_cells: dict | None = None, timeout: int | None = None):
    """(section result, {(id, mode): executed notebook or None}).

    `extra_cells` maps (id, mode) to source appended to that run only (the learning section reads
    notebook 05's results from it, so that notebook is not run twice).
    """
    extra_cells = extra_cells or {}
    rows, executed = [], {}
    for aid in ids:
        row = {"id": aid}
        for mode in modes:
            path = COURSE.source(aid)
            print(f"  executing {aid} ({mode} mode) ...", flush=True)
            run_ = run_notebook(path, fast=(mode == "fast"), extra_source=extra_cells.get((aid, mode)),
                                timeout=timeout)
            row[mode] = {"seconds": run_.seconds, "error": run_.error}
            executed[(aid, mode)] = run_.nb
            print(f"    {run_.seconds:.1f} s" + (f"  ERROR {run_.error}" if run_.error else ""), flush=True)
        if "default" in row:
            row["default"]["over_5_min"] = row["default"]["seconds"] > DEFAULT_NOTEBOOK_S
        rows.append(row)
    totals = {mode: {"seconds": sum(r[mode]["seconds"] for r in rows),
                     "errors": sum(r[mode]["error"] is not None for r in rows)} for mode in modes}
    result = {"notebooks": rows, "modes": list(modes), "totals": totals,
              "source": str((ROOT / "solutions").relative_to(ROOT)), "targets": _targets(rows, totals, modes)}
    return result, executed


def _targets(rows, totals, modes) -> list[dict]:
    def verdict(mode, ok: bool):
        return ok if totals[mode]["errors"] == 0 else (False if not ok else None)  # errors: incomplete

    targets = []
    for mode, limit in (("fast", FAST_SERIES_S), ("default", DEFAULT_SERIES_S)):
        name = f"{mode.upper() if mode == 'fast' else mode} series under {limit // 60} min"
        if mode not in modes:
            targets.append({"target": name, "measured": "not measured", "met": None})
            continue
        errors = totals[mode]["errors"]
        targets.append({"target": name, "measured": f"{totals[mode]['seconds'] / 60:.1f} min over {len(rows)} "
                        f"notebook{'s' if len(rows) != 1 else ''}" + (f" ({errors} failed)" if errors else ""),
                        "met": verdict(mode, totals[mode]["seconds"] < limit)})
    name = f"no notebook over {DEFAULT_NOTEBOOK_S // 60} min in default mode"
    if "default" in modes:
        slowest = max(rows, key=lambda r: r["default"]["seconds"]) if rows else None
        over = [r["id"] for r in rows if r["default"]["over_5_min"]]
        measured = (f"slowest {slowest['id']} {slowest['default']['seconds'] / 60:.1f} min"
                    + (f"; over: {', '.join(over)}" if over else "")) if slowest else "no notebooks"
        targets.append({"target": name, "measured": measured, "met": verdict("default", not over) if rows else None})
    else:
        targets.append({"target": name, "measured": "not measured", "met": None})
    return targets
