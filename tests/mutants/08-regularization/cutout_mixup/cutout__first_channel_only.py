"""Zeros the square in the first channel only."""
import numpy as np
import torch

def cutout(x, size, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError("bad size")
    n, _, height, width = x.shape
    cy = torch.randint(0, height, (n,), generator=generator)
    cx = torch.randint(0, width, (n,), generator=generator)
    out = x.clone()
    for i in range(n):
        top, left = int(cy[i]) - size // 2, int(cx[i]) - size // 2
        out[i, 0, max(top, 0):top + size, max(left, 0):left + size] = 0
    return out
