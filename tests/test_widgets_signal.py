import numpy as np
import pytest

from cnnlab.widgets.signal import Conv1dSlider


def test_slider_builds_the_full_convolution_step_by_step():
    x, w = np.array([1.0, 2.0, 3.0, 0.0]), np.array([1.0, -1.0])
    demo = Conv1dSlider(x, w)
    assert demo.n_out == 5 and np.isnan(demo.output[1:]).all()
    demo.set_position(demo.n_out - 1)
    np.testing.assert_allclose(demo.output, np.convolve(x, w))


def test_label_and_kernel_follow_the_position():
    demo = Conv1dSlider([1, 2, 3], [4, 5])
    demo.set_position(1)
    assert demo.label == "y[1] = 1*5 + 2*4 = 13"
    np.testing.assert_array_equal(demo.aligned_kernel(1), [5, 4, 0])


def test_draw_and_bad_input():
    demo = Conv1dSlider([0, 1, 0], [1, 2, 1])
    fig = demo.draw()
    assert len(fig.axes) == 2 and fig.axes[0].get_xlabel() == "input index j"
    with pytest.raises(ValueError, match="position"):
        demo.set_position(99)
    with pytest.raises(ValueError, match="1-D"):
        Conv1dSlider(np.ones((2, 2)), [1])


def test_show_wires_the_slider():
    demo = Conv1dSlider([1, 2, 3], [1, 1])
    assert demo.show() is None  # displayed once, not again as the cell's value
    box = demo.box
    slider = box.children[0]
    slider.value = 2
    assert demo.position == 2 and demo.label.startswith("y[2]")


def test_label_above_the_plot_follows_the_slider():
    """The description line is a widget that updates, not a print that goes stale."""
    pytest.importorskip("ipywidgets")
    demo = Conv1dSlider([1, 2, 3], [1, 1])
    assert demo.show() is None  # displayed once, not again as the cell's value
    box = demo.box
    label = demo.controls["label"]
    assert label in box.children and "y[0]" in label.value
    demo.controls["slider"].value = 2
    assert "y[2] = 2*1 + 3*1 = 5" in label.value


def test_outputs_not_computed_yet_are_not_drawn_as_zeros():
    import matplotlib.pyplot as plt

    demo = Conv1dSlider([1, 2, 3, 4], [1, -1])   # y = 1, 1, 1, 1, -4
    demo.set_position(1)
    fig = demo.draw()
    bottom = fig.axes[1]
    stems = [c for c in bottom.containers if c.__class__.__name__ == "StemContainer"]
    assert len(stems) == 1
    np.testing.assert_array_equal(stems[0].markerline.get_xdata(), [0, 1])  # only y[0], y[1] have a stem
    assert any(t.get_text() == "not computed yet" for t in bottom.texts)
    plt.close(fig)


def test_every_text_is_readable_on_a_projector():
    import matplotlib.pyplot as plt

    from cnnlab.widgets.style import MIN_FONT_PT, small_texts

    demo = Conv1dSlider([0, 1, 2, 3, 2, 1, 0], [1, 0, -1])
    demo.set_position(3)
    fig = demo.draw()
    assert MIN_FONT_PT >= 12
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
