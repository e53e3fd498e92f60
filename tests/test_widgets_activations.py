"""Tests for cnnlab.widgets.activations (notebook 03's lecture widget), without a browser.

The forward pass is checked against the same net written with PyTorch ops on the widget's own
weights; the init formulas against torch.nn.init; the classic behaviours (collapse, saturation,
stable statistics) as properties of the numbers.
"""
from __future__ import annotations

import math

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from cnnlab.widgets.activations import ACTIVATIONS, INITS, ActivationExplorer  # noqa: E402

TORCH_ACTS = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu,
              "leaky_relu": lambda z: F.leaky_relu(z, 0.01)}


def small(**kw) -> ActivationExplorer:
    args = dict(depth=6, width=40, n_samples=64, seed=1)
    args.update(kw)
    return ActivationExplorer(**args)


@pytest.mark.parametrize("activation", sorted(ACTIVATIONS))
@pytest.mark.parametrize("init", INITS)
def test_forward_pass_matches_torch(activation, init):
    ex = small(activation=activation, init=init, scale=0.7)
    h = torch.tensor(ex.x)
    for layer, w in enumerate(ex.weights):
        h = TORCH_ACTS[activation](h @ torch.tensor(w))
        np.testing.assert_allclose(ex.activations[layer], h.numpy(), rtol=1e-10, atol=1e-12)
        assert ex.means[layer] == pytest.approx(h.mean().item(), rel=1e-9, abs=1e-12)
        assert ex.stds[layer] == pytest.approx(h.std(unbiased=False).item(), rel=1e-9, abs=1e-12)


def test_weight_std_matches_torch_init_formulas():
    ex = small(init="xavier", scale=1.0)
    w = torch.empty(ex.width, ex.width)
    # xavier_uniform_ draws U(-a, a) with a = sqrt(6 / (fan_in + fan_out)); its std is a / sqrt(3).
    bound = math.sqrt(6.0 / (ex.width + ex.width))
    assert ex.weight_std(ex.width, ex.width) == pytest.approx(bound / math.sqrt(3), rel=1e-12)
    torch.manual_seed(0)
    torch.nn.init.xavier_uniform_(w)
    assert w.abs().max().item() <= bound
    ex.set(init="he", scale=2.0)
    gain = torch.nn.init.calculate_gain("relu")
    assert ex.weight_std(ex.width, 7) == pytest.approx(2.0 * gain / math.sqrt(ex.width), rel=1e-12)
    ex.set(init="fixed", scale=0.01)
    assert ex.weight_std(ex.width, ex.width) == 0.01
    assert np.std(np.concatenate([w.ravel() for w in ex.weights])) == pytest.approx(0.01, rel=0.05)


def test_same_seed_same_numbers_and_settings_reuse_the_draw():
    a, b = small(seed=3), small(seed=3)
    np.testing.assert_array_equal(a.stds, b.stds)
    assert not np.allclose(small(seed=4).stds, a.stds)
    before = [w.copy() for w in a.weights]
    a.set(activation="relu", init="he")
    ratio = a.weight_std(a.width, a.width) / b.weight_std(b.width, b.width)
    for w_new, w_old in zip(a.weights, before):
        np.testing.assert_allclose(w_new, ratio * w_old, rtol=1e-12)


def test_classic_behaviours():
    ex = ActivationExplorer("tanh", "fixed", 0.01, depth=10, width=200, n_samples=200)
    assert ex.stds[-1] < 1e-6 * ex.stds[0], "small weights: activations collapse towards 0"
    ex.set(scale=1.0)
    assert ex.saturation(10) > 0.5, "large weights: tanh saturates at +-1"
    ex.set(init="xavier")
    assert 0.1 < ex.stds[-1] < 1.0 and ex.saturation(10) < 0.05, "xavier keeps tanh in its useful range"
    ex.set(activation="relu", init="he")
    assert 0.3 < ex.stds[-1] / ex.stds[0] < 3.0, "he keeps ReLU statistics stable"
    ex.set(init="xavier")
    assert ex.stds[-1] / ex.stds[0] < 0.2, "xavier halves the ReLU variance at every layer"


def test_histograms_count_every_activation():
    ex = small(activation="tanh")
    for layer in range(1, ex.depth + 1):
        counts, edges = ex.histogram(layer)
        assert counts.sum() == ex.n_samples * ex.width
        assert len(edges) == ex.bins + 1 and edges[0] == -1.0 and edges[-1] == 1.0
    ex.set(activation="relu", init="fixed", scale=10.0)  # grows by ~60x per layer, stays finite
    counts, edges = ex.histogram(ex.depth)
    assert counts.sum() == ex.n_samples * ex.width and edges[0] == 0.0


def test_draw_has_one_histogram_per_layer_and_labels():
    ex = small(depth=7)
    fig = ex.draw()
    assert len(fig.axes) == 1 + 7
    assert fig.axes[0].get_xlabel() == "layer" and "std" in fig.axes[0].get_ylabel()
    assert all(ax.get_title() for ax in fig.axes)
    plt.close(fig)


def test_show_builds_the_widget():
    pytest.importorskip("ipywidgets")
    ex = small()
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    controls = box.children[0].children
    controls[0].value = "relu"   # the dropdowns drive the logic
    controls[1].value = "he"
    assert ex.activation == "relu" and ex.init == "he"
    controls[2].value = 0.5
    assert ex.scale == pytest.approx(0.5)
    plt.close("all")


@pytest.mark.parametrize("kwargs", [dict(activation="softplus"), dict(init="lecun"), dict(scale=0),
                                    dict(scale=-1.0), dict(scale=float("nan")), dict(depth=0),
                                    dict(depth=21), dict(width=2.5), dict(seed=-1)])
def test_bad_settings_raise_value_error(kwargs):
    with pytest.raises(ValueError):
        small(**kwargs)


def test_bad_layer_raises_value_error():
    ex = small()
    for layer in (0, ex.depth + 1, 1.5):
        with pytest.raises(ValueError):
            ex.histogram(layer)


def test_label_above_the_plot_follows_the_controls():
    """The description line is a widget that updates, not a print that goes stale."""
    pytest.importorskip("ipywidgets")
    ex = small()
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    label = ex.controls["label"]
    assert label in box.children and "tanh" in label.value
    ex.controls["activation"].value = "relu"
    assert "relu" in label.value and f"{ex.stds[-1]:.3g}" in label.value
    plt.close("all")


def test_histograms_are_readable_on_a_projector():
    from cnnlab.widgets.style import MIN_FONT_PT, small_texts

    fig = small(depth=10).draw()
    assert not small_texts(fig), f"texts under {MIN_FONT_PT} pt: {small_texts(fig)}"
    plt.close(fig)


@pytest.fixture(autouse=True)
def _close_widgets():
    """Close the widgets a test built, so none is left for garbage collection at interpreter exit."""
    yield
    try:
        import ipywidgets
    except ImportError:
        return
    ipywidgets.Widget.close_all()
