"""What a student meets on a fresh clone, checked without running any notebook.

Each test here guards one defect of issue 20: answer cells without their question in the release,
references to notebooks that are not in the series, widget descriptions printed where they go stale,
instructor tools in the student's lab, notebooks that show as modified when they open, and install noise.
"""
from __future__ import annotations

import asyncio
import json
import re
import subprocess
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
SERIES = sorted(p.name for p in (ROOT / "solutions").iterdir() if (p / f"{p.name}.ipynb").exists())
NUMBERS = {name.split("-")[0] for name in SERIES}


def notebooks(kind: str):
    return [(aid, nbformat.read(ROOT / kind / aid / f"{aid}.ipynb", as_version=4)) for aid in SERIES]


def is_answer_cell(cell) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "markdown" and meta.get("solution", False) and meta.get("grade", False)


@pytest.mark.parametrize("aid,nb", notebooks("notebooks"), ids=SERIES)
def test_every_answer_cell_of_the_release_has_its_question_above_it(aid, nb):
    """The release replaces an answer cell's text, so the question must sit in the markdown cell above."""
    answers = [i for i, c in enumerate(nb.cells) if is_answer_cell(c)]
    for i in answers:
        above = nb.cells[i - 1]
        assert above.cell_type == "markdown" and "**Question" in above.source, (
            f"{aid}: answer cell {nb.cells[i].metadata['nbgrader']['grade_id']!r} has no question above it in the "
            f"release; the cell above says: {above.source[:160]!r}")
        assert "YOUR ANSWER HERE" in nb.cells[i].source


@pytest.mark.parametrize("aid,nb", notebooks("solutions"), ids=SERIES)
def test_answer_cells_of_the_source_hold_no_question(aid, nb):
    """A question written inside the answer cell vanishes from the release."""
    for c in nb.cells:
        if is_answer_cell(c):
            assert "**Question" not in c.source, (
                f"{aid}: the question is inside answer cell {c.metadata['nbgrader']['grade_id']!r}; "
                "move it to the markdown cell above")


REFERENCE = re.compile(r"\b[Nn]otebooks?\s+(\d{2})((?:\s*(?:,|and|to|-|or)\s*\d{2})*)")


def referenced_numbers(text: str) -> set[str]:
    found = set()
    for m in REFERENCE.finditer(text):
        found.add(m.group(1))
        found.update(re.findall(r"\d{2}", m.group(2)))
    return found


def test_reference_pattern():
    assert referenced_numbers("notebook 07 looks inside; Notebooks 01 to 04 and notebooks 02, 03 and 10") == \
        {"07", "01", "04", "02", "03", "10"}


@pytest.mark.parametrize("kind", ["solutions", "notebooks"])
def test_every_notebook_reference_names_a_notebook_in_the_series(kind):
    """ "notebook NN" must name a folder of solutions/: no promises of notebooks that do not exist yet."""
    bad = []
    for aid, nb in notebooks(kind):
        for i, cell in enumerate(nb.cells):
            for number in sorted(referenced_numbers(cell.source) - NUMBERS):
                bad.append(f"{aid} cell {i}: notebook {number}")
    assert not bad, f"references to notebooks not in {kind}/ (the series is {SERIES}): {bad}"


@pytest.mark.parametrize("aid,nb", notebooks("solutions"), ids=SERIES)
def test_no_widget_cell_prints_a_description_that_goes_stale(aid, nb):
    """A `print(w.label)` beside `w.show()` is a line that never follows the controls: the widget shows its label."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for name in re.findall(r"^(\w+)\.show\(\)", cell.source, re.M):
            assert not re.search(rf"^print\({name}\.label", cell.source, re.M), (
                f"{aid} cell {i} prints {name}'s label above the widget: it goes stale when a control moves")


def test_license_is_an_spdx_string():
    """`license = { text = ... }` is deprecated and prints a long warning on every install."""
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(r'^license = "MIT"$', pyproject, re.M), "use the SPDX form: license = \"MIT\""
    setuptools_min = re.search(r'"setuptools>=(\d+)', pyproject)
    assert setuptools_min and int(setuptools_min.group(1)) >= 77, "SPDX license strings need setuptools >= 77"


def make_dry_run(target: str) -> str:
    return subprocess.run(["make", "-n", "--always-make", target, "STAMP=/dev/null"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout


def test_make_lab_is_the_student_lab_and_make_instructor_the_full_one():
    lab, instructor = make_dry_run("lab"), make_dry_run("instructor")
    assert f"JUPYTER_CONFIG_DIR={ROOT}/lab/student" in lab and "--notebook-dir=notebooks" in lab
    assert "JUPYTER_CONFIG_DIR" not in instructor and "jupyter-lab" in instructor
    assert "CourseContentsManager" in instructor
    page = json.loads((ROOT / "lab" / "student" / "labconfig" / "page_config.json").read_text())
    off = {k for k, v in page["disabledExtensions"].items() if v}
    assert {"@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:formgrader"} <= off
    assert "@jupyter/nbgrader:validate-assignment" not in off, "students keep the Validate button"
    server = json.loads((ROOT / "lab" / "student" / "jupyter_server_config.json").read_text())["ServerApp"]
    assert server["jpserver_extensions"]["nbgrader.server_extensions.formgrader"] is False
    assert server["contents_manager_class"] == "cnnlab.labserver.CourseContentsManager"


def test_make_test_browser_runs_the_browser_tests_and_ci_requires_them():
    assert "tests/test_browser.py" in make_dry_run("test-browser")
    ci = (ROOT / ".ci" / "run").read_text()
    assert "CNNLAB_REQUIRE_BROWSER=1" in ci and "chromium" in ci and "bubblewrap" in ci
    reqs = (ROOT / "requirements.txt").read_text()
    assert re.search(r"^playwright==\S+$", reqs, re.M)


def test_notebooks_open_with_the_language_info_the_kernel_will_write(tmp_path):
    """JupyterLab writes the kernel's language_info on open; if it differs from the file, the notebook is dirty."""
    from cnnlab.labserver import CourseContentsManager, kernel_language_info

    nb = nbformat.read(ROOT / "notebooks" / SERIES[0] / f"{SERIES[0]}.ipynb", as_version=4)
    assert nb.metadata["language_info"] != kernel_language_info()  # the files stay Python-version free
    nbformat.write(nb, tmp_path / "a.ipynb")
    manager = CourseContentsManager(root_dir=str(tmp_path))
    model = asyncio.run(manager.get("a.ipynb"))
    assert model["content"]["metadata"]["language_info"] == kernel_language_info()
    assert json.loads((tmp_path / "a.ipynb").read_text())["metadata"] == nb.metadata  # the file is untouched
    listing = asyncio.run(manager.get("", content=True))
    assert [m["name"] for m in listing["content"]] == ["a.ipynb"]
