"""Mixes the images but returns the labels unchanged."""
import numpy as np
import torch

def mixup(x, y_onehot, alpha, generator):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("bad x")
    if not isinstance(y_onehot, torch.Tensor) or y_onehot.ndim != 2 or y_onehot.shape[0] != x.shape[0]:
        raise ValueError("bad y_onehot")
    if isinstance(alpha, bool) or not isinstance(alpha, (int, float, np.integer, np.floating)) or not alpha > 0:
        raise ValueError("bad alpha")
    n = x.shape[0]
    lam = sample_beta(alpha, n, generator)
    perm = torch.randperm(n, generator=generator)
    lx = lam.to(x.dtype)[:, None, None, None]
    return lx * x + (1 - lx) * x[perm], y_onehot.clone()
