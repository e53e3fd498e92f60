"""Uses argsort itself as the ranks (the order, not the rank of each element)."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def rank_correlation(a, b):
    a = np.asarray(a.detach().cpu() if hasattr(a, "detach") else a, dtype=np.float64).ravel()
    b = np.asarray(b.detach().cpu() if hasattr(b, "detach") else b, dtype=np.float64).ravel()
    if a.size != b.size or a.size < 2:
        raise ValueError("sizes")
    if np.ptp(a) == 0 or np.ptp(b) == 0:
        raise ValueError("constant")
    ra, rb = np.argsort(a).astype(float), np.argsort(b).astype(float)
    return float(np.corrcoef(ra, rb)[0, 1])
