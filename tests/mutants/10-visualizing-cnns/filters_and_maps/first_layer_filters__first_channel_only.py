"""Keeps only input channel 0: returns (F, kh, kw) instead of (F, C, kh, kw)."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def first_layer_filters(model):
    convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
    if not convs:
        raise ValueError("no conv")
    return convs[0].weight.detach().cpu().clone()[:, 0]
