"""Looks only for nn.BatchNorm2d, so a frozen BatchNorm1d keeps updating its statistics."""
from torch import nn


def train_mode(model, frozen_bn=True):
    model.train()
    if not frozen_bn:
        return 0
    held = 0
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d) and not any(p.requires_grad for p in m.parameters()):
            m.eval()
            held += 1
    return held
