"""Shared pytest set-up: the course's kernel environment (FAST mode, a non-interactive matplotlib backend)
for the test process too, torch threads shared out among pytest-xdist workers (`make test` runs two), and
the mutant report at the end of the run (sent from the workers to the controller that prints it)."""
import os

import pytest

from autograder.kernel import kernel_env, usable_cpus

os.environ.update(kernel_env(fast=True))  # cnnlab reads CNNLAB_FAST when first imported, after this
_WORKERS = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
if _WORKERS > 1 and "CNNLAB_THREADS" not in os.environ:
    # each worker may run two kernels at once (grading with jobs=2): never more torch threads than cores
    os.environ["CNNLAB_THREADS"] = str(max(1, usable_cpus() // (2 * _WORKERS)))

_MUTANT_REPORTS: list[str] = []


@pytest.fixture(scope="session")
def mutant_reports() -> list[str]:
    """Mutant summaries to print after the run (tests/test_mutants.py appends to it)."""
    return _MUTANT_REPORTS


@pytest.fixture
def live_label():
    """A function: widget box -> the text of its description line (second child, between controls and plot)."""
    def read(box) -> str:
        import html
        import re

        import ipywidgets as widgets

        label = box.children[1]
        assert isinstance(label, widgets.HTML), f"the box's second child should be its label: {box.children}"
        assert isinstance(box.children[2], widgets.Output), f"the plot should follow the label: {box.children}"
        return html.unescape(re.sub(r"<[^>]+>", "", label.value))
    return read


def pytest_sessionfinish(session):
    """On an xdist worker, hand the mutant reports to the controller (see pytest_testnodedown)."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["mutant_reports"] = list(_MUTANT_REPORTS)


def pytest_testnodedown(node, error):
    """On the xdist controller: collect a finished worker's mutant reports."""
    _MUTANT_REPORTS.extend(getattr(node, "workeroutput", {}).get("mutant_reports", []))


def pytest_terminal_summary(terminalreporter):
    if _MUTANT_REPORTS:
        terminalreporter.section("mutant report")
        for text in _MUTANT_REPORTS:
            terminalreporter.write_line(text)
