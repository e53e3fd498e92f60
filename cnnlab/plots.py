"""Plots the notebooks use again and again. Every function returns the matplotlib Figure.

- `image_grid`        a grid of images with optional labels / predictions
- `filter_grid`       convolution weights (F, C, kh, kw) as small images
- `feature_map_grid`  the channels of one activation tensor (C, H, W)
- `plot_history`      loss and accuracy per epoch, train vs validation
- `confusion_matrix`  counts of (true, predicted) pairs; `plot_confusion_matrix` draws them
"""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure


def _to_numpy(a) -> np.ndarray:
    if hasattr(a, "detach"):
        a = a.detach().cpu().numpy()
    return np.asarray(a)


def _grid(n: int, ncols: int | None, cell: float = 1.3) -> tuple[Figure, np.ndarray]:
    if n < 1:
        raise ValueError("nothing to plot: got 0 images")
    ncols = min(n, ncols or min(n, 10))
    nrows = math.ceil(n / ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(cell * ncols, cell * nrows + 0.3), squeeze=False)
    for ax in axes.flat:
        ax.axis("off")
    return fig, axes


def _as_hwc(img: np.ndarray) -> np.ndarray:
    """(C, H, W) with C in {1, 3} or (H, W) -> something imshow accepts."""
    if img.ndim == 3 and img.shape[0] in (1, 3):
        img = np.moveaxis(img, 0, -1)
    if img.ndim == 3 and img.shape[-1] == 1:
        img = img[..., 0]
    if img.ndim not in (2, 3):
        raise ValueError(f"each image must be (H, W), (1, H, W) or (3, H, W); got {img.shape}")
    return img


def image_grid(images, labels=None, preds=None, class_names=None, ncols: int | None = None,
               title: str | None = None, cmap: str = "gray") -> Figure:
    """Show images (N, C, H, W) or (N, H, W) in a grid.

    Under each image: its label, or "label -> prediction" (in red when wrong) if preds given.
    """
    imgs = _to_numpy(images)
    if imgs.ndim not in (3, 4):
        raise ValueError(f"images must be (N, H, W) or (N, C, H, W); got shape {imgs.shape}")
    labels = None if labels is None else _to_numpy(labels)
    preds = None if preds is None else _to_numpy(preds)
    for what, arr in (("labels", labels), ("preds", preds)):
        if arr is not None and len(arr) != len(imgs):
            raise ValueError(f"{what} has {len(arr)} entries for {len(imgs)} images")
    name = (lambda k: class_names[int(k)]) if class_names is not None else (lambda k: str(int(k)))
    fig, axes = _grid(len(imgs), ncols)
    for i, ax in enumerate(axes.flat[: len(imgs)]):
        img = _as_hwc(imgs[i])
        ax.imshow(np.clip(img, 0, 1) if img.ndim == 3 else img, cmap=cmap)
        if labels is not None and preds is not None:
            wrong = int(labels[i]) != int(preds[i])
            ax.set_title(f"{name(labels[i])} -> {name(preds[i])}", fontsize=8, color="red" if wrong else "black")
        elif labels is not None:
            ax.set_title(name(labels[i]), fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def filter_grid(weights, ncols: int | None = None, title: str = "filters") -> Figure:
    """Convolution weights (F, C, kh, kw): one image per filter.

    C == 3 filters are shown in colour (each rescaled to [0, 1]); otherwise channel 0 is shown
    with a diverging colour map centred on 0 (red positive, blue negative).
    """
    w = _to_numpy(weights).astype(np.float64)
    if w.ndim != 4:
        raise ValueError(f"weights must be (F, C, kh, kw); got shape {w.shape}")
    fig, axes = _grid(len(w), ncols, cell=1.0)
    for f, ax in enumerate(axes.flat[: len(w)]):
        if w.shape[1] == 3:
            k = np.moveaxis(w[f], 0, -1)
            ax.imshow((k - k.min()) / (np.ptp(k) + 1e-12))
        else:
            lim = np.abs(w[f, 0]).max() + 1e-12
            ax.imshow(w[f, 0], cmap="bwr", vmin=-lim, vmax=lim)
        ax.set_title(str(f), fontsize=7)
    fig.suptitle(f"{title}: {w.shape[0]} x {w.shape[1]} x {w.shape[2]} x {w.shape[3]}")
    fig.tight_layout()
    return fig


def feature_map_grid(maps, ncols: int | None = None, title: str = "feature maps", max_maps: int = 64) -> Figure:
    """The channels of one activation tensor (C, H, W) (or (1, C, H, W)), each on its own scale."""
    m = _to_numpy(maps)
    if m.ndim == 4 and m.shape[0] == 1:
        m = m[0]
    if m.ndim != 3:
        raise ValueError(f"maps must be (C, H, W) or (1, C, H, W); got shape {m.shape}")
    m = m[:max_maps]
    fig, axes = _grid(len(m), ncols or 8, cell=1.2)
    for c, ax in enumerate(axes.flat[: len(m)]):
        ax.imshow(m[c], cmap="viridis")
        ax.set_title(f"ch {c}", fontsize=7)
    fig.suptitle(f"{title} ({m.shape[1]} x {m.shape[2]} pixels each)")
    fig.tight_layout()
    return fig


def plot_history(history: dict, title: str | None = None) -> Figure:
    """Loss and accuracy per epoch (train vs validation) from `cnnlab.train.fit`'s history."""
    for key in ("train_loss", "train_acc"):
        if key not in history or len(history[key]) == 0:
            raise ValueError(f"history needs a non-empty {key!r} list (as returned by cnnlab.train.fit)")
    epochs = np.arange(1, len(history["train_loss"]) + 1)
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 3.5))
    ax_loss.plot(epochs, history["train_loss"], "o-", label="train")
    ax_acc.plot(epochs, 100 * np.asarray(history["train_acc"]), "o-", label="train")
    if history.get("val_loss"):
        ax_loss.plot(epochs, history["val_loss"], "s--", label="validation")
        ax_acc.plot(epochs, 100 * np.asarray(history["val_acc"]), "s--", label="validation")
    ax_loss.set(xlabel="epoch", ylabel="cross-entropy loss (nats)", title="loss")
    ax_acc.set(xlabel="epoch", ylabel="accuracy (%)", title="accuracy")
    for ax in (ax_loss, ax_acc):
        ax.grid(alpha=0.3)
        ax.legend()
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def confusion_matrix(labels, preds, num_classes: int | None = None) -> np.ndarray:
    """Counts (K, K) int64: entry [i, j] is how many samples of true class i were predicted j."""
    y, p = _to_numpy(labels).astype(np.int64).ravel(), _to_numpy(preds).astype(np.int64).ravel()
    if y.shape != p.shape:
        raise ValueError(f"labels and preds must have the same length; got {len(y)} and {len(p)}")
    k = num_classes if num_classes is not None else int(max(y.max(initial=0), p.max(initial=0))) + 1
    if y.size and (min(y.min(), p.min()) < 0 or max(y.max(), p.max()) >= k):
        raise ValueError(f"class indices must lie in 0..{k - 1}")
    return np.bincount(y * k + p, minlength=k * k).reshape(k, k)


def plot_confusion_matrix(cm, class_names=None, title: str = "confusion matrix") -> Figure:
    """Draw a (K, K) count matrix with the counts written in each cell; rows are true classes."""
    cm = _to_numpy(cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
        raise ValueError(f"cm must be a square (K, K) matrix; got shape {cm.shape}")
    k = cm.shape[0]
    names = list(class_names) if class_names is not None else [str(i) for i in range(k)]
    fig, ax = plt.subplots(figsize=(0.5 * k + 2.5, 0.5 * k + 2))
    im = ax.imshow(cm, cmap="Blues")
    fig.colorbar(im, ax=ax, label="number of samples")
    ax.set(xticks=range(k), yticks=range(k), xticklabels=names, yticklabels=names,
           xlabel="predicted class", ylabel="true class", title=title)
    for i in range(k):
        for j in range(k):
            ax.text(j, i, str(cm[i, j]), ha="center", va="center", fontsize=7,
                    color="white" if cm[i, j] > cm.max() / 2 else "black")
    fig.tight_layout()
    return fig
