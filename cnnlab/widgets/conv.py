"""Notebook 02 demo: a 2-D convolution explorer on real photos.

    from cnnlab.widgets.conv import ConvExplorer
    ConvExplorer().show()

Pick a photo and a kernel (edge, blur, sharpen or your own numbers), slide stride, padding and
dilation; the output map and its shape update live. The plot shows the zero-padded input with the
pixels that output (0, 0) reads marked (dilation spreads them apart, stride moves the next window),
the kernel with its weights, and the output map.

The logic lives in `ConvExplorer` (set a value, read `output`, `output_shape`, `label`, `error`),
so it is tested without a browser; only `show()` needs ipywidgets. Like PyTorch, the explorer
computes cross-correlation (no kernel flip) with zero padding.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F

from cnnlab.data import load_photo
from cnnlab.widgets.style import legible, refresh, text_colour_on

_SOBEL_X = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])


def _gaussian(size: int, sigma: float) -> np.ndarray:
    t = np.arange(size) - (size - 1) / 2
    g = np.exp(-t ** 2 / (2 * sigma ** 2))
    g = np.outer(g, g)
    return g / g.sum()


KERNELS: dict[str, np.ndarray] = {
    "edge: Sobel x (vertical edges)": _SOBEL_X,
    "edge: Sobel y (horizontal edges)": _SOBEL_X.T.copy(),
    "edge: Laplacian": np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]]),
    "blur: box 3x3": np.full((3, 3), 1 / 9),
    "blur: Gaussian 7x7, sigma 2": _gaussian(7, 2.0),
    "sharpen": np.array([[0.0, -1.0, 0.0], [-1.0, 5.0, -1.0], [0.0, -1.0, 0.0]]),
    "identity": np.array([[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]]),
}
CUSTOM = "custom"
DEFAULT_PHOTOS = ("camera", "astronaut", "chelsea", "coffee", "rocket")


def parse_kernel(text: str) -> np.ndarray:
    """A kernel from text: rows separated by ';' or new lines, numbers by spaces or commas.

    "1 0 -1; 2 0 -2; 1 0 -1" -> a 3x3 array. Raises ValueError for empty text, non-numbers,
    rows of different lengths, or more than 15 rows or columns.
    """
    rows = [r for r in text.replace("\n", ";").split(";") if r.strip()]
    if not rows:
        raise ValueError("the custom kernel is empty; type rows like '1 0 -1; 2 0 -2; 1 0 -1'")
    try:
        values = [[float(v) for v in r.replace(",", " ").split()] for r in rows]
    except ValueError as exc:
        raise ValueError(f"the custom kernel must hold numbers only: {exc}") from None
    if len({len(r) for r in values}) != 1:
        raise ValueError(f"every row of the kernel needs the same length; got {[len(r) for r in values]}")
    kernel = np.array(values, dtype=np.float64)
    if max(kernel.shape) > 15:
        raise ValueError(f"kernels up to 15x15 are supported; got {kernel.shape[0]}x{kernel.shape[1]}")
    if not np.isfinite(kernel).all():
        raise ValueError("the custom kernel must hold finite numbers")
    return kernel


def output_size(n: int, k: int, stride: int, pad: int, dilation: int) -> int:
    """floor((n + 2 pad - dilation (k - 1) - 1) / stride) + 1 (may be < 1: no output)."""
    return (n + 2 * pad - dilation * (k - 1) - 1) // stride + 1


class ConvExplorer:
    """One grey photo, one kernel, and the output map of their 2-D convolution (cross-correlation).

    Args:
        photos: names from `cnnlab.data.PHOTOS` to choose from.
        max_side: photos are shrunk so that their longer side is at most this many pixels.
        photo, kernel: the initial choices (a key of `KERNELS` or "custom").
        custom: the text of the custom kernel (see `parse_kernel`).

    Attributes:
        image: the grey photo, (H, W) float64 in [0, 1].
        kernel: the current kernel, (kh, kw).
        stride, padding, dilation: the current settings (ints).
        output: the output map (Ho, Wo), or None when the settings give no output.
        output_shape: (Ho, Wo), or None.
        error: "" or a sentence saying why there is no output.
        label: one line describing input, kernel, settings and output shape.
    """

    LIMITS = {"stride": (1, 8), "padding": (0, 20), "dilation": (1, 8)}

    def __init__(self, photos=DEFAULT_PHOTOS, max_side: int = 128, photo: str | None = None,
                 kernel: str = "edge: Sobel x (vertical edges)", custom: str = "1 0 -1; 1 0 -1; 1 0 -1"):
        self.photos = tuple(photos)
        if not self.photos:
            raise ValueError("give at least one photo name")
        if not isinstance(max_side, (int, np.integer)) or max_side < 8:
            raise ValueError(f"max_side must be an integer >= 8; got {max_side!r}")
        self.max_side = int(max_side)
        self._cache: dict[str, np.ndarray] = {}
        self.stride, self.padding, self.dilation = 1, 0, 1
        self.custom_text = custom
        self.controls: dict = {}
        self.output = None
        self.output_shape = None
        self.error = ""
        self.label = ""
        self.photo = None
        self.kernel_name = None
        self._set_photo(photo or self.photos[0])
        self.set_kernel(kernel)

    # --- state changes (each one recomputes the output) ---------------------------------
    def _set_photo(self, name: str) -> None:
        if name not in self.photos:
            raise ValueError(f"unknown photo {name!r}; choose one of {self.photos}")
        if name not in self._cache:
            self._cache[name] = load_photo(name, gray=True, max_side=self.max_side)
        self.photo, self.image = name, self._cache[name]

    def set_photo(self, name: str) -> None:
        self._set_photo(name)
        self.update()

    def set_kernel(self, name: str, custom: str | None = None) -> None:
        """Choose a kernel by name; "custom" parses `custom` (or the text set before)."""
        if name != CUSTOM and name not in KERNELS:
            raise ValueError(f"unknown kernel {name!r}; choose one of {list(KERNELS) + [CUSTOM]}")
        if custom is not None:
            self.custom_text = custom
        self.kernel_name = name
        self.update()

    def set_custom(self, text: str) -> None:
        """Type a custom kernel (selects "custom")."""
        self.set_kernel(CUSTOM, custom=text)

    def _set_int(self, name: str, value) -> None:
        low, high = self.LIMITS[name]
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
            raise ValueError(f"{name} must be an integer in {low}..{high}; got {value!r}")
        setattr(self, name, int(value))
        self.update()

    def set_stride(self, value: int) -> None:
        self._set_int("stride", value)

    def set_padding(self, value: int) -> None:
        self._set_int("padding", value)

    def set_dilation(self, value: int) -> None:
        self._set_int("dilation", value)

    # --- the computation -----------------------------------------------------------------
    def update(self) -> None:
        """Recompute kernel, output map, shape, error and label from the current settings."""
        self.output, self.output_shape, self.error = None, None, ""
        H, W = self.image.shape
        head = f"{self.photo} {H}x{W}"
        if self.kernel_name == CUSTOM:
            try:
                self.kernel = parse_kernel(self.custom_text)
            except ValueError as exc:
                self.kernel = np.zeros((1, 1))
                self.error = str(exc)
                self.label = f"{head}, custom kernel: {self.error}"
                return
        else:
            self.kernel = KERNELS[self.kernel_name]
        kh, kw = self.kernel.shape
        settings = (f"{head}, {self.kernel_name} {kh}x{kw}, stride {self.stride}, padding {self.padding}, "
                    f"dilation {self.dilation}")
        ho = output_size(H, kh, self.stride, self.padding, self.dilation)
        wo = output_size(W, kw, self.stride, self.padding, self.dilation)
        if ho < 1 or wo < 1:
            span = (self.dilation * (kh - 1) + 1, self.dilation * (kw - 1) + 1)
            self.error = (f"no output: the dilated kernel spans {span[0]}x{span[1]} pixels but the padded input "
                          f"is {H + 2 * self.padding}x{W + 2 * self.padding}")
            self.label = f"{settings} -> {self.error}"
            return
        x = torch.from_numpy(self.image)[None, None]
        w = torch.from_numpy(np.ascontiguousarray(self.kernel))[None, None]
        y = F.conv2d(x, w, stride=self.stride, padding=self.padding, dilation=self.dilation)
        self.output = y[0, 0].numpy()
        self.output_shape = self.output.shape
        self.label = f"{settings} -> output {ho}x{wo}"

    def footprint(self, u: int = 0, v: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """Rows and columns, in padded-input coordinates, of the pixels that output (u, v) reads."""
        kh, kw = self.kernel.shape
        rows = u * self.stride + self.dilation * np.arange(kh)
        cols = v * self.stride + self.dilation * np.arange(kw)
        return rows, cols

    # --- drawing ---------------------------------------------------------------------------
    # Kernels up to this many rows and columns get their weights written in the cells.
    ANNOTATE_MAX_SIDE = 5

    @legible
    def draw(self, fig=None):
        """Draw padded input (with the footprint of outputs (0, 0) and (0, 1)), kernel and output."""
        fig = fig or plt.figure(figsize=(15, 5.6))
        fig.clear()
        ax_in, ax_k, ax_out = fig.subplots(1, 3, gridspec_kw={"width_ratios": [3, 2, 3]})
        p = self.padding
        padded = np.pad(self.image, p)
        ax_in.imshow(padded, cmap="gray", vmin=0, vmax=1)
        if p:
            H, W = self.image.shape
            ax_in.add_patch(plt.Rectangle((p - 0.5, p - 0.5), W, H, fill=False, ec="C1", lw=1, ls="--"))
        if self.output is not None:
            for (u, v), colour, marker, size in (((0, 0), "C3", "s", 5), ((0, 1), "C2", "o", 2.5)):
                if v < self.output.shape[1]:
                    rows, cols = self.footprint(u, v)
                    rr, cc = np.meshgrid(rows, cols, indexing="ij")
                    ax_in.plot(cc.ravel(), rr.ravel(), marker, ms=size, mfc="none", mec=colour,
                               label=f"pixels read by output ({u}, {v})")
            ax_in.legend(loc="lower left", fontsize=12, framealpha=0.85)
        ax_in.set(title=f"input, zero-padded by {p}", xlabel="column (pixels)", ylabel="row (pixels)")
        lim = max(np.abs(self.kernel).max(), 1e-12)
        image_k = ax_k.imshow(self.kernel, cmap="bwr", vmin=-lim, vmax=lim)
        kh, kw = self.kernel.shape
        if max(kh, kw) <= self.ANNOTATE_MAX_SIDE:
            for i in range(kh):
                for j in range(kw):
                    cell = image_k.cmap(image_k.norm(self.kernel[i, j]))
                    ax_k.text(j, i, f"{self.kernel[i, j]:.2g}", ha="center", va="center", fontsize=13,
                              fontweight="bold", color=text_colour_on(cell))
        ax_k.set(title=f"kernel {kh}x{kw}", xlabel="column", ylabel="row", xticks=range(kw), yticks=range(kh))
        if self.output is not None:
            im = ax_out.imshow(self.output, cmap="gray")
            fig.colorbar(im, ax=ax_out, fraction=0.046, label="output value")
            ax_out.set(title=f"output {self.output.shape[0]}x{self.output.shape[1]}",
                       xlabel="output column", ylabel="output row")
        else:
            ax_out.text(0.5, 0.5, self.error, ha="center", va="center", wrap=True, transform=ax_out.transAxes)
            ax_out.set(title="no output", xticks=[], yticks=[])
        fig.suptitle(self.label, fontsize=13)
        fig.tight_layout()
        return fig

    def show(self) -> None:
        """Build the controls and the live plot in a notebook (needs ipywidgets) and display it once.

        The box is kept in `self.box`; nothing is returned, so `ex.show()` as the last line of a cell
        does not display the widget a second time.
        """
        import ipywidgets as widgets
        from IPython.display import display

        c = {
            "photo": widgets.Dropdown(options=self.photos, value=self.photo, description="photo"),
            "kernel": widgets.Dropdown(options=list(KERNELS) + [CUSTOM], value=self.kernel_name,
                                       description="kernel"),
            "custom": widgets.Text(value=self.custom_text, description="custom",
                                   placeholder="1 0 -1; 2 0 -2; 1 0 -1"),
        }
        for name in ("stride", "padding", "dilation"):
            low, high = self.LIMITS[name]
            c[name] = widgets.IntSlider(value=getattr(self, name), min=low, max=high, description=name)
        out = widgets.Output()
        label = widgets.HTML()
        self.controls = c

        def redraw():
            refresh(label, out, self.label, self.draw)

        def on_change(change):
            owner = change["owner"]
            if owner is c["photo"]:
                self.set_photo(change["new"])
            elif owner is c["kernel"]:
                self.set_kernel(change["new"])
            elif owner is c["custom"]:
                self.custom_text = change["new"]
                if self.kernel_name == CUSTOM:
                    self.update()
            else:
                self._set_int(next(k for k in ("stride", "padding", "dilation") if c[k] is owner), change["new"])
            redraw()

        for widget in c.values():
            widget.observe(on_change, names="value")
        redraw()
        box = widgets.VBox([widgets.HBox([c["photo"], c["kernel"], c["custom"]]),
                            widgets.HBox([c["stride"], c["padding"], c["dilation"]]), label, out])
        self.controls = {**c, "label": label, "output": out}
        self.box = box
        display(box)
