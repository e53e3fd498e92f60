"""Flips the whole batch or nothing, with one coin for all images."""
import numpy as np
import torch

def random_hflip(x, p, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    if isinstance(p, bool) or not isinstance(p, (int, float, np.integer, np.floating)) or not 0 <= p <= 1:
        raise ValueError("bad p")
    return x.flip(-1) if float(torch.rand(1, generator=generator)) < p else x.clone()
