"""Returns after the first layer (return inside the loop)."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def style_loss(features, target_grams, weights):
    if not (len(features) == len(target_grams) == len(weights)):
        raise ValueError("lengths")
    for f, t, w in zip(features, target_grams, weights):
        return w * (gram_matrix(f) - t).pow(2).sum()
