"""Compares each box only with its predecessor in the sorted order, never across the whole sorted list."""
import numpy as np


def nms(boxes, scores, iou_threshold=0.5):
    boxes, scores = np.asarray(boxes, dtype=np.float64), np.asarray(scores, dtype=np.float64)
    if boxes.ndim != 2 or boxes.shape[1] != 4 or scores.shape != (len(boxes),):
        raise ValueError("boxes must be (N, 4) and scores (N,)")
    if not 0.0 <= iou_threshold <= 1.0:
        raise ValueError("iou_threshold must lie in [0, 1]")
    ious = box_iou(boxes, boxes)

    order = np.argsort(-scores, kind="stable")
    keep = []
    for rank, i in enumerate(order):
        if rank == 0 or ious[i, order[rank - 1]] <= iou_threshold:
            keep.append(i)
    return np.array(keep, dtype=np.int64)
