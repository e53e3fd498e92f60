"""Copies the old head's requires_grad flag, so a frozen model gets a frozen new head."""
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
    new.requires_grad_(old.weight.requires_grad)
    model.fc = new
    return new
