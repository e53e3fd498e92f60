"""Keeps the whole square inside the image (top-left corner uniform), so it is never clipped."""
import numpy as np
import torch

def cutout(x, size, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 1:
        raise ValueError("bad size")
    n, _, height, width = x.shape
    top = torch.randint(0, max(height - size, 0) + 1, (n,), generator=generator)
    left = torch.randint(0, max(width - size, 0) + 1, (n,), generator=generator)
    out = x.clone()
    for i in range(n):
        out[i, :, top[i]:top[i] + size, left[i]:left[i] + size] = 0
    return out
