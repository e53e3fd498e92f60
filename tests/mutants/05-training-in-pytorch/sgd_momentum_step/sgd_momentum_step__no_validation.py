"""Correct updates, but zip() silently drops parameters when there are fewer velocities (no ValueError)."""
import torch


def sgd_momentum_step(params, velocities, lr, momentum=0.9, weight_decay=0.0):
    with torch.no_grad():
        for p, v in zip(params, velocities):
            if p.grad is None:
                continue
            g = p.grad + weight_decay * p
            v.mul_(momentum).add_(g)
            p.sub_(lr * v)
