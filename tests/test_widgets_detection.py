"""Tests for cnnlab.widgets.detection (notebook 12's lecture widget), without a browser.

The widget gets its NMS from the caller; here a brute-force greedy NMS written in the test.
"""
from __future__ import annotations

import matplotlib

matplotlib.use("agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from cnnlab.data import digit_canvas  # noqa: E402
from cnnlab.widgets.detection import DetectionExplorer  # noqa: E402
from cnnlab.widgets.style import small_texts  # noqa: E402


def pair_iou(p, q) -> float:
    w = max(0.0, min(p[2], q[2]) - max(p[0], q[0]))
    h = max(0.0, min(p[3], q[3]) - max(p[1], q[1]))
    union = (p[2] - p[0]) * (p[3] - p[1]) + (q[2] - q[0]) * (q[3] - q[1]) - w * h
    return w * h / union if union > 0 else 0.0


def brute_nms(boxes, scores, thr):
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    keep: list[int] = []
    for i in order:
        if all(pair_iou(boxes[i], boxes[j]) <= thr for j in keep):
            keep.append(i)
    return np.array(keep, dtype=np.int64)


def make(**kw):
    c = digit_canvas(3, size=32, digits=(1, 2), heights=(10, 14), rng=0)
    dets = []
    for boxes, labels in zip(c.boxes, c.labels):
        jitter = np.concatenate([boxes, boxes + 1.0, boxes + 8.0])            # duplicates and one far-off copy
        dets.append((jitter, np.concatenate([np.full(len(boxes), 0.9), np.full(len(boxes), 0.8),
                                             np.full(len(boxes), 0.2)]), np.tile(labels, 3)))
    args = dict(images=c.images, detections=dets, true_boxes=c.boxes, true_labels=c.labels, seg_pred=c.masks,
                nms_fn=brute_nms)
    args.update(kw)
    return DetectionExplorer(**args), c


def test_threshold_and_nms_per_class():
    ex, c = make(score_threshold=0.5, iou_threshold=0.5)
    k = len(c.boxes[0])
    assert len(ex.before[1]) == 2 * k and np.all(ex.before[1] >= 0.5)
    assert np.all(np.diff(ex.before[1]) <= 0), "highest score first"
    # each +1 pixel copy overlaps its original by IoU > 0.5 and is suppressed; the originals survive
    np.testing.assert_array_equal(np.sort(ex.after[0], axis=0), np.sort(c.boxes[0].astype(float), axis=0))
    ex.set(score_threshold=0.0)
    assert len(ex.before[1]) == 3 * k
    ex.set(iou_threshold=1.0)
    assert len(ex.after[1]) == 3 * k, "threshold 1 suppresses nothing"
    assert "canvas 0" in ex.label and f"{3 * k} after NMS" in ex.label


def test_nms_never_crosses_classes():
    boxes = np.array([[0, 0, 10, 10], [0, 0, 10, 10]], float)
    dets = [(boxes, np.array([0.9, 0.8]), np.array([1, 2]))]
    ex = DetectionExplorer(np.zeros((1, 1, 16, 16)), dets, [boxes[:1]], [np.array([1])], None, brute_nms,
                           score_threshold=0.1, iou_threshold=0.5)
    assert sorted(ex.after[2].tolist()) == [1, 2], "two classes on one box: NMS per class keeps both"


def test_index_changes_canvas():
    ex, c = make()
    ex.set(index=2)
    assert ex.index == 2 and f"{len(c.boxes[2])} true digits" in ex.label


def test_draw_three_panels_with_labels():
    ex, _ = make()
    fig = ex.draw()
    assert len(fig.axes) == 3
    assert all(ax.get_xlabel() == "x (pixels)" for ax in fig.axes) and fig.axes[0].get_ylabel() == "y (pixels)"
    assert "before NMS" in fig.axes[0].get_title() and "after NMS" in fig.axes[1].get_title()
    assert len(fig.axes[0].patches) == len(ex.before[1])
    assert len(fig.axes[1].patches) == len(ex.after[1]) + len(ex.true_boxes[0])
    plt.close(fig)


def test_show_builds_the_widget():
    pytest.importorskip("ipywidgets")
    ex, _ = make()
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    index, score, iou = box.children[0].children
    index.value = 1
    score.value = 0.85
    iou.value = 0.3
    assert ex.index == 1 and ex.score_threshold == pytest.approx(0.85) and ex.iou_threshold == pytest.approx(0.3)
    assert np.all(ex.before[1] >= 0.85)
    plt.close("all")


def test_label_above_the_plot_follows_the_controls(live_label):
    """The description line is a widget that updates, not a print that goes stale."""
    pytest.importorskip("ipywidgets")
    ex, _ = make()
    assert ex.show() is None  # displayed once, not again as the cell's value
    box = ex.box
    index, score, iou = box.children[0].children
    assert live_label(box).count("canvas 0:") == 1
    index.value = 1
    assert "canvas 1:" in live_label(box)
    score.value = 0.85
    assert "score >= 0.85" in live_label(box)
    fig = ex.draw()
    assert not small_texts(fig), f"texts too small for a projector: {small_texts(fig)}"
    plt.close("all")


@pytest.mark.parametrize("kwargs", [dict(score_threshold=1.5), dict(iou_threshold=-0.1), dict(index=3),
                                    dict(index=1.0), dict(nms_fn=None), dict(seg_pred=np.zeros((3, 8, 8))),
                                    dict(true_boxes=[np.zeros((0, 4))]), dict(images=np.zeros((3, 2, 32, 32)))])
def test_bad_settings_raise_value_error(kwargs):
    with pytest.raises(ValueError):
        make(**kwargs)
