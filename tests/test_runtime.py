import random

import numpy as np
import pytest
import torch

import cnnlab
from cnnlab.runtime import _read_fast_flag, course_threads, fast_or, seed_everything


@pytest.mark.parametrize("value, expected", [(None, False), ("", False), ("0", False), ("false", False),
                                             ("OFF", False), ("1", True), ("true", True), (" Yes ", True)])
def test_fast_flag(value, expected):
    assert _read_fast_flag(value) is expected


def test_fast_flag_rejects_nonsense():
    with pytest.raises(ValueError, match="CNNLAB_FAST"):
        _read_fast_flag("maybe")


def test_fast_or_follows_the_flag(monkeypatch):
    monkeypatch.setattr("cnnlab.runtime.FAST", True)
    assert fast_or(1, 10) == 1
    monkeypatch.setattr("cnnlab.runtime.FAST", False)
    assert fast_or(1, 10) == 10


def test_tests_run_in_fast_mode():
    assert cnnlab.FAST, "make test must set CNNLAB_FAST=1"


def test_seed_everything_repeats_python_numpy_torch():
    def draw():
        return random.random(), np.random.rand(), torch.rand(1).item()

    seed_everything(123)
    first = draw()
    seed_everything(123)
    assert draw() == first
    seed_everything(124)
    assert draw() != first


@pytest.mark.parametrize("bad", [-1, 1.5, "0", True])
def test_seed_everything_rejects_bad_seeds(bad):
    with pytest.raises(ValueError, match="seed"):
        seed_everything(bad)


@pytest.mark.parametrize("environ, cpus, expected", [
    ({}, 2, 1), ({}, 8, 7), ({}, 1, 1),                       # one core left free
    ({"CNNLAB_THREADS": "2"}, 2, 2),                          # explicit wins
    ({"OMP_NUM_THREADS": "4"}, 8, None),                      # torch reads OMP itself: leave it
])
def test_course_threads(environ, cpus, expected):
    assert course_threads(environ, cpus) == expected


def test_course_threads_rejects_nonsense():
    with pytest.raises(ValueError, match="CNNLAB_THREADS"):
        course_threads({"CNNLAB_THREADS": "many"}, 2)
