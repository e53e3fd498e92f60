"""Counts the layer outputs but forgets the input image."""
import math

import numpy as np
import torch
from torch import nn


def activation_memory(model, input_shape):
    if not isinstance(model, nn.Module):
        raise ValueError("model must be an nn.Module")
    if (not isinstance(input_shape, (tuple, list)) or len(input_shape) == 0
            or not all(isinstance(s, (int, np.integer)) and not isinstance(s, bool) and s > 0 for s in input_shape)):
        raise ValueError("input_shape must be a non-empty tuple of positive ints")
    total = 0

    def hook(module, inputs, output):
        nonlocal total
        total += output[0].numel()

    param = next(model.parameters(), None)
    dev = param.device if param is not None else torch.device("cpu")
    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, STORES_ACTIVATIONS)]
    was_training = model.training
    try:
        model.eval()
        with torch.no_grad():
            model(torch.zeros(1, *input_shape, device=dev))
    finally:
        for h in handles:
            h.remove()
        model.train(was_training)
    return int(total)
