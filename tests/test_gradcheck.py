import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from cnnlab.gradcheck import numerical_gradient, rel_error

small_arrays = arrays(np.float64, st.tuples(st.integers(1, 4), st.integers(1, 4)),
                      elements=st.floats(-3, 3, allow_nan=False))


@settings(max_examples=30, deadline=None)
@given(small_arrays)
def test_gradient_of_a_cubic_matches_the_closed_form(x):
    grad = numerical_gradient(lambda v: np.sum(v ** 3 + 2 * v), x.copy())
    assert rel_error(grad, 3 * x ** 2 + 2) < 1e-6


@settings(max_examples=30, deadline=None)
@given(small_arrays)
def test_vector_valued_function_with_dout_matches_autograd(x):
    dout = np.cos(np.arange(x.size, dtype=np.float64)).reshape(x.shape)
    numeric = numerical_gradient(lambda v: np.tanh(v) * v, x.copy(), dout)
    xt = torch.tensor(x, requires_grad=True)
    (torch.tanh(xt) * xt).backward(torch.tensor(dout))
    assert rel_error(numeric, xt.grad) < 1e-6


def test_x_is_restored():
    x = np.array([1.0, 2.0, 3.0])
    numerical_gradient(lambda v: np.sum(v ** 2), x)
    assert np.array_equal(x, [1.0, 2.0, 3.0])


def test_errors_are_clear():
    with pytest.raises(TypeError, match="float"):
        numerical_gradient(lambda v: v.sum(), np.arange(3))
    with pytest.raises(ValueError, match="dout"):
        numerical_gradient(lambda v: v * 2, np.ones(3))
    with pytest.raises(ValueError, match="shape"):
        numerical_gradient(lambda v: v * 2, np.ones(3), dout=np.ones(4))
    with pytest.raises(ValueError, match="positive"):
        numerical_gradient(lambda v: v.sum(), np.ones(3), h=0)


def test_rel_error():
    assert rel_error([1.0, 2.0], [1.0, 2.0]) == 0
    assert rel_error(1.0, 1.1) == pytest.approx(0.1 / 2.1)
    assert rel_error(torch.zeros(2), np.zeros(2)) == 0
    with pytest.raises(ValueError, match="same shape"):
        rel_error(np.ones(2), np.ones(3))
