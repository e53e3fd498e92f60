"""Flips each channel with its own coin, so colour channels of one image disagree."""
import numpy as np
import torch

def random_hflip(x, p, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not 0 <= p <= 1:
        raise ValueError("bad p")
    flip = torch.rand(x.shape[0], x.shape[1], generator=generator) < p
    return torch.where(flip[:, :, None, None], x.flip(-1), x)
