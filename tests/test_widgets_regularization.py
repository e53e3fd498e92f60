"""Tests for cnnlab.widgets.regularization (notebook 08's lecture widget), without a browser.

The widget holds no augmentation of its own; these tests drive it with small reference
augmentations written here (identity, mirror, a seeded roll) and check what it computes.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
import torch  # noqa: E402

from cnnlab.widgets.regularization import AugmentationExplorer, square_photo  # noqa: E402
from cnnlab.widgets.style import small_texts  # noqa: E402


def identity(x, strength, generator):
    return x


def mirror(x, strength, generator):
    """Mirror each image with probability `strength` (torch.rand from the generator)."""
    flip = torch.rand(x.shape[0], generator=generator) < strength
    return torch.where(flip[:, None, None, None], x.flip(-1), x)


def roll(x, strength, generator):
    """Roll every image by a random number of pixels in 0..strength (drawn per image)."""
    shifts = torch.randint(0, int(strength) + 1, (x.shape[0],), generator=generator).tolist()
    return torch.stack([torch.roll(img, s, dims=-1) for img, s in zip(x, shifts)])


AUGS = {"identity": (identity, (0.0, 1.0, 0.1, 0.5)), "mirror": (mirror, (0.0, 1.0, 0.1, 1.0)),
        "roll": (roll, (0, 5, 1, 2))}


@pytest.fixture()
def digits():
    gen = torch.Generator().manual_seed(0)
    x = torch.rand(16, 1, 10, 10, generator=gen)
    x[:, :, :, :5] += 1.0       # asymmetric, so a mirror always changes the image
    return x / 2


def make(digits, **kw):
    return AugmentationExplorer(AUGS, digits, photo=torch.rand(1, 3, 12, 12), **kw)


def test_starts_on_first_augmentation_with_its_default(digits):
    ex = make(digits)
    assert ex.name == "identity" and ex.strength == 0.5
    assert torch.equal(ex.digits_out, digits) and ex.changed == 0.0
    assert "identity" in ex.label and "0% of the digits changed" in ex.label


def test_mirror_at_full_strength_flips_everything_digits_and_photo(digits):
    ex = make(digits)
    ex.set(name="mirror")
    assert ex.strength == 1.0, "switching augmentation resets the strength to its default"
    assert torch.equal(ex.digits_out, digits.flip(-1))
    assert torch.equal(ex.photo_out, ex.photo.flip(-1))
    assert ex.changed == 1.0
    ex.set(strength=0.0)
    assert torch.equal(ex.digits_out, digits) and ex.changed == 0.0


def test_same_seed_same_picture_new_seed_new_draw(digits):
    ex = make(digits)
    ex.set(name="roll", strength=5)
    first = ex.digits_out.clone()
    ex.update()
    assert torch.equal(ex.digits_out, first), "update with the same seed must redraw the same picture"
    gen = torch.Generator().manual_seed(0)
    assert torch.equal(first, roll(digits, 5, gen)), "the digits use a fresh generator seeded with `seed`"
    ex.set(seed=1)
    assert not torch.equal(ex.digits_out, first)


def test_bad_settings_raise(digits):
    ex = make(digits)
    with pytest.raises(ValueError):
        ex.set(name="shear")
    with pytest.raises(ValueError):
        ex.set(name="roll", strength=9)
    with pytest.raises(ValueError):
        ex.set(seed=-1)
    with pytest.raises(ValueError):
        AugmentationExplorer({}, digits)
    with pytest.raises(ValueError):
        AugmentationExplorer({"bad": (identity, (0, 1, 0.1, 5))}, digits)
    with pytest.raises(ValueError):
        AugmentationExplorer(AUGS, digits[0])
    with pytest.raises(ValueError):
        AugmentationExplorer(AUGS, digits, photo=torch.rand(2, 3, 8, 8))


def test_augmentation_that_changes_the_shape_is_reported(digits):
    crop = {"crop": (lambda x, s, g: x[..., 1:, 1:], (0, 1, 1, 0))}
    with pytest.raises(ValueError, match="keep the shape"):
        AugmentationExplorer(crop, digits)


def test_input_is_not_modified_by_an_in_place_augmentation(digits):
    def zero_in_place(x, strength, generator):
        x[:, :, :2] = 0
        return x

    before = digits.clone()
    ex = AugmentationExplorer({"zero": (zero_in_place, (0, 1, 1, 0))}, digits)
    assert torch.equal(ex.digits, before) and torch.equal(digits, before)
    assert ex.changed == 1.0


def test_draw_makes_a_grid_and_the_photo(digits):
    ex = make(digits)
    fig = ex.draw()
    assert len(fig.axes) == 16 + 2
    assert fig.texts[0].get_text() == ex.label
    plt.close(fig)
    fig = AugmentationExplorer(AUGS, digits[:5]).draw()
    assert len(fig.axes) == 9      # 3 x 3 grid, no photo
    plt.close(fig)


def test_square_photo_shape_and_range():
    photo = square_photo("chelsea", 32)
    assert photo.shape == (1, 3, 32, 32) and photo.dtype == torch.float32
    assert 0.0 <= float(photo.min()) and float(photo.max()) <= 1.0
    assert square_photo("camera", 16).shape == (1, 1, 16, 16)
    with pytest.raises(ValueError):
        square_photo("chelsea", 2)


def test_show_builds_controls_that_drive_the_logic(digits):
    pytest.importorskip("ipywidgets")
    ex = make(digits)
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    choice, strength, button = box.children[0].children
    choice.value = "roll"
    assert ex.name == "roll" and (strength.min, strength.max, strength.value) == (0, 5, 2)
    strength.value = 4
    assert ex.strength == 4
    button.click()
    assert ex.seed == 1
    choice.value = "mirror"
    assert ex.name == "mirror" and (strength.min, strength.max, strength.value) == (0.0, 1.0, 1.0)
    plt.close("all")


def test_label_above_the_plot_follows_the_controls(digits, live_label):
    """The description line is a widget that updates, not a print that goes stale."""
    pytest.importorskip("ipywidgets")
    ex = make(digits)
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    choice, strength, button = box.children[0].children
    assert ex.name in live_label(box)
    choice.value = "roll"
    assert "roll = 2" in live_label(box)
    strength.value = 4
    assert "roll = 4" in live_label(box)
    button.click()
    assert "seed 1" in live_label(box) and live_label(box).count("roll") == 1
    fig = ex.draw()
    assert not small_texts(fig), f"texts too small for a projector: {small_texts(fig)}"
    plt.close("all")
