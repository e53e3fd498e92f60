"""Pads but does not crop back: returns the padded image, (H + 2 pad) x (W + 2 pad)."""
import numpy as np
import torch
import torch.nn.functional as F

def random_crop(x, pad, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    if isinstance(pad, bool) or not isinstance(pad, (int, np.integer)) or pad < 0:
        raise ValueError("bad pad")
    return F.pad(x, (pad, pad, pad, pad))
