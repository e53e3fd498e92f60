"""Returns the parameter itself (not detached, not copied): plotting code can change the model."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def first_layer_filters(model):
    convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
    if not convs:
        raise ValueError("no conv")
    return convs[0].weight
