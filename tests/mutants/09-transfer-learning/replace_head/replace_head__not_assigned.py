"""Returns a new layer but never puts it into the model."""
import numpy as np
import torch
from torch import nn


def replace_head(model, num_classes):
    if not isinstance(num_classes, (int, np.integer)) or isinstance(num_classes, bool) or num_classes < 1:
        raise ValueError("num_classes must be a positive integer")
    old = getattr(model, "fc", None)
    if not isinstance(old, nn.Linear):
        raise ValueError("model.fc must be an nn.Linear")
    return nn.Linear(old.in_features, int(num_classes), device=old.weight.device, dtype=old.weight.dtype)
