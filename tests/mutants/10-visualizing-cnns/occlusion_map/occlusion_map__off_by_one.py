"""Off-by-one positions: range(0, H - P, s) misses the last patch position."""
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
    rows = range(0, height - patch, stride)
    cols = range(0, width - patch, stride)
    batch = x.unsqueeze(0).repeat(len(rows) * len(cols) + 1, 1, 1, 1)
    for n, (r, c) in enumerate((r, c) for r in rows for c in cols):
        batch[n + 1, :, r:r + patch, c:c + patch] = fill
    with torch.no_grad():
        probs = torch.softmax(model(batch), dim=1)[:, target]
    return (probs[0] - probs[1:]).reshape(len(rows), len(cols))
