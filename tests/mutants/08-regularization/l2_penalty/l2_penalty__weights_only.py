"""Skips the biases (only tensors named 'weight'), unlike weight_decay on model.parameters()."""
import numpy as np

def l2_penalty(model, lam):
    if isinstance(lam, bool) or not isinstance(lam, (int, float, np.integer, np.floating)) or not lam >= 0:
        raise ValueError("bad lam")
    return 0.5 * lam * sum((p ** 2).sum() for name, p in model.named_parameters() if name.endswith("weight"))
