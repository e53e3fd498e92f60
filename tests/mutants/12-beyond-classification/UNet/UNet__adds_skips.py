"""Adds the skip connections instead of concatenating them (decoder convs take 2w and w channels)."""
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn


class UNet(nn.Module):
    def __init__(self, in_ch, classes, width=16):
        super().__init__()
        for name, value in (("in_ch", in_ch), ("classes", classes), ("width", width)):
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
                raise ValueError(f"{name} must be a positive integer; got {value!r}")
        self.in_ch = in_ch

        self.enc1 = DoubleConv(in_ch, width)
        self.enc2 = DoubleConv(width, 2 * width)
        self.bottom = DoubleConv(2 * width, 4 * width)
        self.up2 = nn.ConvTranspose2d(4 * width, 2 * width, 2, stride=2)
        self.dec2 = DoubleConv(2 * width, 2 * width)
        self.up1 = nn.ConvTranspose2d(2 * width, width, 2, stride=2)
        self.dec1 = DoubleConv(width, width)
        self.head = nn.Conv2d(width, classes, 1)

    def forward(self, x):
        if x.ndim != 4 or x.shape[1] != self.in_ch or x.shape[2] % 4 or x.shape[3] % 4:
            raise ValueError("x must be (B, in_ch, H, W) with H and W divisible by 4")

        e1 = self.enc1(x)
        e2 = self.enc2(F.max_pool2d(e1, 2))
        b = self.bottom(F.max_pool2d(e2, 2))
        d2 = self.dec2(self.up2(b) + e2)
        d1 = self.dec1(self.up1(d2) + e1)
        return self.head(d1)
