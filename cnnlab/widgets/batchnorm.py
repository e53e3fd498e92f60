"""Lecture demo for notebook 07: training with and without batch norm, loss curve and pre-activation histograms.

A deep fully connected ReLU network on real handwritten digits (by default scikit-learn's 1,797 digits of
8 x 8 pixels, offline; notebook 07 passes its own MNIST digits) is trained by plain SGD from the same
initial weights, with or without batch normalisation before every ReLU. Choose BN on/off and a learning
rate: the loss curve and the histogram of one layer's pre-activations (the values its ReLU receives) at a
recorded training step update.

    ex = BatchNormExplorer(steps=150)
    ex.set(bn=True, lr=0.5)        # trains (or reuses the remembered run)
    ex.losses, ex.histogram(layer=3, step=100)
    ex.show()                      # in a notebook: toggle, slider, dropdowns

The network is written out in torch ops (no nn.Module) so that every number is easy to check:
for layer l = 1 .. depth, z_l = h_{l-1} W_l + b_l (He-normal W_l, zero b_l); with BN,
z_l <- gamma_l (z_l - mean) / sqrt(var + eps) + beta_l with the batch mean and biased variance
(gamma = 1, beta = 0 at the start); h_l = relu(z_l). Then scores = h_depth W_out + b_out and the mean
softmax cross-entropy. The recorded pre-activations are z_l on a fixed probe batch, in train mode (batch
statistics of the probe batch).
"""
from __future__ import annotations

import functools
import math

import matplotlib.pyplot as plt
import numpy as np
import torch
import torch.nn.functional as F

from cnnlab.widgets.style import legible, refresh

EPS = 1e-5


def _positive_int(name: str, value, maximum: int | None = None) -> int:
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{name} must be a positive integer; got {value!r}")
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be at most {maximum}; got {value!r}")
    return int(value)


@functools.lru_cache(maxsize=1)
def _load_digits() -> tuple[torch.Tensor, torch.Tensor]:
    """scikit-learn's digits as x float64 (1797, 64) and y int64 (1797,) (cached)."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    return torch.from_numpy(digits.data.astype(np.float64)), torch.from_numpy(digits.target.astype(np.int64))


def _prepare(data) -> tuple[torch.Tensor, torch.Tensor]:
    """(x, y) -> x float64 (n, features) standardised per feature, y int64 (n,) in 0..9."""
    x, y = data
    x = torch.as_tensor(np.asarray(x), dtype=torch.float64).reshape(len(x), -1)
    y = torch.as_tensor(np.asarray(y), dtype=torch.int64).reshape(-1)
    if len(x) != len(y) or len(y) < 2:
        raise ValueError(f"data must be (x, y) with the same number (>= 2) of samples; got {len(x)} and {len(y)}")
    if y.min() < 0 or y.max() > 9:
        raise ValueError("labels must be classes 0..9")
    return (x - x.mean(dim=0)) / (x.std(dim=0, unbiased=False) + 1e-8), y


class BatchNormExplorer:
    """Train the same deep ReLU network with or without batch norm; loss curves and pre-activation histograms.

    Args:
        depth: hidden layers (1 to 12).
        width: units per hidden layer.
        steps: SGD steps per run.
        batch_size: samples per step.
        record_every: record the pre-activations every this many steps (and after the last step).
        seed: seed of the initial weights, the batch order and the probe batch (the same for every setting).
        bins: histogram bins.
        probe_size: samples in the fixed probe batch whose pre-activations are recorded.
        data: (x, y) with x of shape (n, ...) (flattened to n feature vectors, standardised per feature) and
            y int (n,) classes 0..9; None means scikit-learn's 8 x 8 digits.

    Attributes after `set` / `update` (for the current setting):
        bn (bool), lr (float): the setting.
        losses: float array (steps,), the training loss before each step; NaN after a divergence.
        diverged_at: the first step whose loss was not finite (or above 1e3), else None.
        record_steps: list of the steps at which pre-activations were recorded (0 = before training).
        preacts: dict step -> list of `depth` float arrays (probe_size, width): z_1 .. z_depth.
        label: one line describing the run.
    """

    def __init__(self, depth: int = 6, width: int = 64, steps: int = 150, batch_size: int = 64,
                 record_every: int = 10, seed: int = 0, bins: int = 40, probe_size: int = 256, data=None):
        self.depth = _positive_int("depth", depth, maximum=12)
        self.width = _positive_int("width", width)
        self.steps = _positive_int("steps", steps)
        self.batch_size = _positive_int("batch_size", batch_size)
        if self.batch_size < 2:
            raise ValueError("batch_size must be at least 2: batch norm needs more than one value per unit")
        self.record_every = _positive_int("record_every", record_every)
        self.bins = _positive_int("bins", bins)
        if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool) or seed < 0:
            raise ValueError(f"seed must be a non-negative integer; got {seed!r}")
        self.x, self.y = _prepare(_load_digits() if data is None else data)
        self.probe_size = _positive_int("probe_size", probe_size, maximum=len(self.y))
        if self.probe_size < 2:
            raise ValueError("probe_size must be at least 2")
        gen = torch.Generator().manual_seed(int(seed))
        sizes = [self.x.shape[1]] + [self.width] * self.depth
        self.initial_weights = [torch.randn(a, b, generator=gen, dtype=torch.float64) * math.sqrt(2.0 / a)
                                for a, b in zip(sizes[:-1], sizes[1:])]
        self.initial_out = torch.randn(self.width, 10, generator=gen, dtype=torch.float64) / math.sqrt(self.width)
        self.order = torch.randint(0, len(self.y), (self.steps, self.batch_size), generator=gen)
        self.probe = torch.randperm(len(self.y), generator=gen)[: self.probe_size]
        self._runs: dict[tuple[bool, float], dict] = {}
        self.bn, self.lr = False, 0.1
        self.set(bn=False, lr=0.1)

    # ---- settings ---------------------------------------------------------------------------
    def set(self, bn: bool | None = None, lr: float | None = None) -> None:
        """Change BN on/off and / or the learning rate (None keeps the current value), then update."""
        if bn is not None:
            if not isinstance(bn, (bool, np.bool_)):
                raise ValueError(f"bn must be True or False; got {bn!r}")
            self.bn = bool(bn)
        if lr is not None:
            if isinstance(lr, bool) or not isinstance(lr, (int, float, np.integer, np.floating)) \
                    or not math.isfinite(lr) or lr <= 0:
                raise ValueError(f"lr must be a positive finite number; got {lr!r}")
            self.lr = float(lr)
        self.update()

    # ---- the network ------------------------------------------------------------------------
    def forward(self, params: dict, x: torch.Tensor, bn: bool) -> tuple[torch.Tensor, list[torch.Tensor]]:
        """Scores (B, 10) and the pre-activations z_1 .. z_depth (each (B, width)) for input x (B, 64)."""
        h, zs = x, []
        for layer in range(self.depth):
            z = h @ params["W"][layer] + params["b"][layer]
            if bn:
                mean, var = z.mean(dim=0), z.var(dim=0, unbiased=False)
                z = params["gamma"][layer] * (z - mean) / torch.sqrt(var + EPS) + params["beta"][layer]
            zs.append(z)
            h = torch.relu(z)
        return h @ params["W_out"] + params["b_out"], zs

    def initial_params(self) -> dict:
        """Fresh copies of the initial parameters (the same for every setting), requiring grad."""
        def leaf(t):
            return t.clone().requires_grad_(True)

        return {"W": [leaf(w) for w in self.initial_weights],
                "b": [leaf(torch.zeros(self.width, dtype=torch.float64)) for _ in range(self.depth)],
                "gamma": [leaf(torch.ones(self.width, dtype=torch.float64)) for _ in range(self.depth)],
                "beta": [leaf(torch.zeros(self.width, dtype=torch.float64)) for _ in range(self.depth)],
                "W_out": leaf(self.initial_out), "b_out": leaf(torch.zeros(10, dtype=torch.float64))}

    def _train(self, bn: bool, lr: float) -> dict:
        params = self.initial_params()
        leaves = params["W"] + params["b"] + [params["W_out"], params["b_out"]]
        if bn:
            leaves += params["gamma"] + params["beta"]
        losses = np.full(self.steps, np.nan)
        preacts, diverged_at = {}, None

        def record(step):
            with torch.no_grad():
                _, zs = self.forward(params, self.x[self.probe], bn)
            preacts[step] = [z.numpy().copy() for z in zs]

        for step in range(self.steps):
            if step % self.record_every == 0:
                record(step)
            batch = self.order[step]
            scores, _ = self.forward(params, self.x[batch], bn)
            loss = F.cross_entropy(scores, self.y[batch])
            if not math.isfinite(loss.item()) or loss.item() > 1e3:
                diverged_at = step
                break
            losses[step] = loss.item()
            grads = torch.autograd.grad(loss, leaves)
            with torch.no_grad():
                for p, g in zip(leaves, grads):
                    p -= lr * g
        else:
            record(self.steps)
        return {"losses": losses, "preacts": preacts, "diverged_at": diverged_at}

    def update(self) -> None:
        """Train for the current setting (or reuse the remembered run) and set the attributes."""
        key = (self.bn, self.lr)
        if key not in self._runs:
            self._runs[key] = self._train(*key)
        run = self._runs[key]
        self.losses, self.preacts, self.diverged_at = run["losses"], run["preacts"], run["diverged_at"]
        self.record_steps = sorted(self.preacts)
        what = f"diverged at step {self.diverged_at}" if self.diverged_at is not None else \
            f"final loss {self.losses[-1]:.3f}"
        self.label = (f"{'with' if self.bn else 'without'} batch norm, lr {self.lr:g}: "
                      f"first loss {self.losses[0]:.3f}, {what}")

    # ---- read-outs --------------------------------------------------------------------------
    def nearest_step(self, step: int) -> int:
        """The recorded step closest to `step` (recordings stop at a divergence)."""
        if isinstance(step, bool) or not isinstance(step, (int, np.integer)) or step < 0:
            raise ValueError(f"step must be a non-negative integer; got {step!r}")
        return min(self.record_steps, key=lambda s: (abs(s - step), s))

    def histogram(self, layer: int, step: int) -> tuple[np.ndarray, np.ndarray]:
        """(counts, bin_edges) of layer `layer`'s (1-based) pre-activations at the recorded step nearest `step`.

        counts sum to probe_size * width (non-finite values are left out). The range is the layer's own
        1st-99th percentile, widened to at least [-3, 3].
        """
        if isinstance(layer, bool) or not isinstance(layer, (int, np.integer)) or not 1 <= layer <= self.depth:
            raise ValueError(f"layer must be an integer in 1..{self.depth}; got {layer!r}")
        z = self.preacts[self.nearest_step(step)][int(layer) - 1].ravel()
        z = z[np.isfinite(z)]
        lo, hi = (np.percentile(z, [1, 99]) if z.size else (0.0, 0.0))
        lo, hi = min(float(lo), -3.0), max(float(hi), 3.0)
        return np.histogram(np.clip(z, lo, hi), bins=self.bins, range=(lo, hi))

    # ---- drawing ----------------------------------------------------------------------------
    @legible
    def draw(self, layer: int = 1, step: int | None = None, fig=None):
        """Loss curves of both BN settings at this lr (current one bold) and one histogram; return the figure."""
        step = self.record_steps[-1] if step is None else step
        shown = self.nearest_step(step)
        fig = fig or plt.figure(figsize=(12, 4.2))
        fig.clear()
        ax_loss, ax_hist = fig.subplots(1, 2)
        for bn in (False, True):
            run = self._runs.get((bn, self.lr))
            if run is None:
                continue
            current = bn == self.bn
            ax_loss.plot(np.arange(self.steps), run["losses"], lw=2.5 if current else 1.0,
                         alpha=1.0 if current else 0.5, color="C1" if bn else "C0",
                         label=f"{'with' if bn else 'without'} batch norm")
        ax_loss.axvline(shown, color="gray", ls=":", label=f"step shown on the right ({shown})")
        ax_loss.set(xlabel="SGD step", ylabel="cross-entropy loss (nats)", title=f"training loss, lr {self.lr:g}",
                    yscale="log")
        ax_loss.grid(alpha=0.3, which="both")
        ax_loss.legend(fontsize=12)
        counts, edges = self.histogram(layer, shown)
        ax_hist.stairs(counts, edges, fill=True, color="C1" if self.bn else "C0")
        z = self.preacts[shown][layer - 1]
        ax_hist.set(xlabel=f"pre-activation of layer {layer} (ReLU input)", ylabel="count",
                    title=f"layer {layer} at step {shown}: mean {np.nanmean(z):.2g}, std {np.nanstd(z):.2g}")
        fig.suptitle(self.label, fontsize=12)
        fig.tight_layout()
        return fig

    def show(self) -> None:
        """Build the controls and the plot in a notebook (needs ipywidgets) and display it once.

        The box is kept in `self.box`; nothing is returned, so `ex.show()` as the last line of a cell
        does not display the widget a second time.
        """
        import ipywidgets as widgets
        from IPython.display import display

        bn = widgets.ToggleButton(value=self.bn, description="batch norm")
        lr = widgets.FloatLogSlider(value=self.lr, base=10, min=-3, max=1, step=0.25, description="lr",
                                    continuous_update=False)
        layer = widgets.Dropdown(options=list(range(1, self.depth + 1)), value=1, description="layer")
        step = widgets.IntSlider(value=self.steps, min=0, max=self.steps, step=self.record_every,
                                 description="step", continuous_update=False)
        label, out = widgets.HTML(), widgets.Output()

        def redraw(_change=None):
            self.set(bn=bn.value, lr=lr.value)
            refresh(label, out, f"{self.label}; layer {layer.value}, step {self.nearest_step(step.value)}",
                    lambda: self.draw(layer=layer.value, step=step.value))

        for control in (bn, lr, layer, step):
            control.observe(redraw, names="value")
        redraw()
        box = widgets.VBox([widgets.HBox([bn, lr, layer, step]), label, out])
        self.box = box
        display(box)
