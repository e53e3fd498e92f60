"""Gradient DESCENT on the class score (x - lr * g)."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def class_visualization(model, target, steps=100, lr=0.5, l2=1e-3, jitter=2, blur_every=10,
                        shape=(1, 1, 28, 28), seed=0):
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError("steps")
    if lr <= 0 or l2 < 0 or jitter < 0 or blur_every < 0:
        raise ValueError("bad")
    model.eval()
    dev = next(model.parameters()).device
    gen = torch.Generator().manual_seed(seed)
    x = (0.1 * torch.rand(shape, generator=gen)).to(dev)
    for step in range(1, steps + 1):
        dy, dx = (int(v) for v in torch.randint(-jitter, jitter + 1, (2,), generator=gen))
        x = torch.roll(x, shifts=(dy, dx), dims=(2, 3)).requires_grad_(True)
        objective = model(x)[0, target] - l2 * (x ** 2).sum()
        grad, = torch.autograd.grad(objective, x)
        x = torch.roll(x.detach() - lr * grad, shifts=(-dy, -dx), dims=(2, 3)).clamp(0, 1)
        if blur_every and step % blur_every == 0:
            x = blur3x3(x)
    return x.detach()
