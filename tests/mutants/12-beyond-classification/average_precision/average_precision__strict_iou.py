"""Requires IoU > threshold for a hit instead of >=."""
import numpy as np


def average_precision(pred, truth, iou=0.5):
    if len(pred) != len(truth):
        raise ValueError("pred and truth must list the same images")
    if not 0.0 < iou <= 1.0:
        raise ValueError("iou must lie in (0, 1]")
    truth = [np.asarray(t, dtype=np.float64).reshape(-1, 4) for t in truth]
    n_truth = sum(len(t) for t in truth)
    if n_truth == 0:
        raise ValueError("there are no true boxes")
    entries = []
    for img, (boxes, scores) in enumerate(pred):
        boxes, scores = np.asarray(boxes, dtype=np.float64).reshape(-1, 4), np.asarray(scores, dtype=np.float64)
        if scores.shape != (len(boxes),):
            raise ValueError("boxes and scores disagree")
        entries += [(scores[k], img, boxes[k]) for k in range(len(boxes))]
    if not entries:
        return 0.0
    order = np.argsort(-np.array([e[0] for e in entries]), kind="stable")
    claimed = [np.zeros(len(t), dtype=bool) for t in truth]
    tp = np.zeros(len(entries))

    for rank, k in enumerate(order):
        _, img, box = entries[k]
        if len(truth[img]) == 0:
            continue
        overlaps = np.where(claimed[img], -1.0, box_iou(box[None], truth[img])[0])
        best = int(np.argmax(overlaps))
        if overlaps[best] > iou:
            claimed[img][best] = True
            tp[rank] = 1.0

    hits = np.cumsum(tp)
    precision = hits / np.arange(1, len(entries) + 1)
    recall = hits / n_truth
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum(np.diff(np.concatenate([[0.0], recall])) * envelope))
