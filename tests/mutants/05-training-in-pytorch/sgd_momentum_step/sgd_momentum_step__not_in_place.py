"""Rebinds the loop variables (p = p - lr * v) instead of updating the tensors in place: nothing changes."""
import torch


def sgd_momentum_step(params, velocities, lr, momentum=0.9, weight_decay=0.0):
    if len(params) != len(velocities) or not lr > 0 or not 0 <= momentum < 1 or weight_decay < 0:
        raise ValueError("bad arguments")
    with torch.no_grad():
        for p, v in zip(params, velocities):
            if v.shape != p.shape:
                raise ValueError("shape mismatch")
            if p.grad is None:
                continue
            g = p.grad + weight_decay * p
            v = momentum * v + g
            p = p - lr * v
