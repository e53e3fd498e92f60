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
    box = demo.show()
    slider = box.children[0]
    slider.value = 2
    assert demo.position == 2 and demo.label.startswith("y[2]")
