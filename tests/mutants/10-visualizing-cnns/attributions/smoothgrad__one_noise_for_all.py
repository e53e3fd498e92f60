"""Uses the first noise sample for every copy."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def smoothgrad(model, x, target, sigma=0.15, n=25, generator=None):
    if not isinstance(sigma, (int, float)) or isinstance(sigma, bool) or sigma < 0:
        raise ValueError("sigma")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError("n")
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x")
    noise = torch.randn((n, *x.shape), generator=generator, dtype=x.dtype)
    return torch.stack([saliency_map(model, x + sigma * noise[0], target) for i in range(n)]).mean(dim=0)
