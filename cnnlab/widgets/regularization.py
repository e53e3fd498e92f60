"""Notebook 08 demo: pick an augmentation and its strength, see 16 augmented digits and a photo.

    from cnnlab.widgets.regularization import AugmentationExplorer, square_photo
    ex = AugmentationExplorer({"flip": (my_flip, (0.0, 1.0, 0.1, 0.5))}, digits, photo=square_photo("chelsea"))
    ex.set(name="flip", strength=1.0); ex.digits_out     # the logic, without a browser
    ex.show()                                            # in a notebook: dropdown, slider, redraw button

The widget holds no augmentation code of its own: the notebook passes the student's functions, each
wrapped as ``fn(x, strength, generator) -> x_augmented`` with x a float tensor (N, C, H, W). Every
update draws from a fresh ``torch.Generator`` seeded with ``seed`` (the digits first, then the photo),
so the same setting always shows the same picture and "new draw" just increments the seed.
"""
from __future__ import annotations

import math
from typing import Callable

import matplotlib.pyplot as plt
import numpy as np
import torch

from cnnlab.widgets.style import legible, refresh

Augment = Callable[[torch.Tensor, float, torch.Generator], torch.Tensor]
# name -> (function, (slider min, slider max, slider step, default strength))
Augmentations = dict[str, tuple[Augment, tuple[float, float, float, float]]]


def square_photo(name: str = "chelsea", size: int = 56) -> torch.Tensor:
    """A course photo, centre-cropped to a square and resized: float32 (1, C, size, size) in [0, 1]."""
    from skimage.transform import resize

    from cnnlab.data import load_photo

    if not isinstance(size, int) or isinstance(size, bool) or size < 4:
        raise ValueError(f"size must be an integer >= 4; got {size!r}")
    img = load_photo(name)
    h, w = img.shape[:2]
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    img = resize(img[top:top + side, left:left + side], (size, size) + img.shape[2:], anti_aliasing=True)
    chw = img[None] if img.ndim == 2 else img.transpose(2, 0, 1)
    return torch.as_tensor(np.ascontiguousarray(chw), dtype=torch.float32)[None]


class AugmentationExplorer:
    """Apply one augmentation at one strength to a batch of digits and a photo.

    Args:
        augmentations: {name: (fn, (lo, hi, step, default))}; fn(x, strength, generator) must return a
            tensor of x's shape. lo <= default <= hi give the slider.
        digits: float tensor (16, 1, H, W) (any N from 1 to 64 works; 16 make a 4 x 4 grid).
        photo: optional float tensor (1, C, H, W), augmented with the same function and strength.
        seed: seed of the generator used by each update.

    Attributes (recomputed by `update`):
        name, strength: the current setting.
        digits_out: tensor of digits' shape; photo_out: tensor of photo's shape (or None).
        changed: fraction of digits that differ from the originals (0 = the augmentation did nothing).
        label: one line describing the setting.
    """

    def __init__(self, augmentations: Augmentations, digits: torch.Tensor, photo: torch.Tensor | None = None,
                 seed: int = 0):
        if not augmentations:
            raise ValueError("augmentations must name at least one augmentation")
        for key, entry in augmentations.items():
            if not (isinstance(entry, tuple) and len(entry) == 2 and callable(entry[0]) and len(entry[1]) == 4):
                raise ValueError(f"augmentations[{key!r}] must be (fn, (lo, hi, step, default))")
            lo, hi, step, default = entry[1]
            if not (lo <= default <= hi and step > 0):
                raise ValueError(f"augmentations[{key!r}]: need lo <= default <= hi and step > 0; got {entry[1]}")
        self.augmentations = dict(augmentations)
        self.digits = self._check_batch(digits, "digits", max_n=64)
        self.photo = None if photo is None else self._check_batch(photo, "photo", max_n=1)
        self.seed = self._check_seed(seed)
        self.name = next(iter(self.augmentations))
        self.strength = float(self.augmentations[self.name][1][3])
        self.update()

    @staticmethod
    def _check_batch(x, what: str, max_n: int) -> torch.Tensor:
        if not isinstance(x, torch.Tensor) or x.ndim != 4 or not 1 <= x.shape[0] <= max_n \
                or not torch.is_floating_point(x):
            raise ValueError(f"{what} must be a float tensor (N, C, H, W) with 1 <= N <= {max_n}; "
                             f"got {getattr(x, 'shape', type(x).__name__)}")
        return x.detach().cpu()

    @staticmethod
    def _check_seed(seed) -> int:
        if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
            raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
        return int(seed)

    def set(self, name: str | None = None, strength: float | None = None, seed: int | None = None) -> None:
        """Change the augmentation (its strength resets to its default unless given), strength or seed; update."""
        if name is not None:
            if name not in self.augmentations:
                raise ValueError(f"name must be one of {list(self.augmentations)}; got {name!r}")
            if name != self.name and strength is None:
                strength = self.augmentations[name][1][3]
            self.name = name
        if strength is not None:
            lo, hi = self.augmentations[self.name][1][:2]
            if isinstance(strength, bool) or not isinstance(strength, (int, float, np.integer, np.floating)) \
                    or not lo <= strength <= hi:
                raise ValueError(f"strength of {self.name!r} must be a number in [{lo}, {hi}]; got {strength!r}")
            self.strength = float(strength)
        if seed is not None:
            self.seed = self._check_seed(seed)
        self.update()

    def _apply(self, x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
        fn = self.augmentations[self.name][0]
        out = fn(x.clone(), self.strength, generator)
        if not isinstance(out, torch.Tensor) or tuple(out.shape) != tuple(x.shape):
            raise ValueError(f"augmentation {self.name!r} returned {getattr(out, 'shape', type(out).__name__)}; "
                             f"it must keep the shape {tuple(x.shape)}")
        return out.detach().cpu()

    def update(self) -> None:
        """Recompute digits_out, photo_out, changed and label for the current setting."""
        generator = torch.Generator().manual_seed(self.seed)
        self.digits_out = self._apply(self.digits, generator)
        self.photo_out = None if self.photo is None else self._apply(self.photo, generator)
        diff = (self.digits_out - self.digits).flatten(1).abs().amax(1)
        self.changed = float((diff > 1e-6).float().mean())
        self.label = (f"{self.name} = {self.strength:g} (seed {self.seed}): "
                      f"{100 * self.changed:.0f}% of the digits changed")

    @legible
    def draw(self, fig=None):
        """Draw the digits in a square grid and the photo (before and after) into `fig` (new if None)."""
        n = len(self.digits_out)
        side = math.ceil(math.sqrt(n))
        extra = 2 if self.photo is not None else 0
        fig = fig or plt.figure(figsize=(1.6 * (side + extra) + 1, 1.6 * side + 0.8))
        fig.clear()
        grid = fig.add_gridspec(side, side + extra)
        for i in range(side * side):
            ax = fig.add_subplot(grid[i // side, i % side])
            ax.axis("off")
            if i < n:
                ax.imshow(self.digits_out[i, 0].numpy(), cmap="gray", vmin=0, vmax=1)
        if self.photo is not None:
            half = max(1, side // 2)
            for col, (img, title) in enumerate(((self.photo, "photo"), (self.photo_out, "augmented"))):
                ax = fig.add_subplot(grid[:half, side + col] if side > 1 else grid[0, side + col])
                ax.axis("off")
                picture = img[0].permute(1, 2, 0).numpy()
                ax.imshow(np.clip(picture[..., 0] if picture.shape[2] == 1 else picture, 0, 1), cmap="gray")
                ax.set_title(title, fontsize=12)
        fig.suptitle(self.label, fontsize=13)
        fig.tight_layout()
        return fig

    def show(self) -> None:
        """Build the controls and the plot in a notebook (needs ipywidgets) and display it once.

        The box is kept in `self.box`; nothing is returned, so `ex.show()` as the last line of a cell
        does not display the widget a second time.
        """
        import ipywidgets as widgets
        from IPython.display import display

        choice = widgets.Dropdown(options=list(self.augmentations), value=self.name, description="augmentation",
                                  style={"description_width": "initial"})
        lo, hi, step, _ = self.augmentations[self.name][1]
        strength = widgets.FloatSlider(value=self.strength, min=lo, max=hi, step=step, description="strength",
                                       continuous_update=False)
        redraw_button = widgets.Button(description="new draw")
        label, out = widgets.HTML(), widgets.Output()

        def redraw():
            refresh(label, out, self.label, self.draw)

        def on_choice(_change):
            self.set(name=choice.value)
            lo_, hi_, step_, _ = self.augmentations[self.name][1]
            strength.unobserve(on_strength, names="value")
            strength.min, strength.max = min(lo_, strength.min), max(hi_, strength.max)
            strength.min, strength.max, strength.step, strength.value = lo_, hi_, step_, self.strength
            strength.observe(on_strength, names="value")
            redraw()

        def on_strength(_change):
            self.set(strength=strength.value)
            redraw()

        def on_button(_button):
            self.set(seed=self.seed + 1)
            redraw()

        choice.observe(on_choice, names="value")
        strength.observe(on_strength, names="value")
        redraw_button.on_click(on_button)
        redraw()
        box = widgets.VBox([widgets.HBox([choice, strength, redraw_button]), label, out])
        self.box = box
        display(box)
