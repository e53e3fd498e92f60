"""Counts every tensor of the state_dict, so BatchNorm's running statistics count as parameters."""
from torch import nn


def count_params(model):
    if not isinstance(model, nn.Module):
        raise ValueError("model must be an nn.Module")
    return int(sum(t.numel() for t in model.state_dict().values()))
