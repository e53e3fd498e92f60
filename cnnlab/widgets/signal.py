"""Notebook 01 demo: slide a flipped 1-D kernel along a signal and watch the output grow.

    from cnnlab.widgets.signal import Conv1dSlider
    Conv1dSlider(x, w).show()

At slider position n the plot shows x, the flipped kernel w[n - k] lined up under it, their
products, and the full convolution output y[0..n] computed so far; the outputs not computed
yet are drawn as an empty, shaded region (not as zeros). The sum for y[n] is shown as a line
of text above the plot and updates with the slider.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np

from cnnlab.widgets.style import legible, refresh


class Conv1dSlider:
    """Full 1-D convolution y = x * w, one output sample at a time.

    Args:
        x: signal, shape (N,).
        w: kernel, shape (K,).

    Attributes:
        position: the output index n in 0 .. N + K - 2 currently shown.
        output: y[0..position] (the rest is NaN), shape (N + K - 1,).
        label: one-line text describing the current sum, e.g. "y[3] = ... = 1.5".
    """

    def __init__(self, x, w):
        self.x = np.asarray(x, dtype=np.float64)
        self.w = np.asarray(w, dtype=np.float64)
        if self.x.ndim != 1 or self.w.ndim != 1 or len(self.x) == 0 or len(self.w) == 0:
            raise ValueError(f"x and w must be non-empty 1-D arrays; got shapes {self.x.shape} and {self.w.shape}")
        self.n_out = len(self.x) + len(self.w) - 1
        self.position = 0
        self.output = np.full(self.n_out, np.nan)
        self.label = ""
        self.controls: dict = {}
        self.update()

    def aligned_kernel(self, n: int) -> np.ndarray:
        """The flipped kernel placed so that entry j holds w[n - j] (0 outside), shape (N,)."""
        j = np.arange(len(self.x))
        k = n - j
        inside = (k >= 0) & (k < len(self.w))
        return np.where(inside, self.w[np.clip(k, 0, len(self.w) - 1)], 0.0)

    def set_position(self, n: int) -> None:
        if not 0 <= n < self.n_out:
            raise ValueError(f"position must be in 0..{self.n_out - 1}; got {n}")
        self.position = int(n)
        self.update()

    def update(self) -> None:
        """Recompute output[0..position] and the label for the current position."""
        self.output[:] = np.nan
        for n in range(self.position + 1):
            self.output[n] = float(np.dot(self.x, self.aligned_kernel(n)))
        terms = [f"{self.x[j]:g}*{self.w[self.position - j]:g}" for j in range(len(self.x))
                 if 0 <= self.position - j < len(self.w)]
        self.label = f"y[{self.position}] = " + " + ".join(terms) + f" = {self.output[self.position]:g}"

    @legible
    def draw(self, fig=None):
        """Draw the current state into `fig` (a new Figure if None) and return it.

        Only the computed outputs y[0..position] get a stem; the rest of the axis is shaded and
        labelled "not computed yet", so a real y[n] = 0 is never confused with a missing one.
        """
        fig = fig or plt.figure(figsize=(10, 6.5))
        fig.clear()
        top, bottom = fig.subplots(2, 1, sharex=False)
        j = np.arange(len(self.x))
        kern = self.aligned_kernel(self.position)
        top.stem(j, self.x, linefmt="C0-", markerfmt="C0o", basefmt="k-", label="signal x[j]")
        top.plot(j, kern, "C3s--", label=f"flipped kernel w[{self.position} - j]")
        top.set(xlabel="input index j", ylabel="value", title=self.label)
        top.legend(loc="upper right")
        top.grid(alpha=0.3)
        done = np.arange(self.position + 1)
        bottom.stem(done, self.output[done], linefmt="C2-", markerfmt="C2o", basefmt="k-")
        bottom.axhline(0, color="k", lw=0.8)
        bottom.axvline(self.position, color="C3", alpha=0.4)
        if self.position < self.n_out - 1:
            bottom.axvspan(self.position + 0.5, self.n_out - 0.5, color="0.88", zorder=0)
            bottom.text((self.position + self.n_out) / 2, 0.5, "not computed yet", ha="center", va="center",
                        transform=bottom.get_xaxis_transform(), color="0.3")
        bottom.set(xlabel="output index n", ylabel="y[n]", xlim=(-0.5, self.n_out - 0.5),
                   title="full convolution y = x * w")
        bottom.grid(alpha=0.3)
        fig.tight_layout()
        return fig

    def show(self) -> None:
        """Build the slider and plot in a notebook (needs ipywidgets) and display it once.

        The box is kept in `self.box`; nothing is returned, so `ex.show()` as the last line of a cell
        does not display the widget a second time.
        """
        import ipywidgets as widgets
        from IPython.display import display

        slider = widgets.IntSlider(value=self.position, min=0, max=self.n_out - 1, description="n")
        label = widgets.HTML()
        out = widgets.Output()
        self.controls = {"slider": slider, "label": label, "output": out}

        def on_change(change):
            self.set_position(change["new"])
            refresh(label, out, self.label, self.draw)

        slider.observe(on_change, names="value")
        on_change({"new": self.position})
        box = widgets.VBox([slider, label, out])
        self.box = box
        display(box)
