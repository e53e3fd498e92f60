"""Repository hygiene: what CI and a new user rely on."""
import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [ROOT / line for line in out.splitlines() if line]


def test_no_tracked_file_over_5_mb():
    big = [str(p.relative_to(ROOT)) for p in tracked_files() if p.exists() and p.stat().st_size > 5 * 2**20]
    assert not big, f"files over 5 MB in git: {big}"


@pytest.mark.parametrize("folder", ["solutions", "notebooks"])
def test_notebooks_have_no_outputs(folder):
    dirty = []
    for path in (ROOT / folder).glob("*/*.ipynb"):
        nb = json.loads(path.read_text())
        if any(c.get("outputs") or c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code"):
            dirty.append(path.name)
    assert not dirty, f"{folder}/ notebooks with outputs (strip them): {dirty}"


def test_each_assignment_is_one_folder_with_one_notebook_of_its_name():
    for folder in (ROOT / "solutions").iterdir():
        if folder.is_dir():
            assert [p.name for p in folder.glob("*.ipynb")] == [f"{folder.name}.ipynb"], folder


def test_requirements_are_pinned_and_conda_reuses_them():
    reqs = [ln.strip() for ln in (ROOT / "requirements.txt").read_text().splitlines()
            if ln.strip() and not ln.startswith("#")]
    unpinned = [r for r in reqs if not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.+]+", r)]
    assert not unpinned, f"pin every dependency with ==: {unpinned}"
    assert "torch==2.13.0" in reqs
    names = {r.split("==")[0].lower() for r in reqs}
    for needed in ("numpy", "matplotlib", "jupyterlab", "nbgrader", "ipywidgets", "pytest", "nbclient", "tqdm",
                   "scikit-learn", "scikit-image", "mlxtend", "hypothesis"):
        assert needed in names, f"{needed} missing from requirements.txt"
    env = (ROOT / "environment.yml").read_text()
    assert "-r requirements.txt" in env, "environment.yml's pip section must reuse requirements.txt"
    python = re.search(r"python=(\d+\.\d+)", env).group(1)
    pyproject = (ROOT / "pyproject.toml").read_text()
    low = re.search(r'requires-python = ">=(\d+\.\d+)"', pyproject).group(1)
    assert tuple(map(int, python.split("."))) >= tuple(map(int, low.split(".")))


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "make test" in ci and "make test" in readme and "make lab" in readme
    assert "torchvision" not in (ROOT / "requirements.txt").read_text()


def test_every_assignment_has_mutants_and_a_release():
    for folder in (ROOT / "solutions").iterdir():
        if folder.is_dir():
            assert (ROOT / "notebooks" / folder.name / f"{folder.name}.ipynb").exists(), f"run make release"
            assert len(list((ROOT / "tests" / "mutants" / folder.name).glob("*/*.py"))) >= 3
