"""Freezes only the weight tensors and leaves every bias (and batch norm bias) trainable."""
import torch
from torch import nn


def freeze(model, trainable_prefixes=()):
    if isinstance(trainable_prefixes, str):
        raise ValueError("pass a tuple of names")
    prefixes = tuple(trainable_prefixes)
    names = [n for n, _ in model.named_parameters()]
    for prefix in prefixes:
        if not any(n == prefix or n.startswith(prefix + ".") for n in names):
            raise ValueError(f"{prefix!r} matches no parameter")
    for name, p in model.named_parameters():
        keep = any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)
        p.requires_grad_(keep or name.endswith("bias"))
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
