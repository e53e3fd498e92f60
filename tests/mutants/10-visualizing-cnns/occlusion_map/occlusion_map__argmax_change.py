"""Measures whether the predicted class changes (0/1), not the drop in p(target)."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def occlusion_map(model, x, target, patch, stride, fill=0.0):
    if not isinstance(x, torch.Tensor) or x.ndim != 3:
        raise ValueError("x")
    _, height, width = x.shape
    for value in (patch, stride):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise ValueError("patch/stride")
    if patch > min(height, width):
        raise ValueError("patch too big")
    rows = range(0, height - patch + 1, stride)
    cols = range(0, width - patch + 1, stride)
    batch = x.unsqueeze(0).repeat(len(rows) * len(cols) + 1, 1, 1, 1)
    for n, (r, c) in enumerate((r, c) for r in rows for c in cols):
        batch[n + 1, :, r:r + patch, c:c + patch] = fill

    with torch.no_grad():
        pred = model(batch).argmax(dim=1)
    return (pred[1:] != pred[0]).to(x.dtype).reshape(len(rows), len(cols))
