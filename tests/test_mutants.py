"""Tests that prove the tests: every mutant of every graded function must be rejected.

See autograder/mutants.py for how a mutant is swapped into its solution notebook.
"""
import re

import pytest

from autograder.course import Course
from autograder.mutants import run_mutants

pytestmark = pytest.mark.notebook

# A message must show plain numbers: NumPy 2 scalars repr as np.float64(-2.0).
NUMPY_REPR = re.compile(r"\bnp\.(?:float|int|uint|complex|bool|str)\w*\(|\bnp\.(?:True|False)_")
# Classic mistakes whose message must name them: a targeted check placed after a value check that
# fails first can never be seen. (assignment, mutant file) -> words the rejection message must contain.
TARGETED_HINTS = {
    ("01-why-convolutions", "conv1d__no_flip.py"): "correlation",
    ("01-why-convolutions", "correlate1d__flips_kernel.py"): "flips the kernel",
    ("01-why-convolutions", "conv2d_single__no_flip.py"): "correlation",
    ("01-why-convolutions", "conv_matrix__unflipped_rows.py"): "unflipped",
    ("04-backprop", "conv2d_backward__unflipped_kernel.py"): "NOT flipped",
    ("04-backprop", "conv2d_backward__db_mean_instead_of_sum.py"): "MEAN",
    ("04-backprop", "conv2d_backward__db_not_summed_over_space.py"): "axis=(0, 2, 3)",
}


@pytest.mark.parametrize("aid", Course().ids())
def test_every_mutant_is_rejected(aid, mutant_reports):
    report = run_mutants(aid)
    mutant_reports.append(report.summary())
    assert report.results, f"{aid} has no mutants in tests/mutants/{aid}/"
    assert not report.missing, report.summary()
    assert report.rejected == len(report.results), report.summary()
    reprs = [f"{m.path.name}: {reason}" for m, _, reason in report.results if reason and NUMPY_REPR.search(reason)]
    assert not reprs, f"messages with NumPy reprs (print float(x) or f'{{x:.4g}}'):\n" + "\n".join(reprs)
    for m, _, reason in report.results:
        hint = TARGETED_HINTS.get((aid, m.path.name))
        assert hint is None or hint in (reason or ""), \
            f"{m.path.name} must be rejected with the message that names the mistake ({hint!r}); got: {reason}"
