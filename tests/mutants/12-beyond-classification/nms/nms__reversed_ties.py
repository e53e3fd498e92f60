"""Sorts with argsort(scores)[::-1]: equal scores come out highest index first."""
import numpy as np


def nms(boxes, scores, iou_threshold=0.5):
    boxes, scores = np.asarray(boxes, dtype=np.float64), np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4 or scores.shape != (len(boxes),):
        raise ValueError("boxes must be (N, 4) and scores (N,)")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError("iou_threshold must lie in [0, 1]")
    ious = box_iou(boxes, boxes)

    order = np.argsort(scores, kind="stable")[::-1]
    keep = []
    alive = np.ones(len(boxes), dtype=bool)
    for i in order:
        if alive[i]:
            keep.append(i)
            alive &= ious[i] <= iou_threshold
    return np.array(keep, dtype=np.int64)
