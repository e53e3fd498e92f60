"""Averages the per-class accuracies (balanced accuracy) instead of counting every sample once."""
import torch


def accuracy(logits, y):
    if logits.ndim != 2 or logits.shape[0] == 0 or y.shape != (logits.shape[0],):
        raise ValueError("bad shapes")
    correct = logits.argmax(dim=1) == y
    per_class = [correct[y == k].float().mean().item() for k in torch.unique(y)]
    return sum(per_class) / len(per_class)
