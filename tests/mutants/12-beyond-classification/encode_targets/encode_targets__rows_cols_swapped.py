"""Indexes the grid as target[:, j, i]: row from the x centre, column from the y centre."""
import numpy as np


def encode_targets(boxes, labels, grid=8, size=64, num_classes=10):
    boxes = np.asarray(boxes, dtype=np.float64)
    if boxes.size == 0:
        boxes = boxes.reshape(0, 4)
    labels = np.asarray(labels).reshape(-1)
    if boxes.ndim != 2 or boxes.shape[1] != 4 or len(labels) != len(boxes):
        raise ValueError("boxes must be (k, 4) and labels (k,)")
    if size % grid:
        raise ValueError("size must be divisible by grid")
    if len(boxes) and (np.any(boxes < 0) or np.any(boxes > size) or np.any(boxes[:, 2] <= boxes[:, 0])
                       or np.any(boxes[:, 3] <= boxes[:, 1])):
        raise ValueError("every box must lie inside the canvas")
    if len(labels) and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError("labels out of range")
    cell = size / grid
    target = np.zeros((5 + num_classes, grid, grid), dtype=np.float32)
    best_area = np.zeros((grid, grid))
    for (x0, y0, x1, y1), label in zip(boxes, labels):
        cx, cy, area = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) * (y1 - y0)
        j, i = min(int(cx // cell), grid - 1), min(int(cy // cell), grid - 1)
        if area <= best_area[j, i]:
            continue
        best_area[j, i] = area
        target[:, j, i] = 0.0
        target[0, j, i] = 1.0
        target[1:5, j, i] = [cx / cell - j, cy / cell - i, (x1 - x0) / size, (y1 - y0) / size]
        target[5 + int(label), j, i] = 1.0
    return target
