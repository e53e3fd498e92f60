"""Calls loss.backward(), which also fills the model parameters' .grad."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def invert_features(model, layer, target_features, steps=200, tv_weight=1e-3, lr=0.05, shape=(1, 1, 28, 28), seed=0):
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError("steps")
    if tv_weight < 0 or lr <= 0:
        raise ValueError("bad")
    norm = target_features.detach().pow(2).sum()
    if norm == 0:
        raise ValueError("zero target")
    model.eval()
    gen = torch.Generator().manual_seed(seed)
    x = (0.5 + 0.1 * torch.randn(shape, generator=gen)).clamp(0, 1).to(target_features.device).requires_grad_(True)
    optimizer = torch.optim.Adam([x], lr=lr)
    for _ in range(steps):
        feats = activation_maps(model, layer, x)
        loss = (feats - target_features.detach()).pow(2).sum() / norm + tv_weight * total_variation(x)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        with torch.no_grad():
            x.clamp_(0, 1)
    return x.detach()
