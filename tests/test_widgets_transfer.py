"""Tests for cnnlab.widgets.transfer (notebook 09's lecture widget), without a browser.

The classifier is checked against numpy's least squares (ridge 0) and the closed-form ridge solution
written out here; the projection against scikit-learn's PCA; the behaviour on separable data.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402

from cnnlab.widgets.transfer import FeatureSpaceExplorer  # noqa: E402
from cnnlab.widgets.style import small_texts  # noqa: E402


def blobs(n=400, d=5, k=3, spread=0.3, seed=0):
    rng = np.random.default_rng(seed)
    labels = np.arange(n) % k
    centres = rng.normal(size=(k, d)) * 3
    return centres[labels] + spread * rng.normal(size=(n, d)), labels


def test_separable_space_is_perfect_and_noise_is_chance():
    x, y = blobs()
    noise = np.random.default_rng(1).normal(size=x.shape)
    ex = FeatureSpaceExplorer({"blobs": x, "noise": noise}, y, n_test=150)
    assert ex.accuracy("blobs", 10) == 1.0
    assert ex.accuracy("noise", 30) < 0.6
    ex.set(space="noise", n_per_class=3)
    assert ex.accuracy() == ex.accuracy("noise", 3)


def test_fit_matches_least_squares_and_ridge_closed_form():
    x, y = blobs(d=4, spread=1.0)
    for ridge in (0.0, 5.0):
        ex = FeatureSpaceExplorer({"x": x}, y, n_test=100, ridge=ridge, seed=3)
        idx = ex.train_indices(20)
        assert len(idx) == 60 and np.bincount(y[idx]).tolist() == [20, 20, 20]
        assert idx.max() < len(y) - 100, "labelled samples come from the pool, never from the test set"
        w, mean, std = ex.fit("x", 20)
        z = np.hstack([(x[idx] - x[idx].mean(0)) / (x[idx].std(0) + 1e-6), np.ones((60, 1))])
        t = np.eye(3)[y[idx]]
        if ridge == 0:
            ref = np.linalg.lstsq(z, t, rcond=None)[0]
        else:
            ref = np.linalg.inv(z.T @ z + ridge * np.diag([1, 1, 1, 1, 0])) @ z.T @ t
        np.testing.assert_allclose(w, ref, rtol=1e-8, atol=1e-10)


def test_pca_matches_sklearn_up_to_sign():
    x, y = blobs(d=6)
    ex = FeatureSpaceExplorer({"x": x}, y, n_test=200)
    ours = ex.pca(k=2)
    ref = PCA(n_components=2).fit_transform(x[-200:])
    for j in range(2):
        sign = np.sign(ours[:, j] @ ref[:, j])
        np.testing.assert_allclose(ours[:, j], sign * ref[:, j], rtol=1e-7, atol=1e-9)


def test_draw_and_bad_input():
    x, y = blobs()
    ex = FeatureSpaceExplorer({"a": x, "b": x[:, :2]}, y, n_test=100)
    ex.set(space="b", n_per_class=30)
    fig = ex.draw()
    assert f"{ex.accuracy():.3f}" in fig.axes[0].get_title() and "b" in fig.axes[0].get_title()
    plt.close(fig)
    with pytest.raises(ValueError, match="unknown space"):
        ex.set(space="c")
    with pytest.raises(ValueError, match="n_per_class"):
        ex.set(n_per_class=0)
    with pytest.raises(ValueError, match="rows"):
        FeatureSpaceExplorer({"a": x[:10]}, y)
    with pytest.raises(ValueError, match="n_test"):
        FeatureSpaceExplorer({"a": x}, y, n_test=len(y))
    with pytest.raises(ValueError, match="at least one"):
        FeatureSpaceExplorer({}, y)


def test_show_drives_the_logic_and_the_label_follows(live_label):
    pytest.importorskip("ipywidgets")
    x, y = blobs()
    noise = np.random.default_rng(1).normal(size=x.shape)
    ex = FeatureSpaceExplorer({"blobs": x, "noise": noise}, y, n_test=150)
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    space, count = box.children[0].children
    assert live_label(box).count("blobs: 10 labels/class -> test accuracy 1.000") == 1
    space.value = "noise"
    count.value = 3
    assert ex.space == "noise" and ex.n_per_class == 3
    assert f"noise: 3 labels/class -> test accuracy {ex.accuracy('noise', 3):.3f}" in live_label(box)
    fig = ex.draw()
    assert not small_texts(fig), f"texts too small for a projector: {small_texts(fig)}"
    plt.close("all")
