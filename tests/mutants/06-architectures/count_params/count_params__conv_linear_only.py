"""Counts the parameters of Conv2d and Linear layers only (misses BatchNorm's gamma and beta)."""
from torch import nn


def count_params(model):
    if not isinstance(model, nn.Module):
        raise ValueError("model must be an nn.Module")
    return int(sum(p.numel() for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))
                   for p in m.parameters(recurse=False)))
