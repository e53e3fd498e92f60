"""Notebook 10's lecture widget: pick a layer and a channel of a CNN, see what excites it.

    explorer = FeatureVisExplorer(model.features, test_images)
    explorer.show()

Two views of one channel:

- the **top patches**: the k test-image patches whose unit in that channel responds most, each cut to the
  unit's receptive field (`top_patches`, `receptive_field`);
- the **activation maximisation**: an image found by gradient ascent on the channel's mean activation.

The logic is in plain functions and the `FeatureVisExplorer` class, so pytest can check it without a
browser; ipywidgets are built only in `show()`.
"""
from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import nn

from cnnlab.widgets.style import legible, refresh


@dataclass
class Patch:
    """One top-activating unit: image index, unit position (row, col) in the layer's output, its activation,
    and `crop`, the receptive field cut from the image, a (C, size, size) tensor (0 where it leaves the image)."""

    image: int
    row: int
    col: int
    value: float
    crop: torch.Tensor


def _geometry(module: nn.Module) -> tuple[int, int, int]:
    """(kernel, stride, padding) of a square Conv2d / MaxPool2d / AvgPool2d; (1, 1, 0) for pointwise layers."""
    if isinstance(module, (nn.Conv2d, nn.MaxPool2d, nn.AvgPool2d)):
        pick = lambda v: int(v[0]) if isinstance(v, tuple) else int(v)  # noqa: E731
        kernel, stride, padding = pick(module.kernel_size), pick(module.stride), pick(module.padding)
        dilation = pick(getattr(module, "dilation", 1))
        return dilation * (kernel - 1) + 1, stride, padding
    return 1, 1, 0


def receptive_field(features: nn.Sequential, index: int) -> tuple[int, int, int]:
    """Receptive field of a unit in the output of `features[index]` (layers 0..index applied in order).

    Returns:
        (size, jump, offset): the unit at output position (i, j) sees input rows
        offset + i * jump ... offset + i * jump + size - 1 (same for columns). offset is <= 0 when padding
        makes the field start outside the image.

    Raises:
        ValueError if index is not a valid position in `features`.
    """
    if isinstance(index, bool) or not isinstance(index, (int, np.integer)) or not 0 <= index < len(features):
        raise ValueError(f"index must be an integer in 0..{len(features) - 1}; got {index!r}")
    size, jump, offset = 1, 1, 0
    for module in list(features)[: index + 1]:
        kernel, stride, padding = _geometry(module)
        offset -= padding * jump
        size += (kernel - 1) * jump
        jump *= stride
    return size, jump, offset


@torch.no_grad()
def top_patches(features: nn.Sequential, index: int, channel: int, images: torch.Tensor, k: int = 9) -> list[Patch]:
    """The k units of channel `channel` of `features[index]`'s output with the largest activations.

    Args:
        features: nn.Sequential of layers; index: which layer's output; channel: which of its channels.
        images: float tensor (N, C, H, W) on the device of `features`.
        k: how many patches (at most the number of units).

    Returns:
        k `Patch`es, largest activation first (at most one per image position; the same image may appear
        more than once at different positions).
    """
    size, jump, offset = receptive_field(features, index)
    acts = features[: index + 1](images)
    if acts.ndim != 4:
        raise ValueError(f"features[{index}] must output (N, C, h, w); got {tuple(acts.shape)}")
    if isinstance(channel, bool) or not isinstance(channel, (int, np.integer)) or not 0 <= channel < acts.shape[1]:
        raise ValueError(f"channel must be an integer in 0..{acts.shape[1] - 1}; got {channel!r}")
    chan = acts[:, channel]
    n, h, w = chan.shape
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= chan.numel():
        raise ValueError(f"k must be an integer in 1..{chan.numel()}; got {k!r}")
    values, flat = chan.flatten().topk(int(k))
    pad = max(0, -offset) + size
    padded = nn.functional.pad(images, (pad, pad, pad, pad))
    patches = []
    for value, position in zip(values.tolist(), flat.tolist()):
        img, rest = divmod(position, h * w)
        row, col = divmod(rest, w)
        top, left = offset + row * jump + pad, offset + col * jump + pad
        crop = padded[img, :, top:top + size, left:left + size].cpu()
        patches.append(Patch(img, row, col, float(value), crop))
    return patches


def maximize_channel(features: nn.Sequential, index: int, channel: int, shape: tuple[int, ...],
                     steps: int = 60, lr: float = 0.05, seed: int = 0) -> tuple[torch.Tensor, list[float]]:
    """Gradient ascent (Adam, pixels clamped to [0, 1]) on the mean activation of one channel.

    Returns:
        (image (1, C, H, W) detached, the mean activation before each step and after the last: steps + 1 floats).
    """
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"steps must be a positive integer; got {steps!r}")
    part = features[: index + 1]
    device = next(features.parameters()).device
    gen = torch.Generator().manual_seed(seed)
    x = (0.5 + 0.05 * torch.randn(shape, generator=gen)).clamp(0, 1).to(device).requires_grad_(True)
    optimizer = torch.optim.Adam([x], lr=lr)
    trace = []
    for _ in range(steps):
        objective = part(x)[:, channel].mean()
        trace.append(float(objective.detach()))
        x.grad, = torch.autograd.grad(-objective, x)
        optimizer.step()
        with torch.no_grad():
            x.clamp_(0, 1)
    with torch.no_grad():
        trace.append(float(part(x)[:, channel].mean()))
    return x.detach(), trace


class FeatureVisExplorer:
    """Choose a layer (by its index in `features`) and a channel; see its top patches and maximisation.

    Args:
        features: the convolutional part of a CNN, an nn.Sequential (e.g. `model.features`).
        images: float tensor (N, C, H, W) on the same device, where the top patches are searched.
        steps, lr: of the activation maximisation.

    Attributes after `update()`: `patches` (list of Patch), `maximized` ((1, C, H, W) image) and `trace`
    (mean activation per ascent step); `layers` lists the selectable indices (the ReLUs, or every layer
    if there is none); `label` is the one-line description the widget shows above the plot.
    """

    def __init__(self, features: nn.Sequential, images: torch.Tensor, index: int | None = None, channel: int = 0,
                 k: int = 9, steps: int = 60, lr: float = 0.05):
        if not isinstance(features, nn.Sequential):
            raise ValueError("features must be an nn.Sequential (e.g. model.features)")
        if not isinstance(images, torch.Tensor) or images.ndim != 4:
            raise ValueError(f"images must be a tensor (N, C, H, W); got {getattr(images, 'shape', type(images))}")
        self.features, self.images, self.k, self.steps, self.lr = features, images, k, steps, lr
        relus = [i for i, m in enumerate(features) if isinstance(m, nn.ReLU)]
        self.layers = relus or list(range(len(features)))
        self._cache: dict[tuple[int, int], tuple[torch.Tensor, list[float]]] = {}
        self.index, self.channel = self.layers[0], 0
        self.set(index=self.layers[0] if index is None else index, channel=channel)

    def channels(self, index: int) -> int:
        """How many channels the output of features[index] has."""
        with torch.no_grad():
            return int(self.features[: index + 1](self.images[:1]).shape[1])

    def set(self, index: int | None = None, channel: int | None = None) -> None:
        """Select a layer and/or channel (None keeps the current one), then update."""
        index = self.index if index is None else index
        channel = self.channel if channel is None else channel
        if index not in self.layers:
            raise ValueError(f"index must be one of {self.layers}; got {index!r}")
        if isinstance(channel, bool) or not isinstance(channel, (int, np.integer)) \
                or not 0 <= channel < self.channels(index):
            raise ValueError(f"channel must be an integer in 0..{self.channels(index) - 1}; got {channel!r}")
        self.index, self.channel = int(index), int(channel)
        self.update()

    def update(self) -> None:
        """Recompute the top patches; the maximisation is cached per (layer, channel)."""
        self.patches = top_patches(self.features, self.index, self.channel, self.images, self.k)
        key = (self.index, self.channel)
        if key not in self._cache:
            self._cache[key] = maximize_channel(self.features, self.index, self.channel,
                                                (1, *self.images.shape[1:]), self.steps, self.lr)
        self.maximized, self.trace = self._cache[key]

    @property
    def label(self) -> str:
        """The widget's description line: layer, channel, strongest test patch, ascent start -> end."""
        return (f"features[{self.index}] channel {self.channel}: strongest test patch {self.patches[0].value:.2f}; "
                f"activation maximisation {self.trace[0]:.2f} -> {self.trace[-1]:.2f}")

    @legible
    def draw(self, fig=None):
        """Draw the maximisation and the top patches into `fig` (new if None); return it."""
        fig = fig or plt.figure(figsize=(12, 5))
        fig.clear()
        cols = (self.k + 2) // 3
        grid = fig.add_gridspec(3, 2 + cols, width_ratios=[3, 0.3] + [1] * cols, top=0.82, bottom=0.02,
                                hspace=0.45, wspace=0.15)
        ax = fig.add_subplot(grid[:, 0])
        img = self.maximized[0].cpu().numpy()
        ax.imshow(img[0] if img.shape[0] == 1 else img.transpose(1, 2, 0), cmap="gray", vmin=0, vmax=1)
        ax.set_title(f"activation maximisation\nmean {self.trace[0]:.2f} -> {self.trace[-1]:.2f}")
        ax.axis("off")
        size = self.patches[0].crop.shape[-1]
        for n, patch in enumerate(self.patches):
            ax = fig.add_subplot(grid[n % 3, 2 + n // 3])
            crop = patch.crop.numpy()
            ax.imshow(crop[0] if crop.shape[0] == 1 else crop.transpose(1, 2, 0), cmap="gray", vmin=0, vmax=1)
            ax.set_title(f"{patch.value:.2f}")
            ax.axis("off")
        fig.suptitle(f"features[{self.index}] channel {self.channel}: the image that maximises it (left) and its top "
                     f"{self.k} test patches\n({size} x {size} px receptive field, titled with their activation)")
        return fig

    def show(self) -> None:
        """Build the controls and the plot in a notebook (needs ipywidgets) and display it once.

        The box is kept in `self.box`; nothing is returned, so `ex.show()` as the last line of a cell
        does not display the widget a second time.
        """
        import ipywidgets as widgets
        from IPython.display import display

        layer = widgets.Dropdown(options=[(f"features[{i}]", i) for i in self.layers], value=self.index,
                                 description="layer")
        channel = widgets.IntSlider(value=self.channel, min=0, max=self.channels(self.index) - 1,
                                    description="channel", continuous_update=False)
        label, out = widgets.HTML(), widgets.Output()

        def redraw(_change=None):
            channel.max = self.channels(layer.value) - 1
            self.set(index=layer.value, channel=min(channel.value, channel.max))
            refresh(label, out, self.label, self.draw)

        layer.observe(redraw, names="value")
        channel.observe(redraw, names="value")
        redraw()
        box = widgets.VBox([widgets.HBox([layer, channel]), label, out])
        self.box = box
        display(box)
