"""Accepts names that match nothing (and a bare string), silently freezing everything."""
import torch
from torch import nn


def freeze(model, trainable_prefixes=()):
    prefixes = tuple(trainable_prefixes)
    count = 0
    for name, p in model.named_parameters():
        keep = any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)
        p.requires_grad_(keep)
        count += p.numel() if keep else 0
    return count
