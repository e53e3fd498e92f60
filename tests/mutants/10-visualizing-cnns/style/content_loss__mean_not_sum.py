"""Mean squared difference instead of the sum."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def content_loss(features, target):
    if features.shape != target.shape:
        raise ValueError("shapes")
    return (features - target).pow(2).mean()
