"""Gives 1 - eps to the true class and eps / (K - 1) to each other class (the other convention)."""
import numpy as np
import torch
import torch.nn.functional as F

def smooth_labels(y, num_classes, eps):
    if isinstance(num_classes, bool) or not isinstance(num_classes, (int, np.integer)) or num_classes < 2:
        raise ValueError("bad num_classes")
    if not isinstance(y, torch.Tensor) or y.ndim != 1 or torch.is_floating_point(y) or y.dtype == torch.bool:
        raise ValueError("bad y")
    if len(y) and (y.min() < 0 or y.max() >= num_classes):
        raise ValueError("label out of range")
    if isinstance(eps, bool) or not isinstance(eps, (int, float, np.integer, np.floating)) or not 0 <= eps <= 1:
        raise ValueError("bad eps")
    one_hot = F.one_hot(y.long(), int(num_classes)).float()
    return (1 - eps) * one_hot + eps / (num_classes - 1) * (1 - one_hot)
