"""Multiplies activations by the gradient at each position (no spatial average of the gradient)."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def grad_cam(model, x, target, layer):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x")
    if not isinstance(target, torch.Tensor) or target.shape != (len(x),):
        raise ValueError("target")
    if not any(m is layer for m in model.modules()):
        raise ValueError("layer")
    model.eval()
    captured = []
    handle = layer.register_forward_hook(lambda module, inputs, output: captured.append(output))
    try:
        logits = model(x.detach().clone().requires_grad_(True))
    finally:
        handle.remove()
    acts = captured[0]
    grads, = torch.autograd.grad(logits.gather(1, target.view(-1, 1)).sum(), acts)
    return F.relu((grads * acts).sum(dim=1)).detach()
