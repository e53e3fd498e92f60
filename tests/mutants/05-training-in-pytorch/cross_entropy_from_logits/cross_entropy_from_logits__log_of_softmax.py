"""log(softmax(z)): softmax is stable, but a probability that underflows to 0 gives log(0) = -inf."""
import torch


def cross_entropy_from_logits(logits, y):
    if logits.ndim != 2 or y.shape != (logits.shape[0],) or y.min() < 0 or y.max() >= logits.shape[1]:
        raise ValueError("bad shapes or labels")
    probs = torch.softmax(logits, dim=1)
    return -torch.log(probs[torch.arange(len(y)), y]).mean()
