"""Notebook 03 demo: pick an activation and an initialisation scale, watch every layer's histogram.

    from cnnlab.widgets.activations import ActivationExplorer
    ActivationExplorer().show()                      # in a notebook: dropdowns, slider, plots
    ex = ActivationExplorer("relu", "he"); ex.stds   # the same logic without a browser

The experiment is the classic one: `n_samples` standard-normal input vectors of length `width`
go through a fully connected net of `depth` layers of `width` units, without biases.
Layer l computes h_l = f(h_{l-1} @ W_l), with W_l of shape (width, width) and entries drawn from
N(0, std^2). The init scheme and `scale` choose std:

    "fixed":  std = scale
    "xavier": std = scale * sqrt(2 / (fan_in + fan_out))   (Glorot & Bengio, 2010)
    "he":     std = scale * sqrt(2 / fan_in)               (He et al., 2015)

Randomness: one `numpy.random.default_rng(seed)` draws the inputs, shape (n_samples, width),
then the standard-normal weight matrices in layer order; changing the activation, the init or
the scale reuses those same numbers (only the std multiplying them changes), so what you see
change is the effect of the setting, not of a new random draw.
"""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
from scipy.special import expit

from cnnlab.widgets.style import legible, refresh

ACTIVATIONS = {
    "sigmoid": expit,  # overflow-free logistic sigmoid
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0.0),
    "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z),
}
# Bounded activations get one histogram range for every layer, so the layers compare directly.
RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}
INITS = ("fixed", "xavier", "he")


def _positive_int(name: str, value) -> int:
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{name} must be a positive integer; got {value!r}")
    return int(value)


class ActivationExplorer:
    """Per-layer activation statistics of a deep fully connected net, for one setting.

    Args:
        activation: "sigmoid", "tanh", "relu" or "leaky_relu" (slope 0.01).
        init: "fixed", "xavier" or "he" (see the module docstring).
        scale: positive float; the std itself for "fixed", a multiplier of the formula otherwise.
        depth: number of layers (1 to 20).
        width: units per layer (also the input dimension).
        n_samples: number of input vectors.
        seed: seed of the generator that draws the inputs and the weights.
        bins: histogram bins.

    Attributes (recomputed by `update`):
        x: the inputs, shape (n_samples, width).
        weights: list of `depth` arrays (width, width), the weights actually used.
        activations: list of `depth` arrays (n_samples, width): h_1 .. h_depth.
        means, stds: arrays (depth,): mean and (population) std of all entries of each h_l.
        label: one line describing the setting and the last layer's std.
    """

    def __init__(self, activation: str = "tanh", init: str = "xavier", scale: float = 1.0, depth: int = 10,
                 width: int = 500, n_samples: int = 1000, seed: int = 0, bins: int = 50):
        self.depth = _positive_int("depth", depth)
        if self.depth > 20:
            raise ValueError(f"depth must be at most 20 (one histogram per layer); got {depth}")
        self.width = _positive_int("width", width)
        self.n_samples = _positive_int("n_samples", n_samples)
        self.bins = _positive_int("bins", bins)
        if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
            raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
        rng = np.random.default_rng(int(seed))
        self.x = rng.standard_normal((self.n_samples, self.width))
        self._unit_weights = [rng.standard_normal((self.width, self.width)) for _ in range(self.depth)]
        self.activation, self.init, self.scale = "tanh", "xavier", 1.0
        self.controls: dict = {}  # filled by show()
        self.set(activation=activation, init=init, scale=scale)

    # ---- settings -------------------------------------------------------------------------
    def set(self, activation: str | None = None, init: str | None = None, scale: float | None = None) -> None:
        """Change any of activation / init / scale (None keeps the current value), then update."""
        if activation is not None:
            if activation not in ACTIVATIONS:
                raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}; got {activation!r}")
            self.activation = activation
        if init is not None:
            if init not in INITS:
                raise ValueError(f"init must be one of {list(INITS)}; got {init!r}")
            self.init = init
        if scale is not None:
            if isinstance(scale, bool) or not isinstance(scale, (int, float, np.integer, np.floating)) \
                    or not math.isfinite(scale) or scale <= 0:
                raise ValueError(f"scale must be a positive finite number; got {scale!r}")
            self.scale = float(scale)
        self.update()

    def weight_std(self, fan_in: int, fan_out: int) -> float:
        """The std of the weights of a layer with this fan-in and fan-out, for the current setting."""
        if self.init == "fixed":
            return self.scale
        if self.init == "xavier":
            return self.scale * math.sqrt(2.0 / (fan_in + fan_out))
        return self.scale * math.sqrt(2.0 / fan_in)

    # ---- computation ----------------------------------------------------------------------
    def update(self) -> None:
        """Run the forward pass for the current setting and recompute every attribute."""
        f = ACTIVATIONS[self.activation]
        std = self.weight_std(self.width, self.width)
        self.weights = [std * w for w in self._unit_weights]
        h = self.x
        self.activations = []
        with np.errstate(over="ignore", invalid="ignore"):  # std 10 with ReLU may overflow: shown as inf
            for w in self.weights:
                h = f(h @ w)
                self.activations.append(h)
            self.means = np.array([a.mean() for a in self.activations])
            self.stds = np.array([a.std() for a in self.activations])
        self.label = (f"{self.activation}, {self.init} init (weight std {std:.3g}): "
                      f"layer 1 std {self.stds[0]:.3g}, layer {self.depth} std {self.stds[-1]:.3g}")

    def saturation(self, layer: int, threshold: float = 0.99) -> float:
        """Fraction of layer `layer` (1-based) whose |h| exceeds `threshold` (for tanh: stuck near +-1)."""
        return float(np.mean(np.abs(self.activations[self._index(layer)]) > threshold))

    def histogram(self, layer: int) -> tuple[np.ndarray, np.ndarray]:
        """(counts, bin_edges) of the activations of layer `layer` (1-based); counts sum to n_samples * width.

        Sigmoid and tanh use their full output range for every layer; ReLU and leaky ReLU use the
        layer's own range (their outputs are unbounded). Non-finite values are left out.
        """
        a = self.activations[self._index(layer)].ravel()
        a = a[np.isfinite(a)]
        lo, hi = RANGES.get(self.activation, (float(a.min()), float(a.max())) if a.size else (0.0, 1.0))
        if hi <= lo:
            lo, hi = lo - 0.5, hi + 0.5
        return np.histogram(a, bins=self.bins, range=(lo, hi))

    def _index(self, layer: int) -> int:
        if not isinstance(layer, (int, np.integer)) or not 1 <= layer <= self.depth:
            raise ValueError(f"layer must be an integer in 1..{self.depth}; got {layer!r}")
        return int(layer) - 1

    # ---- drawing --------------------------------------------------------------------------
    @legible
    def draw(self, fig=None):
        """Draw the std per layer and one histogram per layer into `fig` (new if None); return it."""
        ncols = min(5, self.depth)
        nrows = math.ceil(self.depth / ncols)
        fig = fig or plt.figure(figsize=(3.2 * ncols, 2.9 * nrows + 3.4))
        fig.clear()
        grid = fig.add_gridspec(nrows + 1, ncols, height_ratios=[1.3] + [1.0] * nrows)
        top = fig.add_subplot(grid[0, :])
        layers = np.arange(1, self.depth + 1)
        finite = np.isfinite(self.stds) & (self.stds > 0)
        top.semilogy(layers[finite], self.stds[finite], "o-", color="C0")
        if finite.any():  # show at least two decades, so that a flat curve looks flat
            lo, hi = self.stds[finite].min(), self.stds[finite].max()
            centre, half = math.sqrt(lo * hi), max(10.0, math.sqrt(hi / lo) * 2.0)
            top.set_ylim(centre / half, centre * half)
        top.set(xlabel="layer", ylabel="std (log scale)", xticks=layers,
                title=f"{self.activation}, {self.init} init: std of each layer's activations")
        top.grid(alpha=0.3, which="both")
        for layer in layers:
            ax = fig.add_subplot(grid[1 + (layer - 1) // ncols, (layer - 1) % ncols])
            counts, edges = self.histogram(int(layer))
            ax.stairs(counts, edges, fill=True, color="C1")
            ax.set_title(f"layer {layer}: std {self.stds[layer - 1]:.2g}")
            ax.locator_params(axis="x", nbins=3)
            ax.locator_params(axis="y", nbins=3)
            if (layer - 1) % ncols == 0:
                ax.set_ylabel("count")
            if layer > self.depth - ncols:
                ax.set_xlabel("activation value")
        fig.tight_layout()
        return fig

    def show(self) -> None:
        """Build the controls and the plot in a notebook (needs ipywidgets) and display it once.

        The box is kept in `self.box`; nothing is returned, so `ex.show()` as the last line of a cell
        does not display the widget a second time.
        """
        import ipywidgets as widgets
        from IPython.display import display

        act = widgets.Dropdown(options=list(ACTIVATIONS), value=self.activation, description="activation")
        init = widgets.Dropdown(options=list(INITS), value=self.init, description="init")
        scale = widgets.FloatLogSlider(value=self.scale, base=10, min=-3, max=1, step=0.05,
                                       description="scale", continuous_update=False)
        out = widgets.Output()
        label = widgets.HTML()
        self.controls = {"activation": act, "init": init, "scale": scale, "label": label, "output": out}

        def redraw(_change=None):
            self.set(activation=act.value, init=init.value, scale=scale.value)
            refresh(label, out, self.label, self.draw)

        for control in (act, init, scale):
            control.observe(redraw, names="value")
        redraw()
        box = widgets.VBox([widgets.HBox([act, init, scale]), label, out])
        self.box = box
        display(box)
