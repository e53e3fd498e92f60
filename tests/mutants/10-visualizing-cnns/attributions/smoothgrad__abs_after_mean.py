"""Averages the signed gradients first and takes |.| of the mean (noise cancels the gradient)."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def smoothgrad(model, x, target, sigma=0.15, n=25, generator=None):
    if not isinstance(sigma, (int, float)) or isinstance(sigma, bool) or sigma < 0:
        raise ValueError("sigma")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x")
    noise = torch.randn((n, *x.shape), generator=generator, dtype=x.dtype)
    model.eval()
    grads = []
    for i in range(n):
        xi = (x + sigma * noise[i]).detach().requires_grad_(True)
        g, = torch.autograd.grad(model(xi).gather(1, target.view(-1, 1)).sum(), xi)
        grads.append(g)
    return torch.stack(grads).mean(dim=0).abs().amax(dim=1)
