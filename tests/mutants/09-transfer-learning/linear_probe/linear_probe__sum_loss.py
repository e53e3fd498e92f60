"""Sums the per-sample losses instead of averaging them (a step N times too large)."""
import torch
import torch.nn.functional as F
from torch import nn


def linear_probe(features, labels, num_classes=None, epochs=200, lr=0.5, weight_decay=0.0):
    if features.ndim != 2:
        raise ValueError("features must be (N, D)")
    if labels.ndim != 1 or len(labels) != len(features):
        raise ValueError("labels must be (N,)")
    k = int(labels.max()) + 1 if num_classes is None else int(num_classes)
    if int(labels.min()) < 0 or int(labels.max()) >= k:
        raise ValueError("labels out of range")
    if not isinstance(epochs, int) or epochs < 1:
        raise ValueError("epochs must be a positive integer")
    if lr <= 0 or weight_decay < 0:
        raise ValueError("need lr > 0 and weight_decay >= 0")
    x = features.detach()
    head = nn.Linear(x.shape[1], k, device=x.device, dtype=x.dtype)
    nn.init.zeros_(head.weight)
    nn.init.zeros_(head.bias)
    optimizer = torch.optim.SGD([{"params": [head.weight], "weight_decay": weight_decay},
                                 {"params": [head.bias], "weight_decay": 0.0}], lr=lr)
    for _ in range(epochs):
        loss = F.cross_entropy(head(x), labels, reduction="sum")
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return head
