"""Plausible student variations must run the whole notebook, not just pass the graded tests.

A docstring leaves choices free (attribute names, what a cache holds). A student who makes a
different choice passes the graded test, so every later cell (demos included) must work with it
too: they may use only what the student's own function returned, through the documented
interface. Each test below swaps a valid variation into a solution notebook and executes all of
it in FAST mode. One more test reads what notebook 03's dead-ReLU demo prints next to its claim.
"""
from __future__ import annotations

import re

import nbformat
import pytest

from autograder.cells import is_solution_cell, top_level_definitions
from autograder.course import Course
from autograder.kernel import execute_notebook

pytestmark = pytest.mark.notebook

# 05: LeNet5 with attributes of its own (no .features / .classifier), as the docstring allows.
LENET_OWN_NAMES = '''
class LeNet5(nn.Module):
    """LeNet-5 with one attribute per layer (c1, s2, c3, s4, f5, f6, out) and the activation in forward."""

    def __init__(self, activation="tanh", pool="avg", num_classes=10):
        super().__init__()
        if activation not in ("tanh", "relu"):
            raise ValueError(f"activation must be 'tanh' or 'relu'; got {activation!r}")
        if pool not in ("avg", "max"):
            raise ValueError(f"pool must be 'avg' or 'max'; got {pool!r}")
        if not isinstance(num_classes, int) or isinstance(num_classes, bool) or num_classes < 1:
            raise ValueError(f"num_classes must be a positive integer; got {num_classes!r}")
        self.act = torch.tanh if activation == "tanh" else torch.relu
        self.pool = F.avg_pool2d if pool == "avg" else F.max_pool2d
        self.c1 = nn.Conv2d(1, 6, 5, padding=2)
        self.c3 = nn.Conv2d(6, 16, 5)
        self.f5 = nn.Linear(400, 120)
        self.f6 = nn.Linear(120, 84)
        self.out = nn.Linear(84, num_classes)

    def forward(self, x):
        h = self.pool(self.act(self.c1(x)), 2)
        h = self.pool(self.act(self.c3(h)), 2).flatten(1)
        return self.out(self.act(self.f6(self.act(self.f5(h)))))
'''

# 04: a cache that is a dict, not the solution's (x, w, b, stride, pad) tuple. The wrappers keep the
# solution's arithmetic and change only what the cache looks like.
CONV_FORWARD_DICT_CACHE = '''
_conv2d_forward_tuple = conv2d_forward


def conv2d_forward(x, w, b, stride=1, pad=0):
    """conv2d_forward whose cache is a dict."""
    out, cache = _conv2d_forward_tuple(x, w, b, stride, pad)
    return out, {"saved": cache, "note": "a student's own cache layout"}
'''
CONV_BACKWARD_DICT_CACHE = '''
_conv2d_backward_tuple = conv2d_backward


def conv2d_backward(dout, cache):
    """conv2d_backward for the dict cache above."""
    return _conv2d_backward_tuple(dout, cache["saved"])
'''


def with_appended(aid: str, additions: dict[str, str]) -> nbformat.NotebookNode:
    """The solution notebook with `additions[name]` run right after the solution cell defining `name`."""
    nb = nbformat.read(Course().source(aid), as_version=4)
    done = set()
    for cell in nb.cells:
        if is_solution_cell(cell):
            for name in top_level_definitions(cell.source):
                if name in additions:
                    cell.source += "\n\n" + additions[name]
                    done.add(name)
    assert done == set(additions), f"no solution cell defines {set(additions) - done}"
    return nb


def run(nb: nbformat.NotebookNode, aid: str, tmp_path) -> nbformat.NotebookNode:
    path = tmp_path / f"{aid}.ipynb"   # nothing is written into the repository
    nbformat.write(nb, path)
    executed, _ = execute_notebook(path, fast=True)
    return executed


def test_05_runs_with_a_lenet5_of_its_own_attribute_names(tmp_path):
    aid = "05-training-in-pytorch"
    run(with_appended(aid, {"LeNet5": LENET_OWN_NAMES}), aid, tmp_path)


def test_04_runs_with_a_conv_cache_of_its_own_layout(tmp_path):
    aid = "04-backprop"
    nb = with_appended(aid, {"conv2d_forward": CONV_FORWARD_DICT_CACHE, "conv2d_backward": CONV_BACKWARD_DICT_CACHE})
    run(nb, aid, tmp_path)


def test_03_dead_relu_demo_prints_what_its_prose_claims(tmp_path):
    """The prose says ReLU units stay dead and leaky ones get a gradient and can recover, slowly;
    the demo must print the numbers that decide it (revived count, bias change), and the text must
    not claim more ("prevents") than a few epochs can show."""
    aid = "03-pooling-activations-init"
    executed = run(nbformat.read(Course().source(aid), as_version=4), aid, tmp_path)
    printed = "\n".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    relu = re.search(r"(?m)^ReLU: dead units before training (\d+)/64, after \d+ epoch\(s\) (\d+)/64 \((\d+) came back", printed)
    leaky = re.search(r"LeakyReLU: dead units before training (\d+)/64, after \d+ epoch\(s\) (\d+)/64 \((\d+) came back",
                      printed)
    assert relu and leaky, "the dead-ReLU demo must print how many units came back to life, for both activations"
    assert int(relu.group(3)) == 0, "a dead ReLU unit gets no gradient: none can come back"
    assert printed.count("bias: ") >= 2 and "it was lowered by 10" in printed
    markdown = "\n".join(c.source for c in executed.cells if c.cell_type == "markdown")
    assert not re.search(r"leaky ReLU prevents", markdown, re.I), "a few epochs cannot show that leaky ReLU prevents dead units"
