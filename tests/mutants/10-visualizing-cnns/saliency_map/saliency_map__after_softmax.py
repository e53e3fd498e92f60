"""Differentiates the softmax probability instead of the logit."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def saliency_map(model, x, target):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x")
    if not isinstance(target, torch.Tensor) or target.shape != (len(x),):
        raise ValueError("target")
    model.eval()
    x = x.detach().clone().requires_grad_(True)
    score = torch.softmax(model(x), dim=1).gather(1, target.view(-1, 1)).sum()
    grad, = torch.autograd.grad(score, x)
    return grad.abs().amax(dim=1)
