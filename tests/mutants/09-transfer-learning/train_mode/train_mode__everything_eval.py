"""Puts the whole model in eval mode when anything is frozen, so trainable BN and dropout stop training too."""
from torch import nn


def train_mode(model, frozen_bn=True):
    model.train()
    if not frozen_bn:
        return 0
    frozen = [m for m in model.modules() if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d))
              and list(m.parameters()) and not any(p.requires_grad for p in m.parameters())]
    if frozen:
        model.eval()
    return len(frozen)
