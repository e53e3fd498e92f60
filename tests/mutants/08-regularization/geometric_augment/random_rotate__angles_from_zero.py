"""Draws angles in [0, max_degrees] instead of [-max_degrees, max_degrees]."""
import numpy as np
import torch
import torch.nn.functional as F

def random_rotate(x, max_degrees, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4 or x.shape[2] != x.shape[3]:
        raise ValueError("x must be (N, C, S, S)")
    if isinstance(max_degrees, bool) or not isinstance(max_degrees, (int, float, np.integer, np.floating)) \
            or not max_degrees >= 0:
        raise ValueError("bad max_degrees")
    n = x.shape[0]
    a = torch.deg2rad(max_degrees * torch.rand(n, generator=generator, dtype=torch.float64))
    theta = torch.zeros(n, 2, 3, dtype=torch.float64)
    theta[:, 0, 0], theta[:, 0, 1] = torch.cos(a), -torch.sin(a)
    theta[:, 1, 0], theta[:, 1, 1] = torch.sin(a), torch.cos(a)
    grid = F.affine_grid(theta.to(x.dtype), list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
