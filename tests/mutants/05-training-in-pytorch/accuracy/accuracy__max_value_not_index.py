"""Compares the largest logit's value (max(...).values) with the label instead of its index."""


def accuracy(logits, y):
    if logits.ndim != 2 or logits.shape[0] == 0 or y.shape != (logits.shape[0],):
        raise ValueError("bad shapes")
    return (logits.max(dim=1).values == y).float().mean().item()
