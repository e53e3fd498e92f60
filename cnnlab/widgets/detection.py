"""Notebook 12 demo: pick a test canvas and thresholds, see boxes before and after NMS and the segmentation.

    from cnnlab.widgets.detection import DetectionExplorer
    ex = DetectionExplorer(images, detections, true_boxes, true_labels, seg_pred, nms_fn=nms)
    ex.show()                                  # in a notebook: sliders and three panels
    ex.set(index=3, score_threshold=0.5); ex.after   # the same logic without a browser

Inputs (N canvases of H x W pixels):
    images: (N, 1, H, W) or (N, H, W) floats;
    detections: N tuples (boxes (n, 4), scores (n,), labels (n,)), the decoded boxes *before* NMS;
    true_boxes, true_labels: N arrays (k, 4) and (k,);
    seg_pred: (N, H, W) integer class per pixel (0 background, 1 + d for digit d), or None;
    nms_fn(boxes, scores, iou_threshold) -> indices kept: the notebook passes the student's own `nms`,
    so the widget shows what *their* function does. It is applied to each class separately.
"""
from __future__ import annotations

import math
from typing import Callable, Sequence

import matplotlib.pyplot as plt
import matplotlib.patches as mpatches
import numpy as np

from cnnlab.widgets.style import legible, refresh

NmsFn = Callable[[np.ndarray, np.ndarray, float], np.ndarray]
Detections = tuple[np.ndarray, np.ndarray, np.ndarray]


def _check_threshold(value, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)) \
            or not math.isfinite(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a number in [0, 1]; got {value!r}")
    return float(value)


class DetectionExplorer:
    """Logic of the demo: the boxes of one canvas above a score threshold, and what per-class NMS keeps.

    After `set(...)` (or construction):
        before: (boxes (n, 4), scores (n,), labels (n,)) with score >= score_threshold, highest score first;
        after:  the same after nms_fn per class, highest score first;
        label:  a one-line summary (counts before / after, and the number of true digits).
    """

    def __init__(self, images, detections: Sequence[Detections], true_boxes: Sequence[np.ndarray],
                 true_labels: Sequence[np.ndarray], seg_pred=None, nms_fn: NmsFn | None = None,
                 index: int = 0, score_threshold: float = 0.3, iou_threshold: float = 0.5):
        images = np.asarray(images, dtype=np.float64)
        if images.ndim == 4:
            if images.shape[1] != 1:
                raise ValueError(f"images must be (N, 1, H, W) or (N, H, W); got {images.shape}")
            images = images[:, 0]
        if images.ndim != 3 or len(images) == 0:
            raise ValueError(f"images must be (N, 1, H, W) or (N, H, W) with N >= 1; got {images.shape}")
        n = len(images)
        if not (len(detections) == len(true_boxes) == len(true_labels) == n):
            raise ValueError(f"detections, true_boxes and true_labels need one entry per image ({n}); got "
                             f"{len(detections)}, {len(true_boxes)}, {len(true_labels)}")
        if seg_pred is not None:
            seg_pred = np.asarray(seg_pred)
            if seg_pred.shape != images.shape:
                raise ValueError(f"seg_pred must be (N, H, W) = {images.shape}; got {seg_pred.shape}")
        if nms_fn is None or not callable(nms_fn):
            raise ValueError("nms_fn must be a function nms(boxes, scores, iou_threshold) -> kept indices")
        self.images, self.seg_pred, self.nms_fn = images, seg_pred, nms_fn
        self.detections = [tuple(np.asarray(a) for a in d) for d in detections]
        for k, (b, s, lab) in enumerate(self.detections):
            if b.reshape(-1, 4).shape[0] != len(s) or len(s) != len(lab):
                raise ValueError(f"detections[{k}]: boxes, scores and labels disagree in length")
        self.true_boxes = [np.asarray(b, dtype=np.float64).reshape(-1, 4) for b in true_boxes]
        self.true_labels = [np.asarray(lab) for lab in true_labels]
        self.index, self.score_threshold, self.iou_threshold = 0, 0.3, 0.5
        self.set(index=index, score_threshold=score_threshold, iou_threshold=iou_threshold)

    def set(self, index: int | None = None, score_threshold: float | None = None,
            iou_threshold: float | None = None) -> None:
        """Change any setting (None keeps it), check it, and recompute `before`, `after` and `label`."""
        if index is not None:
            if isinstance(index, bool) or not isinstance(index, (int, np.integer)) or not 0 <= index < len(self.images):
                raise ValueError(f"index must be an integer in 0..{len(self.images) - 1}; got {index!r}")
            self.index = int(index)
        if score_threshold is not None:
            self.score_threshold = _check_threshold(score_threshold, "score_threshold")
        if iou_threshold is not None:
            self.iou_threshold = _check_threshold(iou_threshold, "iou_threshold")
        self.update()

    def update(self) -> None:
        boxes, scores, labels = self.detections[self.index]
        boxes = boxes.reshape(-1, 4).astype(np.float64)
        scores, labels = scores.astype(np.float64), labels.astype(np.int64)
        above = np.flatnonzero(scores >= self.score_threshold)
        above = above[np.argsort(-scores[above], kind="stable")]
        self.before = (boxes[above], scores[above], labels[above])
        kept = []
        for c in np.unique(labels[above]):
            idx = above[labels[above] == c]
            kept.extend(idx[np.asarray(self.nms_fn(boxes[idx], scores[idx], self.iou_threshold), dtype=np.int64)])
        kept = np.array(kept, dtype=np.int64)
        kept = kept[np.argsort(-scores[kept], kind="stable")]
        self.after = (boxes[kept], scores[kept], labels[kept])
        self.label = (f"canvas {self.index}: {len(above)} boxes with score >= {self.score_threshold:.2f}, "
                      f"{len(kept)} after NMS (IoU > {self.iou_threshold:.2f} suppressed), "
                      f"{len(self.true_boxes[self.index])} true digits")

    # ---- drawing --------------------------------------------------------------------------
    @staticmethod
    def _boxes(ax, boxes, labels, scores=None, color="orange", style="-"):
        for k, (x0, y0, x1, y1) in enumerate(boxes):
            ax.add_patch(mpatches.Rectangle((x0 - 0.5, y0 - 0.5), x1 - x0, y1 - y0, fill=False, lw=2,
                                            edgecolor=color, linestyle=style))
            text = str(int(labels[k])) + ("" if scores is None else f" {scores[k]:.2f}")
            ax.text(x0 - 0.5, y0 - 1.5, text, color=color, fontsize=12, fontweight="bold")

    @legible
    def draw(self, fig=None):
        """Three panels (before NMS, after NMS with the truth, segmentation overlay) into `fig`; return it."""
        fig = fig or plt.figure(figsize=(15, 5.2))
        fig.clear()
        axes = fig.subplots(1, 3)
        img = self.images[self.index]
        h, w = img.shape
        for ax in axes:
            ax.imshow(img, cmap="gray", vmin=0, vmax=1)
            ax.set(xlabel="x (pixels)", xlim=(-0.5, w - 0.5), ylim=(h - 0.5, -4))
        axes[0].set_ylabel("y (pixels)")
        self._boxes(axes[0], self.before[0], self.before[2], self.before[1])
        axes[0].set_title(f"before NMS: {len(self.before[1])} boxes", fontsize=12)
        self._boxes(axes[1], self.true_boxes[self.index], self.true_labels[self.index], color="lime", style="--")
        self._boxes(axes[1], self.after[0], self.after[2], self.after[1])
        axes[1].set_title(f"after NMS: {len(self.after[1])} (truth dashed)", fontsize=12)
        if self.seg_pred is not None:
            seg = np.ma.masked_equal(self.seg_pred[self.index], 0)
            axes[2].imshow(seg, cmap=plt.get_cmap("tab20", 11), vmin=-0.5, vmax=10.5, alpha=0.6)
            classes = sorted(set(np.unique(self.seg_pred[self.index]).tolist()) - {0})
            axes[2].set_title("segmentation: " + (", ".join(str(c - 1) for c in classes) or "none"), fontsize=12)
        else:
            axes[2].set_title("no segmentation given", fontsize=12)
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

        index = widgets.IntSlider(value=self.index, min=0, max=len(self.images) - 1, description="canvas",
                                  continuous_update=False)
        score = widgets.FloatSlider(value=self.score_threshold, min=0.0, max=1.0, step=0.05, description="score >=",
                                    continuous_update=False)
        iou = widgets.FloatSlider(value=self.iou_threshold, min=0.0, max=1.0, step=0.05, description="NMS IoU",
                                  continuous_update=False)
        label, out = widgets.HTML(), widgets.Output()

        def redraw(_change=None):
            self.set(index=index.value, score_threshold=score.value, iou_threshold=iou.value)
            refresh(label, out, self.label, self.draw)

        for control in (index, score, iou):
            control.observe(redraw, names="value")
        redraw()
        box = widgets.VBox([widgets.HBox([index, score, iou]), label, out])
        self.box = box
        display(box)
