"""Forgets the max-pool at the end of the block: the size is not halved."""
import numpy as np
from torch import nn


def vgg_block(in_channels, out_channels, num_convs):
    for name, value in (("in_channels", in_channels), ("out_channels", out_channels), ("num_convs", num_convs)):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a positive integer; got {value!r}")
    layers = []
    for i in range(num_convs):
        layers += [nn.Conv2d(in_channels if i == 0 else out_channels, out_channels, kernel_size=3, padding=1),
                   nn.ReLU(inplace=True)]
    return nn.Sequential(*layers)
