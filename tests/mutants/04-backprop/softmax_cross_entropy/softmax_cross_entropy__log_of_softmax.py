"""Shifts by the maximum but takes log(softmax): log(0) = -inf when a probability underflows."""
import numpy as np


def softmax_cross_entropy(logits, y):
    z = as_float_array(logits, 2, "logits (N, K)")
    y = np.asarray(y)
    N, K = z.shape
    if y.shape != (N,) or not np.issubdtype(y.dtype, np.integer):
        raise ValueError(f"y must be {N} integer labels, shape ({N},); got {y.dtype} array of shape {y.shape}")
    if N == 0 or y.min() < 0 or y.max() >= K:
        raise ValueError(f"labels must lie in 0..{K - 1}; got {y}")
    shifted = z - z.max(axis=1, keepdims=True)
    probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore"):
        log_probs = np.log(probs)
    loss = -log_probs[np.arange(N), y].mean()
    dlogits = np.exp(log_probs)
    dlogits[np.arange(N), y] -= 1.0
    return float(loss), dlogits / N
