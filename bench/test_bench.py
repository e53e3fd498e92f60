"""The benchmark scripts run (so they cannot rot). No test here looks at a time: timings on a shared
machine are figures, not pass/fail results.

One `python -m bench --tiny` run (about a minute: it autogrades four submissions) checks that both
output files are written with every section present and well-formed; quicker tests check the two
ways the benchmark reads notebooks (reference functions from solution cells, and notebook 05's
`lenet_results` through an appended cell) on small notebooks made here.
"""
from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder import reference
from autograder.kernel import kernel_env
from bench import learning, nbtools, report
from bench.benchutil import ROOT, SECTIONS

STATUSES = {"ok", "not available", "skipped"}


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench")
    env = kernel_env(fast=True)
    proc = subprocess.run([sys.executable, "-m", "bench", "--tiny", "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"python -m bench --tiny failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return out, proc.stdout


@pytest.mark.notebook
def test_tiny_run_writes_both_files(tiny_run):
    out, _ = tiny_run
    data = json.loads((out / "benchmarks.json").read_text())
    markdown = (out / "benchmarks.md").read_text()
    assert set(SECTIONS) | {"meta", "targets"} <= set(data)
    meta = data["meta"]
    assert meta["mode"] == "tiny"
    for key in ("cpu", "usable_cpus", "torch_threads"):
        assert meta["machine"][key], f"machine.{key} missing"
    for key in ("python", "torch", "numpy", "nbgrader"):
        assert meta["versions"][key], f"versions.{key} missing"
    assert meta["date"] and meta["date"] in markdown
    for name in SECTIONS:
        assert data[name]["status"] in STATUSES, f"section {name}: {data[name]}"
        assert f"## {report.TITLES[name]}" in markdown
    assert markdown.count("_Machine: ") >= len(SECTIONS), "every table states the machine"
    for target in data["targets"]:
        assert set(target) == {"section", "target", "measured", "met"} and target["met"] in (True, False, None)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value) and value >= 0


@pytest.mark.notebook
def test_tiny_run_conv_section(tiny_run):
    conv = json.loads((tiny_run[0] / "benchmarks.json").read_text())["conv"]
    assert conv["forward"]["rows"], "no forward shapes measured"
    for row in conv["forward"]["rows"]:
        assert _number(row["torch"]["seconds"])
        for impl in ("naive", "im2col"):
            entry = row[impl]
            if "seconds" in entry:  # available in solutions/02: checked against torch before it was timed
                assert _number(entry["seconds"]) and entry["runs"] >= 1 and entry["max_abs_diff"] < 1e-8
            else:
                assert entry["error"], f"{impl}: neither a time nor a reason"
    backward = conv["backward"]
    assert backward["status"] in STATUSES
    for row in backward["rows"]:
        assert "seconds" in row["reference"] and row["reference"]["max_abs_diff"] < 1e-8


@pytest.mark.notebook
def test_tiny_run_series_and_grading(tiny_run):
    data = json.loads((tiny_run[0] / "benchmarks.json").read_text())
    series = data["series"]
    assert [r["id"] for r in series["notebooks"]] == ["01-why-convolutions"] and series["modes"] == ["fast"]
    assert _number(series["totals"]["fast"]["seconds"]) and series["notebooks"][0]["fast"]["error"] is None
    latency, batch = data["grading"]["latency"], data["grading"]["batch"]
    assert latency["count"] == 2 and _number(latency["median_s"]) and _number(latency["max_s"])
    assert {(r["student"], r["score"] == r["max_score"]) for r in latency["submissions"]} == \
        {("solution", True), ("release", False)}
    assert batch["size"] == 2 and len(batch["submissions"]) == 2 and _number(batch["total_s"])
    assert data["learning"]["status"] in ("not available", "skipped")


def test_load_functions_from_solution_cells(tmp_path):
    nb = nbformat.v4.new_notebook()
    solution = {"nbgrader": {"solution": True, "grade": False, "grade_id": "double", "locked": False}}
    nb.cells = [
        nbformat.v4.new_code_cell("import math\nimport numpy as np\nexpensive = np.ones(3)  # never run"),
        nbformat.v4.new_code_cell("def check(x):\n    return np.asarray(x, dtype=float)"),
        nbformat.v4.new_code_cell("def double(x):\n    ### BEGIN SOLUTION\n    return 2 * check(x)\n"
                                  "    ### END SOLUTION", metadata=solution),
        nbformat.v4.new_code_cell("raise RuntimeError('a demo cell that must not run')"),
        nbformat.v4.new_code_cell("def broken(x):\n    raise NotImplementedError()\nundefined_name + 1",
                                  metadata={"nbgrader": dict(solution["nbgrader"], grade_id="broken")}),
    ]
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    found, missing = reference.load_functions(path, ["double", "broken", "absent"])
    assert list(found) == ["double"] and list(found["double"]([1, 2])) == [2.0, 4.0]
    assert "NameError" in missing["broken"] and "absent" in missing
    assert "expensive" not in found["double"].__globals__, "ordinary statements must not run"
    found, missing = reference.load_functions(tmp_path / "none.ipynb", ["double"])
    assert not found and "does not exist" in missing["double"]


@pytest.mark.notebook
@pytest.mark.parametrize("source, status", [
    ('lenet_results = {"LeNet-5": {"test_acc": 0.97, "train_seconds": 12.5, "epochs": 3}}', "ok"),
    ("x = 1", "not available"),
])
def test_learning_reads_lenet_results(tmp_path, source, status):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source)]
    path = tmp_path / "05-fake.ipynb"
    nbformat.write(nb, path)
    run = nbtools.run_notebook(path, fast=True, extra_source=learning.EXTRA_CELL, timeout=120)
    assert run.error is None, run.error
    result = learning.from_run("05-fake", run.nb, run.error)
    assert result["status"] == status, result
    if status == "ok":
        assert result["variants"] == [{"variant": "LeNet-5", "test_acc": 0.97, "train_seconds": 12.5, "epochs": 3}]
    else:
        assert "does not define lenet_results" in result["reason"]
