"""Tests for cnnlab.widgets.adversarial (notebook 11's lecture widget), without a browser.

The widget runs whatever attack it is given; here that is an FGSM written in this file. Its
numbers are checked against torch's softmax and the attack's own output, and its drawing and
sliders against what they should show.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402

from cnnlab.widgets.adversarial import AdversarialExplorer  # noqa: E402
from cnnlab.widgets.style import small_texts  # noqa: E402


def reference_fgsm(model, x, y, eps):
    x_leaf = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(F.cross_entropy(model(x_leaf), y), x_leaf)
    return (x + eps * grad.sign()).clamp(0, 1).detach()


def linear_model(seed: int = 0, channels: int = 1, k: int = 3) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(nn.Flatten(), nn.Linear(channels * 4 * 4, k)).double().eval()


def data(n: int = 5, channels: int = 1, seed: int = 0):
    gen = torch.Generator().manual_seed(seed)
    x = torch.rand(n, channels, 4, 4, dtype=torch.float64, generator=gen)
    return x, torch.randint(0, 3, (n,), generator=gen)


def explorer(**kw) -> AdversarialExplorer:
    x, y = data()
    args = dict(model=linear_model(), images=x, labels=y, attack=reference_fgsm, eps=0.1)
    args.update(kw)
    return AdversarialExplorer(**args)


def test_results_match_the_attack_and_softmax():
    ex = explorer()
    for index in range(5):
        for eps in (0.0, 0.05, 0.3):
            ex.set(eps=eps, index=index)
            x = ex.images[index:index + 1]
            expected = reference_fgsm(ex.model, x, ex.labels[index:index + 1], eps)
            torch.testing.assert_close(ex.x_adv, expected, rtol=0, atol=0)
            torch.testing.assert_close(ex.delta, expected - x, rtol=0, atol=0)
            with torch.no_grad():
                torch.testing.assert_close(ex.probs_clean, torch.softmax(ex.model(x), 1)[0])
                torch.testing.assert_close(ex.probs_adv, torch.softmax(ex.model(expected), 1)[0])
            assert ex.linf == pytest.approx(float((expected - x).abs().max()))
            assert ex.l2 == pytest.approx(float((expected - x).norm()))
            assert ex.linf <= eps + 1e-12
            assert ex.pred_clean == int(ex.probs_clean.argmax()) and ex.label == int(ex.labels[index])
            assert f"eps {eps:.3f}" in ex.label_text


def test_eps_zero_changes_nothing_and_large_eps_lowers_the_true_class():
    ex = explorer(eps=0.0)
    assert float(ex.delta.abs().max()) == 0.0 and ex.pred_adv == ex.pred_clean
    ex.set(eps=0.3)
    # FGSM on a linear softmax model raises the loss of the true label, so its probability drops
    assert ex.probs_adv[ex.label] < ex.probs_clean[ex.label]


def test_amplified_maps_minus_eps_to_black_and_plus_eps_to_white():
    ex = explorer(eps=0.2)
    amp = ex.amplified()
    assert amp.shape == ex.x.shape[1:]
    assert float(amp.min()) >= 0 and float(amp.max()) <= 1
    full = ex.delta[0].abs() > 0.2 - 1e-9     # pixels that moved the whole budget
    torch.testing.assert_close(amp[full], (ex.delta[0][full] > 0).double(), rtol=0, atol=1e-9)
    ex.set(eps=0.0)
    assert torch.all(ex.amplified() == 0.5)


def test_colour_images_and_class_names():
    x, y = data(channels=3)
    ex = AdversarialExplorer(linear_model(channels=3), x, y, reference_fgsm, eps=0.1,
                             class_names=["cat", "dog", "owl"])
    assert ex.x_adv.shape == (1, 3, 4, 4) and ex.label_text.count("(label ") == 1
    fig = ex.draw()
    assert any("cat" in t.get_text() or "dog" in t.get_text() or "owl" in t.get_text()
               for t in fig.axes[3].get_xticklabels())
    plt.close(fig)


def test_draw_has_four_panels_with_labels():
    ex = explorer()
    fig = ex.draw()
    assert len(fig.axes) == 4
    assert fig.axes[3].get_xlabel() == "class" and "probability" in fig.axes[3].get_ylabel()
    assert all(ax.get_title() for ax in fig.axes[:3])
    assert "L_inf" in fig.axes[1].get_title()
    plt.close(fig)


def test_show_builds_the_widget():
    pytest.importorskip("ipywidgets")
    ex = explorer()
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    eps_slider, index_slider = box.children[0].children
    eps_slider.value = 0.2
    assert ex.eps == pytest.approx(0.2)
    index_slider.value = 3
    assert ex.index == 3
    plt.close("all")


def test_label_above_the_plot_follows_the_controls(live_label):
    """The description line is a widget that updates, not a print that goes stale."""
    pytest.importorskip("ipywidgets")
    ex = explorer()
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    eps_slider, index_slider = box.children[0].children
    assert f"eps {ex.eps:.3f}" in live_label(box)
    eps_slider.value = 0.2
    assert "eps 0.200" in live_label(box)
    index_slider.value = 3
    assert live_label(box).startswith("image 3 (label")
    fig = ex.draw()
    assert not small_texts(fig), f"texts too small for a projector: {small_texts(fig)}"
    plt.close("all")


@pytest.mark.parametrize("kwargs", [dict(eps=-0.1), dict(eps=0.5), dict(eps=float("nan")), dict(index=5),
                                    dict(index=-1), dict(index=1.5), dict(attack="fgsm"), dict(model=None),
                                    dict(images=torch.zeros(5, 1, 4)), dict(images=2 * torch.ones(5, 1, 4, 4)),
                                    dict(labels=torch.zeros(4, dtype=torch.long)), dict(max_eps=0)])
def test_bad_settings_raise_value_error(kwargs):
    with pytest.raises(ValueError):
        explorer(**kwargs)


def test_attack_returning_the_wrong_shape_raises():
    with pytest.raises(ValueError):
        explorer(attack=lambda model, x, y, eps: x[0])
