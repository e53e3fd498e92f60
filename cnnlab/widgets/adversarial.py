"""Notebook 11 demo: slide the attack budget eps, watch the image, the perturbation and the probabilities.

    from cnnlab.widgets.adversarial import AdversarialExplorer
    AdversarialExplorer(model, x, y, attack=fgsm, eps=0.1).show()   # in a notebook: sliders and plots
    ex = AdversarialExplorer(model, x, y, attack=fgsm); ex.set(eps=0.2); ex.probs_adv   # without a browser

The widget does not implement an attack itself: it runs the one it is given (in notebook 11, the
student's own `fgsm`), as ``attack(model, x, y, eps) -> x_adv`` on one image at a time, with
x of shape (1, C, H, W) on the model's device and y of shape (1,).

Shapes: `images` (N, C, H, W) float in [0, 1] with C in {1, 3}; `labels` (N,) int64. Every result
attribute is a CPU tensor or a Python number.
"""
from __future__ import annotations

import math
from typing import Callable, Sequence

import matplotlib.pyplot as plt
import torch
from torch import nn

from cnnlab.widgets.style import legible, refresh

Attack = Callable[[nn.Module, torch.Tensor, torch.Tensor, float], torch.Tensor]


class AdversarialExplorer:
    """One image, one attack, one budget: the clean and attacked image, the perturbation and the probabilities.

    Args:
        model: maps images (B, C, H, W) to logits (B, K); used in whatever mode it is in (eval for a demo).
        images: float tensor (N, C, H, W), pixels in [0, 1].
        labels: int64 tensor (N,): the true classes.
        attack: attack(model, x, y, eps) -> x_adv, with x (1, C, H, W) and y (1,).
        eps: the starting budget, in [0, max_eps].
        index: the starting image, 0..N-1.
        max_eps: the largest eps the slider offers.
        class_names: K names for the bar chart (default "0", "1", ...).

    Attributes (recomputed by `update`):
        x, x_adv: (1, C, H, W) CPU tensors: the clean image and the attacked one.
        delta: (1, C, H, W): x_adv - x.
        linf, l2: the L_inf and L2 norms of delta (Python floats).
        probs_clean, probs_adv: (K,) softmax probabilities of the model on x and x_adv.
        pred_clean, pred_adv, label: Python ints.
        label_text: one line describing the setting and the outcome (also `label` for the true class).
    """

    def __init__(self, model: nn.Module, images: torch.Tensor, labels: torch.Tensor, attack: Attack,
                 eps: float = 0.1, index: int = 0, max_eps: float = 0.3, class_names: Sequence[str] | None = None):
        if not isinstance(model, nn.Module):
            raise ValueError(f"model must be a torch.nn.Module; got {type(model).__name__}")
        if not callable(attack):
            raise ValueError("attack must be a function attack(model, x, y, eps) -> x_adv")
        if not isinstance(images, torch.Tensor) or images.ndim != 4 or not torch.is_floating_point(images) \
                or len(images) == 0 or images.shape[1] not in (1, 3):
            raise ValueError(f"images must be a float tensor (N, C, H, W) with N >= 1 and C in (1, 3); got "
                             f"{tuple(images.shape) if isinstance(images, torch.Tensor) else type(images).__name__}")
        if images.min() < 0 or images.max() > 1:
            raise ValueError("images must hold pixels in [0, 1]")
        if not isinstance(labels, torch.Tensor) or labels.shape != (len(images),) or torch.is_floating_point(labels):
            raise ValueError(f"labels must be an integer tensor of shape ({len(images)},)")
        if isinstance(max_eps, bool) or not isinstance(max_eps, (int, float)) or not 0 < max_eps <= 1:
            raise ValueError(f"max_eps must be a number in (0, 1]; got {max_eps!r}")
        self.model, self.attack, self.max_eps = model, attack, float(max_eps)
        self.images, self.labels = images.detach(), labels.detach()
        self.class_names = list(class_names) if class_names is not None else None
        self.eps, self.index = 0.0, 0
        self.set(eps=eps, index=index)

    # ---- settings -------------------------------------------------------------------------
    def set(self, eps: float | None = None, index: int | None = None) -> None:
        """Change the budget and/or the image (None keeps the current value), then update."""
        if eps is not None:
            if isinstance(eps, bool) or not isinstance(eps, (int, float)) or not math.isfinite(eps) \
                    or not 0 <= eps <= self.max_eps:
                raise ValueError(f"eps must be a number in [0, {self.max_eps:g}]; got {eps!r}")
            self.eps = float(eps)
        if index is not None:
            if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(self.images):
                raise ValueError(f"index must be an integer in 0..{len(self.images) - 1}; got {index!r}")
            self.index = int(index)
        self.update()

    # ---- computation ----------------------------------------------------------------------
    def update(self) -> None:
        """Attack the current image with the current eps and recompute every attribute."""
        device = next(self.model.parameters()).device
        x = self.images[self.index:self.index + 1].to(device)
        y = self.labels[self.index:self.index + 1].to(device)
        x_adv = self.attack(self.model, x, y, self.eps)
        if not isinstance(x_adv, torch.Tensor) or x_adv.shape != x.shape:
            raise ValueError(f"the attack must return a tensor of shape {tuple(x.shape)}; got "
                             f"{tuple(x_adv.shape) if isinstance(x_adv, torch.Tensor) else type(x_adv).__name__}")
        with torch.no_grad():
            self.probs_clean = torch.softmax(self.model(x), dim=1)[0].cpu()
            self.probs_adv = torch.softmax(self.model(x_adv), dim=1)[0].cpu()
        self.x, self.x_adv = x.detach().cpu(), x_adv.detach().cpu()
        self.delta = self.x_adv - self.x
        self.linf = float(self.delta.abs().max())
        self.l2 = float(self.delta.norm())
        self.pred_clean = int(self.probs_clean.argmax())
        self.pred_adv = int(self.probs_adv.argmax())
        self.label = int(self.labels[self.index])
        self.label_text = (f"image {self.index} (label {self._name(self.label)}), eps {self.eps:.3f}: "
                           f"prediction {self._name(self.pred_clean)} ({100 * float(self.probs_clean.max()):.0f}%) "
                           f"-> {self._name(self.pred_adv)} ({100 * float(self.probs_adv.max()):.0f}%); "
                           f"perturbation L_inf {self.linf:.3f}, L2 {self.l2:.2f}")

    def amplified(self) -> torch.Tensor:
        """delta rescaled for display, (C, H, W) in [0, 1]: -eps -> 0 (black), 0 -> 0.5 (grey), +eps -> 1 (white)."""
        scale = 0.5 / self.eps if self.eps > 0 else 0.0
        return (0.5 + scale * self.delta[0]).clamp(0.0, 1.0)

    def _name(self, k: int) -> str:
        return self.class_names[k] if self.class_names is not None else str(k)

    # ---- drawing --------------------------------------------------------------------------
    @legible
    def draw(self, fig=None):
        """Draw clean image, amplified perturbation, attacked image and the probabilities into `fig`; return it."""
        fig = fig or plt.figure(figsize=(14, 3.8))
        fig.clear()
        axes = fig.subplots(1, 4, gridspec_kw={"width_ratios": [1, 1, 1, 1.8]})

        def show(ax, img: torch.Tensor, title: str, color: str = "black") -> None:
            img = img.permute(1, 2, 0) if img.shape[0] == 3 else img[0]
            ax.imshow(img.numpy(), cmap="gray", vmin=0, vmax=1)
            ax.set_title(title, fontsize=12, color=color)
            ax.axis("off")

        show(axes[0], self.x[0], f"clean: {self._name(self.pred_clean)} "
                                 f"({100 * float(self.probs_clean.max()):.0f}%)")
        gain = f"x{0.5 / self.eps:.1f}" if self.eps > 0 else "(eps = 0)"
        show(axes[1], self.amplified(), f"perturbation {gain}\nL_inf {self.linf:.3f}, L2 {self.l2:.2f}")
        wrong = self.pred_adv != self.label
        show(axes[2], self.x_adv[0], f"attacked: {self._name(self.pred_adv)} "
                                     f"({100 * float(self.probs_adv.max()):.0f}%)", "red" if wrong else "black")
        k = len(self.probs_clean)
        positions = torch.arange(k).float()
        axes[3].bar(positions - 0.2, self.probs_clean.numpy(), width=0.4, label="clean")
        axes[3].bar(positions + 0.2, self.probs_adv.numpy(), width=0.4, label=f"eps = {self.eps:.2f}")
        axes[3].set(xticks=range(k), xticklabels=[self._name(i) for i in range(k)], ylim=(0, 1.05),
                    xlabel="class", ylabel="predicted probability")
        axes[3].legend(fontsize=12)
        axes[3].grid(alpha=0.3, axis="y")
        fig.suptitle(f"true label {self._name(self.label)}", fontsize=13)
        fig.tight_layout()
        return fig

    def show(self) -> None:
        """Build the sliders and the plot in a notebook (needs ipywidgets) and display it once.

        The box is kept in `self.box`; nothing is returned, so `ex.show()` as the last line of a cell
        does not display the widget a second time.
        """
        import ipywidgets as widgets
        from IPython.display import display

        eps = widgets.FloatSlider(value=self.eps, min=0.0, max=self.max_eps, step=0.01, description="eps",
                                  continuous_update=False, readout_format=".2f")
        index = widgets.IntSlider(value=self.index, min=0, max=len(self.images) - 1, description="image",
                                  continuous_update=False)
        label, out = widgets.HTML(), widgets.Output()

        def redraw(_change=None):
            self.set(eps=float(eps.value), index=int(index.value))
            refresh(label, out, self.label_text, self.draw)

        for control in (eps, index):
            control.observe(redraw, names="value")
        redraw()
        box = widgets.VBox([widgets.HBox([eps, index]), label, out])
        self.box = box
        display(box)
