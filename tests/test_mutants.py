"""Tests that prove the tests: every mutant of every graded function must be rejected.

See tests/nbharness.py for how a mutant is swapped into its solution notebook.
"""
import pytest

import conftest
from nbharness import assignments, run_mutants

pytestmark = pytest.mark.notebook


@pytest.mark.parametrize("aid", assignments())
def test_every_mutant_is_rejected(aid):
    report = run_mutants(aid)
    conftest.MUTANT_REPORTS.append(report.summary())
    assert report.results, f"{aid} has no mutants in tests/mutants/{aid}/"
    assert not report.missing, report.summary()
    assert report.rejected == len(report.results), report.summary()
