"""Stable and correct for valid labels, but a label -1 silently picks the last class (no ValueError)."""
import torch


def cross_entropy_from_logits(logits, y):
    if logits.ndim != 2:
        raise ValueError("logits must be 2-D")
    m = logits.max(dim=1, keepdim=True).values
    log_sum_exp = m.squeeze(1) + torch.log(torch.exp(logits - m).sum(dim=1))
    return (log_sum_exp - logits[torch.arange(len(logits)), y]).mean()
