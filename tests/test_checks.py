import numpy as np
import pytest
import torch

from cnnlab.checks import assert_close, assert_shape


def test_assert_shape_passes_and_explains():
    assert_shape(np.zeros((2, 3)), (2, 3))
    with pytest.raises(AssertionError, match=r"out has shape \(2, 4\), expected \(2, 3\) \(axis 1: got 4, expected 3\)"):
        assert_shape(np.zeros((2, 4)), (2, 3), "out")
    with pytest.raises(AssertionError, match="3 dimensions"):
        assert_shape(torch.zeros(1, 2, 3), (2, 3))
    with pytest.raises(AssertionError, match="return"):
        assert_shape(None, (1,))
    assert_shape(torch.empty(2, 3, device="meta"), (2, 3), "meta tensor")
    with pytest.raises(AssertionError, match="axis 0"):
        assert_shape(torch.empty(4, 3, device="meta"), (2, 3))


def test_assert_close_reports_where_and_how_much():
    assert_close(torch.tensor([1.0, 2.0]), np.array([1.0, 2.0 + 1e-12]))
    with pytest.raises(AssertionError) as info:
        assert_close(np.array([[1.0, 2.0], [3.0, 4.5]]), np.array([[1.0, 2.0], [3.0, 4.0]]), name="y")
    msg = str(info.value)
    assert "1 of 4 entries" in msg and "(1, 1)" in msg and "4.5" in msg and "0.5" in msg


def test_assert_close_shape_and_nan_messages():
    with pytest.raises(AssertionError, match="shape"):
        assert_close(np.zeros(3), np.zeros(4))
    with pytest.raises(AssertionError, match="NaN"):
        assert_close(np.array([np.nan, 1.0]), np.array([0.0, 1.0]))
