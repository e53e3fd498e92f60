"""Keeps only scores strictly above the threshold (> instead of >=)."""
import numpy as np


def decode_predictions(pred, size=64, score_threshold=0.5):
    pred = np.asarray(pred, dtype=np.float64)
    if pred.ndim != 3 or pred.shape[0] < 6 or pred.shape[1] != pred.shape[2]:
        raise ValueError("pred must be (5 + K, S, S) with K >= 1")
    grid = pred.shape[1]
    cell = size / grid
    cls_prob = pred[5:]
    labels = cls_prob.argmax(axis=0)

    scores = pred[0] * cls_prob.max(axis=0)
    rows, cols = np.nonzero(scores > score_threshold)
    cx = (cols + pred[1, rows, cols]) * cell
    cy = (rows + pred[2, rows, cols]) * cell
    w, h = pred[3, rows, cols] * size, pred[4, rows, cols] * size
    boxes = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=1).reshape(-1, 4)
    return boxes, scores[rows, cols], labels[rows, cols].astype(np.int64)
