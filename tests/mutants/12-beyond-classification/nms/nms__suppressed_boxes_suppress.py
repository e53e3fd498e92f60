"""Lets suppressed boxes suppress others too: every box removes its overlapping lower-ranked boxes."""
import numpy as np


def nms(boxes, scores, iou_threshold=0.5):
    boxes, scores = np.asarray(boxes, dtype=np.float64), np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4 or scores.shape != (len(boxes),):
        raise ValueError("boxes must be (N, 4) and scores (N,)")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError("iou_threshold must lie in [0, 1]")
    ious = box_iou(boxes, boxes)

    order = np.argsort(-scores, kind="stable")
    alive = np.ones(len(boxes), dtype=bool)
    for rank, i in enumerate(order):
        for j in order[rank + 1:]:
            if ious[i, j] > iou_threshold:
                alive[j] = False
    return np.array([i for i in order if alive[i]], dtype=np.int64)
