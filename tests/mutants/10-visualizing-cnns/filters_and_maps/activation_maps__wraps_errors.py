"""Catches the forward pass's error and raises ValueError instead."""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def activation_maps(model, layer, x):
    if not isinstance(x, torch.Tensor) or x.ndim != 4:
        raise ValueError("x must be 4-D")
    if not any(m is layer for m in model.modules()):
        raise ValueError("layer not in model")
    captured = []
    handle = layer.register_forward_hook(lambda module, inputs, output: captured.append(output))
    try:
        model(x)
    except Exception as exc:
        raise ValueError(f"forward failed: {exc}")
    finally:
        handle.remove()
    return captured[0]
