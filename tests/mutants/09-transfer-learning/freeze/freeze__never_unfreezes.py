"""Only switches requires_grad off: parameters frozen by an earlier call stay frozen when named."""
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
        if not any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes):
            p.requires_grad_(False)
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
