"""Counts only the weight tensors (dim > 1) and leaves the biases out."""
from torch import nn


def count_params(model):
    if not isinstance(model, nn.Module):
        raise ValueError("model must be an nn.Module")
    return int(sum(p.numel() for p in model.parameters() if p.dim() > 1))
