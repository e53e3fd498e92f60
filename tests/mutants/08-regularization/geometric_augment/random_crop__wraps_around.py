"""Shifts with torch.roll: pixels that leave one side come back on the other (no zero padding)."""
import numpy as np
import torch

def random_crop(x, pad, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    if isinstance(pad, bool) or not isinstance(pad, (int, np.integer)) or pad < 0:
        raise ValueError("bad pad")
    n = x.shape[0]
    dy = torch.randint(0, 2 * pad + 1, (n,), generator=generator).tolist()
    dx = torch.randint(0, 2 * pad + 1, (n,), generator=generator).tolist()
    return torch.stack([torch.roll(x[i], (pad - dy[i], pad - dx[i]), dims=(1, 2)) for i in range(n)])
