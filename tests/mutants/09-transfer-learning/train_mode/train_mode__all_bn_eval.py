"""Puts every batch norm layer in eval mode, frozen or not."""
from torch import nn


def train_mode(model, frozen_bn=True):
    model.train()
    if not frozen_bn:
        return 0
    held = 0
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)):
            m.eval()
            held += 1
    return held
