"""Builds the new head from the old one's weights (the first num_classes rows) instead of a fresh init."""
import numpy as np
import torch
from torch import nn


def replace_head(model, num_classes):
    if not isinstance(num_classes, (int, np.integer)) or isinstance(num_classes, bool) or num_classes < 1:
        raise ValueError("num_classes must be a positive integer")
    old = getattr(model, "fc", None)
    if not isinstance(old, nn.Linear):
        raise ValueError("model.fc must be an nn.Linear")
    new = nn.Linear(old.in_features, int(num_classes), device=old.weight.device, dtype=old.weight.dtype)
    with torch.no_grad():
        rows = min(int(num_classes), old.out_features)
        new.weight[:rows] = old.weight[:rows]
        new.bias[:rows] = old.bias[:rows]
    model.fc = new
    return new
