"""Matches names with startswith(prefix) alone, so "1" also unfreezes "10.weight" and "11.bias"."""
import torch
from torch import nn


def freeze(model, trainable_prefixes=()):
    if isinstance(trainable_prefixes, str):
        raise ValueError("pass a tuple of names")
    prefixes = tuple(trainable_prefixes)
    names = [n for n, _ in model.named_parameters()]
    for prefix in prefixes:
        if not any(n.startswith(prefix) for n in names):
            raise ValueError(f"{prefix!r} matches no parameter")
    count = 0
    for name, p in model.named_parameters():
        keep = any(name.startswith(prefix) for prefix in prefixes)
        p.requires_grad_(keep)
        count += p.numel() if keep else 0
    return count
