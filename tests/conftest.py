"""Shared pytest set-up: the course's kernel environment (FAST mode, a non-interactive matplotlib backend)
for the test process too, and the mutant report at the end of the run."""
import os

import pytest

from autograder.kernel import kernel_env

os.environ.update(kernel_env(fast=True))  # cnnlab reads CNNLAB_FAST when first imported, after this

_MUTANT_REPORTS: list[str] = []


@pytest.fixture(scope="session")
def mutant_reports() -> list[str]:
    """Mutant summaries to print after the run (tests/test_mutants.py appends to it)."""
    return _MUTANT_REPORTS


def pytest_terminal_summary(terminalreporter):
    if _MUTANT_REPORTS:
        terminalreporter.section("mutant report")
        for text in _MUTANT_REPORTS:
            terminalreporter.write_line(text)
