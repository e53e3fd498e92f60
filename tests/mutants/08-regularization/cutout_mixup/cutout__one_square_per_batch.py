"""Draws one square position for the whole batch."""
import numpy as np
import torch

def cutout(x, size, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError("bad size")
    n, _, height, width = x.shape
    cy = int(torch.randint(0, height, (1,), generator=generator))
    cx = int(torch.randint(0, width, (1,), generator=generator))
    out = x.clone()
    top, left = max(cy - size // 2, 0), max(cx - size // 2, 0)
    out[:, :, top:cy - size // 2 + size, left:cx - size // 2 + size] = 0
    return out
