"""The course as a student and a lecturer meet it: JupyterLab in a real (headless) Chromium.

    make test-browser          # just these tests
    CNNLAB_REQUIRE_BROWSER=1   # (set by .ci/run) a missing browser is a failure, not a skip

What it does, on copies of the notebooks in a temporary folder (nothing in the repository is
written): starts `jupyter-lab` by its own executable on 127.0.0.1 with a token and the student's
configuration (`lab/student/`), opens each notebook that has a lecture widget (the solution copy,
so Run All reaches the demo), runs all cells, checks that the widget renders as a widget and not
as text, moves a slider and checks that the plot and the label change; opens a release notebook,
checks that it is not marked modified on open, that every answer cell has its question above it
and that nbgrader's Validate button runs. Screenshots go to `build/browser/` (or
$CNNLAB_ARTIFACTS). The server is stopped by its PID.

The browser is Debian's `chromium` (`apt-get install chromium`), driven by the `playwright` pip
package; `playwright install` (a download) is never needed.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.browser
REQUIRED = os.environ.get("CNNLAB_REQUIRE_BROWSER") == "1"
ARTIFACTS = Path(os.environ.get("CNNLAB_ARTIFACTS", ROOT / "build" / "browser"))
# Every notebook with a lecture widget (test_every_widget_notebook_is_driven checks the list is complete).
WIDGET_NOTEBOOKS = ["01-why-convolutions", "02-convolution-layer", "03-pooling-activations-init", "07-batch-norm",
                    "08-regularization", "09-transfer-learning", "10-visualizing-cnns", "11-adversarial-examples",
                    "12-beyond-classification"]
RELEASE_NOTEBOOK = "03-pooling-activations-init"
CELL_TIMEOUT_S = 240


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CNNLAB_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def unavailable(reason: str):
    message = (f"browser tests did not run: {reason}. Install Debian's chromium (apt-get install chromium) and "
               f"the pinned playwright (pip install -r requirements.txt), then run `make test-browser`.")
    if REQUIRED:
        pytest.fail(message + " (CNNLAB_REQUIRE_BROWSER=1: a missing browser is a failure)", pytrace=False)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab on copies of the widget notebooks' solutions and the release notebooks; yields (base_url, token)."""
    chromium = chromium_path()
    if chromium is None:
        unavailable("no Chromium found (looked for $CNNLAB_CHROMIUM, /usr/bin/chromium, chromium on PATH)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("the playwright package is not installed")
    tmp = tmp_path_factory.mktemp("lab")
    served = tmp / "course"
    for aid in WIDGET_NOTEBOOKS:
        shutil.copytree(ROOT / "solutions" / aid, served / "solutions" / aid)
    shutil.copytree(ROOT / "notebooks", served / "notebooks")
    config = tmp / "config"
    shutil.copytree(ROOT / "lab" / "student", config, ignore=shutil.ignore_patterns("lab", "migrated"))
    page_config = config / "labconfig" / "page_config.json"
    data = json.loads(page_config.read_text())
    data["disabledExtensions"]["@jupyterlab/apputils-extension:announcements"] = True  # no news pop-up
    page_config.write_text(json.dumps(data))
    settings = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # Every cell stays in the page (no virtual scrolling), so the test can read all of them.
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(config), JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
               JUPYTER_DATA_DIR=str(tmp / "data"), CNNLAB_FAST="1", PYTHONPATH=str(ROOT),
               OMP_NUM_THREADS=os.environ.get("OMP_NUM_THREADS", "1"))
    env.pop("MPLBACKEND", None)  # the kernels use the inline backend, as a student's would
    cmd = [str(BIN / "jupyter-lab"), "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={served}",
           f"--LabApp.user_settings_dir={tmp / 'settings'}", f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
           "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=", "--LabApp.check_for_updates_class="
           "jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp / "server.log", "w")
    proc = subprocess.Popen(cmd, cwd=served, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=5):
                    break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    raise RuntimeError(f"jupyter-lab did not start: {(tmp / 'server.log').read_text()[-3000:]}")
                time.sleep(0.5)
        yield {"base": base, "token": token, "chromium": chromium, "root": served}
    finally:
        proc.send_signal(signal.SIGTERM)   # by its PID; jupyter-lab shuts its kernels down
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=lab["chromium"], headless=True,
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield b
        b.close()


def open_notebook(browser, lab, path: str):
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    workspace = Path(path).stem  # a fresh workspace per notebook: no tabs (and kernels) from earlier tests
    page.goto(f"{lab['base']}/lab/workspaces/{workspace}/tree/{path}?reset&token={lab['token']}")
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                           " && window.jupyterapp.shell.currentWidget.context"
                           " && window.jupyterapp.shell.currentWidget.context.isReady", timeout=60_000)
    page.wait_for_function("""() => {
        const s = window.jupyterapp.shell.currentWidget.sessionContext;
        return s && s.session && s.session.kernel && s.session.kernel.status === 'idle';
    }""", timeout=90_000)
    return page


def close(page) -> None:
    """Shut the notebook's kernel down, then close the page."""
    try:
        page.evaluate("() => window.jupyterapp.shell.currentWidget.sessionContext.shutdown()")
    finally:
        page.close()


def is_dirty(page) -> bool:
    return page.evaluate("() => window.jupyterapp.shell.currentWidget.context.model.dirty")


def run_all(page) -> None:
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function("""() => {
        const nb = window.jupyterapp.shell.currentWidget;
        const busy = nb.sessionContext.session.kernel.status !== 'idle';
        const cells = nb.content.model.cells;
        for (let i = 0; i < cells.length; i++) {
            const c = cells.get(i);
            if (c.type === 'code' && c.sharedModel.getSource().trim() && c.executionCount === null) return false;
        }
        return !busy;
    }""", timeout=CELL_TIMEOUT_S * 1000, polling=500)


def errors_in(page) -> list[str]:
    return page.evaluate("""() => {
        const out = [];
        const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
        for (let i = 0; i < cells.length; i++) {
            const c = cells.get(i);
            if (c.type !== 'code') continue;
            for (let j = 0; j < c.outputs.length; j++) {
                const o = c.outputs.get(j).toJSON();
                if (o.output_type === 'error') out.push(`cell ${i}: ${o.ename}: ${o.evalue}`);
            }
        }
        return out;
    }""")


def widget_state(page) -> dict:
    """Text of the first widget box's label, the src of its plot image, and what surrounds it."""
    return page.evaluate("""() => {
        const box = document.querySelector('.jp-OutputArea-output .widget-vbox');
        if (!box) return {found: false, text: document.body.innerText.slice(0, 0)};
        const label = box.querySelector('.widget-html-content');
        const img = box.querySelector('.widget-output img');
        const area = box.closest('.jp-OutputArea');
        return {found: true, label: label ? label.innerText : null, img: img ? img.src : null,
                sliders: box.querySelectorAll('.widget-slider, .widget-hslider').length,
                area_text: area ? area.innerText : ''};
    }""")


def test_every_widget_notebook_is_driven():
    """Needs no browser: each solution notebook that shows a `cnnlab.widgets` demo is in WIDGET_NOTEBOOKS."""
    import nbformat

    def shows_a_widget(path: Path) -> bool:
        sources = [c.source for c in nbformat.read(path, as_version=4).cells]
        return any("cnnlab.widgets" in s for s in sources) and any(".show()" in s for s in sources)

    shown = sorted(p.parent.name for p in (ROOT / "solutions").glob("*/*.ipynb") if shows_a_widget(p))
    assert shown == sorted(WIDGET_NOTEBOOKS), f"widget notebooks {shown}, driven in the browser {WIDGET_NOTEBOOKS}"


@pytest.mark.parametrize("aid", WIDGET_NOTEBOOKS)
def test_widget_renders_and_reacts(browser, lab, aid):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = open_notebook(browser, lab, f"solutions/{aid}/{aid}.ipynb")
    try:
        assert not is_dirty(page), f"{aid} shows as modified right after opening"
        run_all(page)
        assert not errors_in(page), f"{aid}: cells raised in the browser: {errors_in(page)}"
        page.wait_for_selector(".jp-OutputArea-output .widget-vbox .widget-output img", timeout=60_000)
        box = page.locator(".jp-OutputArea-output .widget-vbox").first
        box.scroll_into_view_if_needed()
        before = widget_state(page)
        page.screenshot(path=str(ARTIFACTS / f"{aid}-before.png"))
        assert before["found"] and before["sliders"] >= 1, f"{aid}: no slider widget rendered: {before}"
        boxes = page.locator(".jp-OutputArea-output .widget-vbox").count()
        assert boxes == 1, f"{aid}: the widget is displayed {boxes} times (show() displays it; its value must not)"
        for bad in ("Error displaying widget", "<Figure", "Loading widget", "VBox(children"):
            assert bad not in before["area_text"], f"{aid}: the widget output shows {bad!r}: {before['area_text'][:300]}"
        assert before["label"] and before["img"], f"{aid}: widget without a label or a plot: {before}"
        handle = box.locator(".noUi-handle").first
        handle.focus()
        page.keyboard.press("ArrowRight")  # one step: one update, so label and plot belong to the same setting
        page.wait_for_function("""([label, img]) => {
            const box = document.querySelector('.jp-OutputArea-output .widget-vbox');
            const l = box.querySelector('.widget-html-content'), i = box.querySelector('.widget-output img');
            const idle = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle';
            return idle && l && i && l.innerText !== label && i.src !== img;
        }""", arg=[before["label"], before["img"]], timeout=60_000, polling=250)
        after = widget_state(page)
        page.screenshot(path=str(ARTIFACTS / f"{aid}-after.png"))
        assert after["label"] != before["label"] and after["img"] != before["img"]
    finally:
        close(page)


def test_release_notebook_questions_and_validate(browser, lab):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    aid = RELEASE_NOTEBOOK
    page = open_notebook(browser, lab, f"notebooks/{aid}/{aid}.ipynb")
    try:
        time.sleep(2)  # give any extension that rewrites the notebook on open its chance
        assert not is_dirty(page), f"the release of {aid} shows as modified right after opening"
        pairs = page.evaluate("""() => {
            const cells = window.jupyterapp.shell.currentWidget.content.model.cells, out = [];
            for (let i = 1; i < cells.length; i++) {
                const meta = cells.get(i).getMetadata('nbgrader') || {};
                if (cells.get(i).type === 'markdown' && meta.solution && meta.grade)
                    out.push([cells.get(i - 1).sharedModel.getSource(), cells.get(i).sharedModel.getSource()]);
            }
            return out;
        }""")
        assert pairs, f"no answer cells found in the release of {aid}"
        for above, answer in pairs:
            assert "YOUR ANSWER HERE" in answer
            assert "**Question" in above, f"answer cell without its question above it; the cell above says: {above[:200]}"
        menus = page.evaluate("() => Array.from(document.querySelectorAll('.lm-MenuBar-itemLabel')).map(e => e.innerText)")
        assert "Nbgrader" not in menus and "Formgrader" not in menus, f"instructor menus in the student lab: {menus}"
        validate = page.locator(".validate-button:visible").first
        validate.click()
        dialog = page.locator(".jp-Dialog-content")
        dialog.wait_for(timeout=CELL_TIMEOUT_S * 1000)
        page.wait_for_function("() => !/Validating/i.test(document.querySelector('.jp-Dialog-content').innerText)"
                               " || document.querySelectorAll('.jp-Dialog-content').length > 1",
                               timeout=CELL_TIMEOUT_S * 1000)
        text = page.locator(".jp-Dialog-content").last.inner_text()
        page.screenshot(path=str(ARTIFACTS / f"{aid}-validate.png"))
        # The blank release fails its tests: Validate must say so (and not fail to run).
        assert "VALIDATION FAILED" in text.upper() or "NotImplementedError" in text, f"Validate said: {text[:500]}"
    finally:
        close(page)
