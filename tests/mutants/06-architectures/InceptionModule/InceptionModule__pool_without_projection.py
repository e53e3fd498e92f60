"""The pooling branch has no 1x1 projection: it passes all input channels through."""
import numpy as np
import torch
from torch import nn


class InceptionModule(nn.Module):
    def __init__(self, in_channels, c1, c3_reduce, c3, c5_reduce, c5, pool_proj):
        super().__init__()
        for value in (in_channels, c1, c3_reduce, c3, c5_reduce, c5, pool_proj):
            if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
                raise ValueError(f"channel counts must be positive integers; got {value!r}")
        self.branch1 = nn.Sequential(nn.Conv2d(in_channels, c1, 1), nn.ReLU(inplace=True))
        self.branch3 = nn.Sequential(nn.Conv2d(in_channels, c3_reduce, 1), nn.ReLU(inplace=True),
                                     nn.Conv2d(c3_reduce, c3, 3, padding=1), nn.ReLU(inplace=True))
        self.branch5 = nn.Sequential(nn.Conv2d(in_channels, c5_reduce, 1), nn.ReLU(inplace=True),
                                     nn.Conv2d(c5_reduce, c5, 5, padding=2), nn.ReLU(inplace=True))
        self.branch_pool = nn.MaxPool2d(3, stride=1, padding=1)

    def forward(self, x):
        return torch.cat([self.branch1(x), self.branch3(x), self.branch5(x), self.branch_pool(x)], dim=1)
