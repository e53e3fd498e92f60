"""Tests that prove the tests: every mutant of every graded function must be rejected.

See autograder/mutants.py for how a mutant is swapped into its solution notebook.
"""
import pytest

from autograder.course import Course
from autograder.mutants import run_mutants

pytestmark = pytest.mark.notebook


@pytest.mark.parametrize("aid", Course().ids())
def test_every_mutant_is_rejected(aid, mutant_reports):
    report = run_mutants(aid)
    mutant_reports.append(report.summary())
    assert report.results, f"{aid} has no mutants in tests/mutants/{aid}/"
    assert not report.missing, report.summary()
    assert report.rejected == len(report.results), report.summary()
