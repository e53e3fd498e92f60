"""Multiplies the jump by a layer's own stride before adding that layer's kernel."""
import numpy as np


def receptive_field(layers):
    if not isinstance(layers, (list, tuple)):
        raise ValueError("layers must be a list of (kernel, stride, dilation) tuples")
    field, jump = 1, 1
    for layer in layers:
        if (not isinstance(layer, (tuple, list)) or len(layer) != 3
                or not all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) and v >= 1 for v in layer)):
            raise ValueError(f"bad layer {layer!r}")
        kernel, stride, dilation = layer
        jump *= stride
        field += dilation * (kernel - 1) * jump
    return int(field)
