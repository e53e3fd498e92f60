"""Tests for cnnlab.widgets.batchnorm (notebook 07's lecture widget), without a browser.

The widget's network is checked against the same network built from torch.nn modules on the widget's own
weights; batch norm's effect on the recorded pre-activations against its closed form (per-unit mean beta
and std gamma on the probe batch); the training loop against a step of plain SGD done by hand.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402

from cnnlab.widgets.batchnorm import BatchNormExplorer  # noqa: E402
from cnnlab.widgets.style import small_texts  # noqa: E402


def small(**kw) -> BatchNormExplorer:
    args = dict(depth=3, width=16, steps=12, batch_size=16, record_every=4, probe_size=64, seed=1)
    args.update(kw)
    return BatchNormExplorer(**args)


def torch_reference(ex: BatchNormExplorer, bn: bool) -> nn.Sequential:
    """The widget's initial network as nn modules (BatchNorm1d in train mode, gamma 1, beta 0)."""
    layers = []
    for w in ex.initial_weights:
        lin = nn.Linear(w.shape[0], w.shape[1]).double()
        with torch.no_grad():
            lin.weight.copy_(w.T)
            lin.bias.zero_()
        layers.append(lin)
        if bn:
            layers.append(nn.BatchNorm1d(w.shape[1], eps=1e-5).double())
        layers.append(nn.ReLU())
    out = nn.Linear(ex.width, 10).double()
    with torch.no_grad():
        out.weight.copy_(ex.initial_out.T)
        out.bias.zero_()
    return nn.Sequential(*layers, out).train()


@pytest.mark.parametrize("bn", [False, True])
def test_first_loss_and_preactivations_match_torch_modules(bn):
    ex = small()
    ex.set(bn=bn, lr=0.1)
    ref = torch_reference(ex, bn)
    batch = ex.order[0]
    assert ex.losses[0] == pytest.approx(F.cross_entropy(ref(ex.x[batch]), ex.y[batch]).item(), rel=1e-10)
    # The recorded pre-activations at step 0 are the inputs of each ReLU on the probe batch.
    seen = []
    hooks = [m.register_forward_hook(lambda m, i, o: seen.append(i[0].detach().numpy()))
             for m in ref if isinstance(m, nn.ReLU)]
    ref(ex.x[ex.probe])
    for h in hooks:
        h.remove()
    assert len(ex.preacts[0]) == ex.depth
    for got, want in zip(ex.preacts[0], seen):
        np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12)


def test_batch_norm_standardises_every_unit_at_the_start():
    ex = small()
    ex.set(bn=True)
    for z in ex.preacts[0]:  # gamma = 1, beta = 0: per-unit mean 0 and (biased) std sqrt(var / (var + eps))
        np.testing.assert_allclose(z.mean(axis=0), 0.0, atol=1e-10)
        np.testing.assert_allclose(z.std(axis=0), 1.0, atol=1e-3)


def test_one_sgd_step_by_hand():
    ex = small(steps=1, record_every=1)
    ex.set(bn=False, lr=0.05)
    params = ex.initial_params()
    batch = ex.order[0]
    scores, _ = ex.forward(params, ex.x[batch], False)
    leaves = params["W"] + params["b"] + [params["W_out"], params["b_out"]]
    grads = torch.autograd.grad(F.cross_entropy(scores, ex.y[batch]), leaves)
    with torch.no_grad():
        for p, g in zip(leaves, grads):
            p -= 0.05 * g
        _, zs = ex.forward(params, ex.x[ex.probe], False)
    for got, want in zip(ex.preacts[1], zs):
        np.testing.assert_allclose(got, want.numpy(), rtol=1e-10, atol=1e-12)


def test_records_losses_and_runs_are_remembered():
    ex = small()
    ex.set(bn=True, lr=0.1)
    assert ex.losses.shape == (12,) and np.all(np.isfinite(ex.losses))
    assert ex.record_steps == [0, 4, 8, 12] and ex.diverged_at is None
    first = ex.losses.copy()
    ex.set(bn=False)
    ex.set(bn=True)
    np.testing.assert_array_equal(ex.losses, first)  # the same remembered run
    again = small()
    again.set(bn=True, lr=0.1)
    np.testing.assert_array_equal(again.losses, first)  # same seed, same numbers
    assert "with batch norm" in ex.label and "lr 0.1" in ex.label


def test_batch_norm_survives_a_learning_rate_that_breaks_the_plain_network():
    ex = BatchNormExplorer(steps=60, record_every=20)
    ex.set(bn=False, lr=3.0)
    assert ex.diverged_at is not None and np.isnan(ex.losses[-1])
    assert ex.record_steps[-1] <= ex.diverged_at
    ex.set(bn=True)
    assert ex.diverged_at is None and ex.losses[-10:].mean() < ex.losses[0]


def test_histograms_count_every_value_and_nearest_step():
    ex = small()
    counts, edges = ex.histogram(2, 5)
    assert counts.sum() == ex.probe_size * ex.width and len(edges) == ex.bins + 1
    assert edges[0] <= -3.0 and edges[-1] >= 3.0
    assert ex.nearest_step(5) == 4 and ex.nearest_step(100) == 12


def test_custom_data_is_flattened_and_used():
    rng = np.random.default_rng(0)
    x, y = rng.random((40, 1, 4, 4)), rng.integers(0, 10, 40)
    ex = small(data=(x, y), probe_size=20)
    assert ex.x.shape == (40, 16)
    np.testing.assert_allclose(ex.x.mean(dim=0).numpy(), 0.0, atol=1e-12)


def test_draw_has_labelled_axes():
    ex = small()
    ex.set(bn=False, lr=0.1)
    ex.set(bn=True)
    fig = ex.draw(layer=3, step=8)
    loss_ax, hist_ax = fig.axes
    assert "loss" in loss_ax.get_ylabel() and loss_ax.get_xlabel() == "SGD step"
    assert len(loss_ax.get_lines()) == 3  # both settings at this lr and the marker of the step shown
    assert "layer 3" in hist_ax.get_xlabel() and hist_ax.get_ylabel() == "count"
    plt.close(fig)


def test_show_builds_the_widget():
    pytest.importorskip("ipywidgets")
    ex = small()
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    bn, lr, layer, step = box.children[0].children
    bn.value = True
    assert ex.bn is True
    lr.value = 0.3
    assert ex.lr == pytest.approx(0.3)
    layer.value = 2
    step.value = 4
    plt.close("all")


def test_label_above_the_plot_follows_the_controls(live_label):
    """The description line is a widget that updates, not a print that goes stale."""
    pytest.importorskip("ipywidgets")
    ex = small()
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    bn, lr, layer, step = box.children[0].children
    first = live_label(box)
    assert "without batch norm" in first and f"lr {ex.lr:g}" in first
    bn.value = True
    assert "with batch norm" in live_label(box) and "without" not in live_label(box)
    lr.value = 0.3
    assert "lr 0.3" in live_label(box)
    layer.value = 2
    assert "layer 2" in live_label(box)
    step.value = 4
    assert f"step {ex.nearest_step(4)}" in live_label(box)
    fig = ex.draw()
    assert not small_texts(fig), f"texts too small for a projector: {small_texts(fig)}"
    plt.close("all")


@pytest.mark.parametrize("kwargs", [dict(depth=0), dict(depth=13), dict(width=2.5), dict(steps=0),
                                    dict(batch_size=1), dict(seed=-1), dict(probe_size=10_000),
                                    dict(data=(np.ones((3, 4)), np.array([0, 1])))])
def test_bad_settings_raise_value_error(kwargs):
    with pytest.raises(ValueError):
        small(**kwargs)


@pytest.mark.parametrize("setting", [dict(lr=0), dict(lr=-1.0), dict(lr=float("inf")), dict(lr=True), dict(bn=1)])
def test_bad_set_raises_value_error(setting):
    with pytest.raises(ValueError):
        small().set(**setting)


def test_bad_layer_or_step_raises_value_error():
    ex = small()
    for layer in (0, ex.depth + 1, 1.5):
        with pytest.raises(ValueError):
            ex.histogram(layer, 0)
    with pytest.raises(ValueError):
        ex.histogram(1, -1)
