"""Tests for cnnlab.widgets.featurevis (notebook 10's lecture widget), without a browser.

The receptive field is checked against the support of the input gradient of one unit in a linear stack of
convolutions and average pools (where every weight is positive, so no gradient cancels); the top patches
against a brute-force search; the maximisation by what it must do (raise the channel's activation).
"""
from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from torch import nn  # noqa: E402

from cnnlab.widgets.featurevis import FeatureVisExplorer, maximize_channel, receptive_field, top_patches  # noqa: E402
from cnnlab.widgets.style import small_texts  # noqa: E402


def small_cnn() -> nn.Sequential:
    torch.manual_seed(0)
    return nn.Sequential(nn.Conv2d(1, 4, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(4, 6, 3, padding=1), nn.ReLU())


def positive_linear_stack(layers: list[tuple[str, int, int, int]]) -> nn.Sequential:
    """Convs with all-positive weights and average pools: the gradient support is exactly the receptive field."""
    modules: list[nn.Module] = []
    for kind, k, s, p in layers:
        if kind == "conv":
            conv = nn.Conv2d(1, 1, k, stride=s, padding=p, bias=False)
            nn.init.constant_(conv.weight, 1.0)
            modules.append(conv)
        else:
            modules.append(nn.AvgPool2d(k, stride=s, padding=min(p, k // 2)))
    return nn.Sequential(*modules).double()


# stride <= kernel, as in every CNN we build: a larger stride leaves gaps inside the field, which the
# gradient support then skips
layer_spec = st.tuples(st.sampled_from(["conv", "pool"]), st.integers(1, 4), st.integers(1, 2),
                       st.integers(0, 2)).filter(lambda t: t[2] <= t[1])


@settings(max_examples=40, deadline=None)
@given(st.lists(layer_spec, min_size=1, max_size=4), st.data())
def test_receptive_field_is_the_gradient_support(layers, data):
    net = positive_linear_stack(layers)
    x = torch.ones(1, 1, 40, 40, dtype=torch.float64, requires_grad=True)
    out = net(x)
    h, w = out.shape[-2:]
    if h == 0 or w == 0:
        return
    i, j = data.draw(st.integers(0, h - 1)), data.draw(st.integers(0, w - 1))
    grad, = torch.autograd.grad(out[0, 0, i, j], x)
    rows = torch.nonzero(grad[0, 0].abs().sum(1) > 0).flatten()
    cols = torch.nonzero(grad[0, 0].abs().sum(0) > 0).flatten()
    size, jump, offset = receptive_field(net, len(net) - 1)
    top, left = offset + i * jump, offset + j * jump
    # The support lies inside the field (clipped to the image: padding pixels do not exist in x). Without
    # padding every unit the field passes through exists, and the support is the whole field.
    row_lo, row_hi, col_lo, col_hi = max(0, top), min(39, top + size - 1), max(0, left), min(39, left + size - 1)
    if rows.numel():
        assert row_lo <= int(rows.min()) and int(rows.max()) <= row_hi
        assert col_lo <= int(cols.min()) and int(cols.max()) <= col_hi
    if all(p == 0 for kind, k, s, p in layers):
        assert (int(rows.min()), int(rows.max()), int(cols.min()), int(cols.max())) == \
            (top, top + size - 1, left, left + size - 1)


def test_receptive_field_of_known_stacks():
    net = small_cnn()
    assert receptive_field(net, 0) == (5, 1, -2)
    assert receptive_field(net, 1) == (5, 1, -2)          # ReLU changes nothing
    assert receptive_field(net, 2) == (6, 2, -2)          # pool 2: one more pixel, jump 2
    assert receptive_field(net, 3) == (10, 2, -4)         # 3x3 conv at jump 2: +4, padding 1 at jump 2: -2
    with pytest.raises(ValueError):
        receptive_field(net, 5)


def test_top_patches_match_brute_force_and_crop_the_field():
    net = small_cnn().eval()
    torch.manual_seed(1)
    images = torch.rand(7, 1, 16, 16)
    patches = top_patches(net, 4, 2, images, k=5)
    with torch.no_grad():
        acts = net(images)[:, 2]
    best = sorted(((float(acts[n, i, j]), n, i, j) for n in range(7) for i in range(8) for j in range(8)), reverse=True)
    assert [p.value for p in patches] == pytest.approx([b[0] for b in best[:5]], rel=1e-6)
    assert len({(p.image, p.row, p.col) for p in patches}) == 5, "each unit at most once"
    for p in patches:  # ties may be broken either way: check that each position holds its value
        assert float(acts[p.image, p.row, p.col]) == pytest.approx(p.value, rel=1e-6)
    size, jump, offset = receptive_field(net, 4)
    padded = nn.functional.pad(images, (size, size, size, size))
    for p in patches:
        assert p.crop.shape == (1, size, size)
        top, left = offset + p.row * jump + size, offset + p.col * jump + size
        torch.testing.assert_close(p.crop, padded[p.image, :, top:top + size, left:left + size])
    for bad in [dict(channel=6), dict(k=0), dict(k=7 * 64 + 1)]:
        args = dict(features=net, index=4, channel=0, images=images, k=3)
        args.update(bad)
        with pytest.raises(ValueError):
            top_patches(**args)


def test_maximize_channel_raises_the_activation_and_is_reproducible():
    net = small_cnn().eval()
    with torch.no_grad():  # a channel that is active on the grey start image (a dead one has no gradient)
        channel = int(net(torch.full((1, 1, 16, 16), 0.5))[0].mean(dim=(1, 2)).argmax())
    img, trace = maximize_channel(net, 4, channel, (1, 1, 16, 16), steps=25, lr=0.05)
    assert img.shape == (1, 1, 16, 16) and not img.requires_grad
    assert float(img.min()) >= 0 and float(img.max()) <= 1
    assert len(trace) == 26 and trace[-1] > trace[0]
    again, _ = maximize_channel(net, 4, channel, (1, 1, 16, 16), steps=25, lr=0.05)
    torch.testing.assert_close(img, again)
    assert all(p.grad is None for p in net.parameters()), "the maximisation must not touch the parameters' .grad"
    with pytest.raises(ValueError):
        maximize_channel(net, 4, 1, (1, 1, 16, 16), steps=0)


def test_explorer_settings_cache_and_drawing():
    net = small_cnn().eval()
    images = torch.rand(5, 1, 16, 16)
    ex = FeatureVisExplorer(net, images, k=4, steps=10)
    assert ex.layers == [1, 4] and ex.index == 1 and ex.channel == 0
    assert ex.channels(1) == 4 and ex.channels(4) == 6
    ex.set(index=4, channel=5)
    assert len(ex.patches) == 4 and ex.patches[0].value >= ex.patches[-1].value
    first = ex.maximized
    ex.set(channel=3)
    ex.set(channel=5)
    assert ex.maximized is first, "the maximisation is cached per (layer, channel)"
    fig = ex.draw()
    assert len(fig.axes) == 1 + 4
    plt.close(fig)
    for bad in [dict(index=2), dict(channel=6), dict(channel=-1)]:
        with pytest.raises(ValueError):
            ex.set(**bad)
    with pytest.raises(ValueError):
        FeatureVisExplorer(net, images[0])
    with pytest.raises(ValueError):
        FeatureVisExplorer(nn.Conv2d(1, 1, 3), images)


def test_show_drives_the_logic_and_the_label_follows(live_label):
    pytest.importorskip("ipywidgets")
    ex = FeatureVisExplorer(small_cnn().eval(), torch.rand(5, 1, 16, 16), k=4, steps=5)
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    layer, channel = box.children[0].children
    assert "features[1] channel 0:" in live_label(box)
    layer.value = 4
    assert channel.max == 5 and ex.index == 4
    channel.value = 5
    assert ex.channel == 5 and "features[4] channel 5:" in live_label(box)
    assert f"strongest test patch {ex.patches[0].value:.2f}" in live_label(box)
    fig = ex.draw()
    assert not small_texts(fig), f"texts too small for a projector: {small_texts(fig)}"
    plt.close("all")
