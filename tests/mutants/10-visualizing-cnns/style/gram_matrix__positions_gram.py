"""Computes F^T F (positions x positions) instead of F F^T."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def gram_matrix(features):
    if not isinstance(features, torch.Tensor) or features.ndim != 4:
        raise ValueError("features")
    n, c, h, w = features.shape
    flat = features.reshape(n, c, h * w)
    return flat.transpose(1, 2) @ flat / (c * h * w)
