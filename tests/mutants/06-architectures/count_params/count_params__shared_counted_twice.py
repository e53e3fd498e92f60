"""Adds up each module's own parameters, so a weight shared by two layers counts twice."""
from torch import nn


def count_params(model):
    if not isinstance(model, nn.Module):
        raise ValueError("model must be an nn.Module")
    return int(sum(p.numel() for m in model.modules() for p in m.parameters(recurse=False)))
