"""The notebook 02 convolution explorer: its logic, without a browser."""
import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from scipy import ndimage  # noqa: E402

from cnnlab.widgets.conv import CUSTOM, KERNELS, ConvExplorer, parse_kernel  # noqa: E402


@pytest.fixture(scope="module")
def explorer_factory():
    cache = {}

    def make(**kwargs):
        ex = ConvExplorer(photos=("camera", "astronaut"), max_side=48, **kwargs)
        ex._cache.update(cache)  # load each photo once per module
        cache.update(ex._cache)
        return ex

    return make


def reference(image, kernel, stride, pad, dilation):
    """Cross-correlation with zero padding, from scipy (an independent implementation)."""
    kh, kw = kernel.shape
    dilated = np.zeros((dilation * (kh - 1) + 1, dilation * (kw - 1) + 1))
    dilated[::dilation, ::dilation] = kernel
    padded = np.pad(image, pad)
    full = ndimage.correlate(padded, dilated, mode="constant")
    # ndimage centres the kernel at (a // 2, b // 2); keep the positions where it lies fully inside.
    a, b = dilated.shape
    valid = full[a // 2:a // 2 + padded.shape[0] - a + 1, b // 2:b // 2 + padded.shape[1] - b + 1]
    return valid[::stride, ::stride]


def test_default_state_matches_scipy(explorer_factory):
    ex = explorer_factory()
    H, W = ex.image.shape
    assert max(H, W) == 48
    assert ex.output_shape == (H - 2, W - 2)
    assert "output 46x46" in ex.label and ex.error == ""
    np.testing.assert_allclose(ex.output, reference(ex.image, ex.kernel, 1, 0, 1), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("stride,pad,dilation", [(2, 0, 1), (1, 1, 1), (3, 2, 2), (2, 5, 3), (1, 0, 4)])
def test_settings_change_shape_label_and_values(explorer_factory, stride, pad, dilation):
    ex = explorer_factory(kernel="sharpen")
    before = ex.label
    ex.set_stride(stride)
    ex.set_padding(pad)
    ex.set_dilation(dilation)
    H, W = ex.image.shape
    span = dilation * 2 + 1
    expected = ((H + 2 * pad - span) // stride + 1, (W + 2 * pad - span) // stride + 1)
    assert ex.output_shape == expected == ex.output.shape
    assert f"stride {stride}, padding {pad}, dilation {dilation}" in ex.label
    assert f"output {expected[0]}x{expected[1]}" in ex.label
    assert ex.label != before
    np.testing.assert_allclose(ex.output, reference(ex.image, ex.kernel, stride, pad, dilation),
                               rtol=1e-10, atol=1e-12)


def test_stride_two_halves_the_output(explorer_factory):
    ex = explorer_factory()
    ex.set_padding(1)
    assert ex.output_shape == ex.image.shape  # "same" padding for a 3x3 kernel
    ex.set_stride(2)
    assert ex.output_shape == (ex.image.shape[0] // 2, ex.image.shape[1] // 2)


def test_photo_and_kernel_choices(explorer_factory):
    ex = explorer_factory()
    ex.set_photo("astronaut")
    assert ex.photo == "astronaut" and ex.image.ndim == 2 and "astronaut" in ex.label
    ex.set_kernel("blur: Gaussian 7x7, sigma 2")
    assert ex.kernel.shape == (7, 7) and abs(ex.kernel.sum() - 1) < 1e-12
    assert ex.output_shape == (ex.image.shape[0] - 6, ex.image.shape[1] - 6)
    for name in KERNELS:
        ex.set_kernel(name)
        assert ex.output is not None and name in ex.label
    with pytest.raises(ValueError, match="unknown kernel"):
        ex.set_kernel("emboss")
    with pytest.raises(ValueError, match="unknown photo"):
        ex.set_photo("moon-landing")


def test_identity_kernel_returns_the_photo(explorer_factory):
    ex = explorer_factory(kernel="identity")
    ex.set_padding(1)
    np.testing.assert_allclose(ex.output, ex.image, atol=1e-15)


def test_custom_kernel(explorer_factory):
    ex = explorer_factory()
    ex.set_custom("0 0; 0 1")
    assert ex.kernel_name == CUSTOM and ex.kernel.shape == (2, 2)
    np.testing.assert_allclose(ex.output, ex.image[1:, 1:], atol=1e-15)
    ex.set_custom("1, 2, 3\n4 5 6")
    assert ex.kernel.shape == (2, 3) and "custom 2x3" in ex.label
    ex.set_custom("1 2; 3")
    assert ex.output is None and "same length" in ex.error and "same length" in ex.label
    ex.set_custom("1 2; 3 4")
    assert ex.output is not None and ex.error == ""


@pytest.mark.parametrize("text", ["", " ; ", "1 a", "1 2; 3", "nan 1", ";".join(["1"] * 16)])
def test_parse_kernel_rejects_bad_text(text):
    with pytest.raises(ValueError):
        parse_kernel(text)


def test_no_output_is_reported_not_raised(explorer_factory):
    ex = explorer_factory()
    ex.set_dilation(8)
    ex.set_custom(" ".join(["1"] * 9))  # 1x9 kernel dilated by 8 spans 65 > 48 columns
    assert ex.output is None and ex.output_shape is None
    assert "no output" in ex.error and "no output" in ex.label
    fig = ex.draw()
    assert len(fig.axes) == 3
    ex.set_padding(10)
    assert ex.output is not None and ex.output_shape[1] == 48 + 20 - 65 + 1


@pytest.mark.parametrize("setter,value", [("set_stride", 0), ("set_padding", -1), ("set_dilation", 0),
                                          ("set_stride", 1.5), ("set_padding", True), ("set_stride", 99)])
def test_bad_settings_raise(explorer_factory, setter, value):
    ex = explorer_factory()
    with pytest.raises(ValueError):
        getattr(ex, setter)(value)


def test_footprint_follows_stride_and_dilation(explorer_factory):
    ex = explorer_factory()
    ex.set_stride(3)
    ex.set_dilation(2)
    rows, cols = ex.footprint(1, 2)
    assert list(rows) == [3, 5, 7] and list(cols) == [6, 8, 10]


def test_draw_has_three_panels(explorer_factory):
    ex = explorer_factory()
    ex.set_padding(2)
    fig = ex.draw()
    titles = [ax.get_title() for ax in fig.axes[:3]]
    assert titles[0] == "input, zero-padded by 2" and titles[1] == "kernel 3x3"
    assert titles[2] == f"output {ex.output_shape[0]}x{ex.output_shape[1]}"


def test_show_wires_the_controls(explorer_factory):
    pytest.importorskip("ipywidgets")
    ex = explorer_factory()
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    assert box is not None
    ex.controls["stride"].value = 2
    assert ex.stride == 2 and "stride 2" in ex.label
    ex.controls["padding"].value = 3
    assert ex.padding == 3 and ex.output_shape == ((48 + 6 - 3) // 2 + 1,) * 2
    ex.controls["dilation"].value = 2
    assert ex.dilation == 2 and "dilation 2" in ex.label
    ex.controls["kernel"].value = "blur: box 3x3"
    assert ex.kernel_name == "blur: box 3x3"
    ex.controls["custom"].value = "1 -1"
    assert ex.kernel_name == "blur: box 3x3"  # typing does not switch the kernel by itself
    ex.controls["kernel"].value = CUSTOM
    assert ex.kernel.shape == (1, 2)
    ex.controls["photo"].value = "astronaut"
    assert ex.photo == "astronaut" and "astronaut" in ex.label


def test_label_above_the_plot_follows_the_controls(explorer_factory):
    """The description line is a widget that updates, not a print that goes stale."""
    pytest.importorskip("ipywidgets")
    ex = explorer_factory()
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    label = ex.controls["label"]
    assert label in box.children and "stride 1" in label.value
    ex.controls["stride"].value = 3
    assert "stride 3" in label.value and f"output {ex.output_shape[0]}x{ex.output_shape[1]}" in label.value
    matplotlib.pyplot.close("all")


@pytest.mark.parametrize("kernel", ["edge: Sobel x (vertical edges)", "edge: Laplacian", "sharpen"])
def test_kernel_weights_are_readable_on_a_projector(explorer_factory, kernel):
    """Annotations at least 12 pt, black or white by the cell colour (WCAG contrast >= 4.5)."""
    from cnnlab.widgets.style import contrast_ratio, small_texts

    ex = explorer_factory(kernel=kernel)
    fig = ex.draw()
    ax_k = fig.axes[1]
    image = ax_k.images[0]
    kh, kw = ex.kernel.shape
    assert len(ax_k.texts) == kh * kw
    for t in ax_k.texts:
        j, i = (int(round(v)) for v in t.get_position())
        cell = image.cmap(image.norm(ex.kernel[i, j]))
        ratio = contrast_ratio(matplotlib.colors.to_rgb(t.get_color()), cell[:3])
        assert ratio >= 4.5, f"weight {t.get_text()} at ({i}, {j}): contrast {ratio:.2f} with its cell"
    assert not small_texts(fig), f"texts under 12 pt: {small_texts(fig)}"
    matplotlib.pyplot.close(fig)


@pytest.fixture(autouse=True)
def _close_widgets():
    """Close the widgets a test built, so none is left for garbage collection at interpreter exit."""
    yield
    try:
        import ipywidgets
    except ImportError:
        return
    ipywidgets.Widget.close_all()
