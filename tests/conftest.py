"""Shared pytest set-up: a non-interactive matplotlib backend, FAST mode, and the mutant report."""
import os

os.environ.setdefault("MPLBACKEND", "agg")
os.environ.setdefault("CNNLAB_FAST", "1")

MUTANT_REPORTS: list[str] = []


def pytest_terminal_summary(terminalreporter):
    if MUTANT_REPORTS:
        terminalreporter.section("mutant report")
        for text in MUTANT_REPORTS:
            terminalreporter.write_line(text)
