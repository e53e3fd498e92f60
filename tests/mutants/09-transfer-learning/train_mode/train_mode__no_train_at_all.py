"""Only freezes gradients, the classic bug: model.train() and nothing else, BN statistics drift."""
from torch import nn


def train_mode(model, frozen_bn=True):
    model.train()
    return sum(isinstance(m, nn.BatchNorm2d) and not any(p.requires_grad for p in m.parameters())
               for m in model.modules()) if frozen_bn else 0
