"""Forgets to divide the quadratic part by beta: 0.5 * d^2 below beta."""
import torch
import torch.nn.functional as F


def localization_loss(class_logits, box_pred, labels, box_true, box_weight=1.0, beta=1.0):
    if class_logits.ndim != 2 or labels.shape != (class_logits.shape[0],):
        raise ValueError("class_logits must be (B, K) and labels (B,)")
    if box_pred.shape != (class_logits.shape[0], 4) or box_true.shape != box_pred.shape:
        raise ValueError("box_pred and box_true must both be (B, 4)")
    if not box_weight >= 0 or not beta > 0:
        raise ValueError("box_weight must be >= 0 and beta > 0")
    diff = (box_pred - box_true).abs()

    smooth = torch.where(diff < beta, 0.5 * diff ** 2, diff - 0.5 * beta)
    return F.cross_entropy(class_logits, labels) + box_weight * smooth.mean()
