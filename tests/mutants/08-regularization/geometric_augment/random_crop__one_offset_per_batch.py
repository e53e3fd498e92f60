"""Draws one offset for the whole batch instead of one per image."""
import numpy as np
import torch
import torch.nn.functional as F

def random_crop(x, pad, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    if isinstance(pad, bool) or not isinstance(pad, (int, np.integer)) or pad < 0:
        raise ValueError("bad pad")
    h, w = x.shape[2:]
    padded = F.pad(x, (pad, pad, pad, pad))
    dy, dx = (int(v) for v in torch.randint(0, 2 * pad + 1, (2,), generator=generator))
    return padded[:, :, dy:dy + h, dx:dx + w].clone()
