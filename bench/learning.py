"""Section 4: test accuracy and training time of notebook 05's LeNet-5 variants, in default mode.

Notebook 05 leaves a dict in its kernel,

    lenet_results = {variant_name: {"test_acc": float, "train_seconds": float, "epochs": int}, ...}

and the benchmark reads it by appending one cell, in memory, to the default-mode run of the series
section (the notebook is not run twice): the cell prints the dict as JSON after a marker line.
If the notebook, or the dict, is not there, the section says "not available".
"""
from __future__ import annotations

import json
import math

from bench.benchutil import COURSE
from bench.nbtools import marked_output, run_notebook

PREFIX = "05-"
MARKER = "CNNLAB_BENCH="
EXTRA_CELL = f"""\
import json as _bench_json
try:
    _bench_payload = _bench_json.dumps(lenet_results, default=float)
except NameError:
    _bench_payload = "null"
except Exception as _bench_exc:
    _bench_payload = _bench_json.dumps({{"__error__": repr(_bench_exc)}})
print({MARKER!r} + _bench_payload)
"""
FIELDS = ("test_acc", "train_seconds", "epochs")


def notebook_id(ids: list[str]) -> str | None:
    """The assignment holding LeNet-5 (05-...), if solutions/ has it."""
    return next((aid for aid in ids if aid.startswith(PREFIX)), None)


def not_available(reason: str, aid: str | None = None) -> dict:
    return {"status": "not available", "reason": reason, "notebook": aid, "variants": [], "targets": []}


def parse(nb, aid: str) -> dict:
    """The section result from a notebook executed with EXTRA_CELL appended."""
    text = marked_output(nb, MARKER)
    if text is None:
        return not_available("the appended cell printed nothing", aid)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return not_available(f"unreadable results: {exc}", aid)
    if data is None:
        return not_available(f"{aid} does not define lenet_results", aid)
    if not isinstance(data, dict) or "__error__" in data:
        return not_available(f"lenet_results is not a JSON-able dict: {data!r}"[:300], aid)
    variants = []
    for name, values in data.items():
        values = values if isinstance(values, dict) else {}
        row = {"variant": str(name)}
        for key in FIELDS:
            value = values.get(key)
            ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            row[key] = (int(value) if key == "epochs" else float(value)) if ok else None
        variants.append(row)
    return {"status": "ok", "notebook": aid, "mode": "default", "variants": variants, "targets": []}


def from_run(aid: str | None, run_nb, error: str | None) -> dict:
    if aid is None:
        return not_available("no 05-* notebook in solutions/ yet")
    if error:
        return not_available(f"{aid} failed in default mode: {error}", aid)
    return parse(run_nb, aid)


def run(aid: str | None, fast: bool = False) -> dict:
    """Execute notebook `aid` on its own (when the series section does not run it) and parse it."""
    if aid is None:
        return from_run(None, None, None)
    print(f"  executing {aid} ({'fast' if fast else 'default'} mode) for its results ...", flush=True)
    result = run_notebook(COURSE.source(aid), fast=fast, extra_source=EXTRA_CELL)
    out = from_run(aid, result.nb, result.error)
    out.update(mode="fast" if fast else "default", notebook_seconds=result.seconds)
    return out
