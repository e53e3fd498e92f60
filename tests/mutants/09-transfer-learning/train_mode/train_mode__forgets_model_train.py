"""Never calls model.train(): a model that was in eval mode stays there."""
from torch import nn


def train_mode(model, frozen_bn=True):
    if not frozen_bn:
        return 0
    held = 0
    for m in model.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d)):
            params = list(m.parameters())
            if params and not any(p.requires_grad for p in params):
                m.eval()
                held += 1
    return held
