"""Calls PyTorch's own F.cross_entropy instead of writing the log-sum-exp."""
import torch.nn.functional as F


def cross_entropy_from_logits(logits, y):
    if logits.ndim != 2 or y.shape != (logits.shape[0],) or y.min() < 0 or y.max() >= logits.shape[1]:
        raise ValueError("bad shapes or labels")
    return F.cross_entropy(logits, y)
