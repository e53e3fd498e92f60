"""Does not check that H and W are divisible by 4 (odd sizes fail later with a cryptic cat error or silently crop)."""
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
        self.dec2 = DoubleConv(4 * width, 2 * width)
        self.up1 = nn.ConvTranspose2d(2 * width, width, 2, stride=2)
        self.dec1 = DoubleConv(2 * width, width)
        self.head = nn.Conv2d(width, classes, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(F.max_pool2d(e1, 2))
        b = self.bottom(F.max_pool2d(e2, 2))
        up = self.up2(b)
        d2 = self.dec2(torch.cat([up, e2[:, :, :up.shape[2], :up.shape[3]]], dim=1))
        up = self.up1(d2)
        d1 = self.dec1(torch.cat([up, e1[:, :, :up.shape[2], :up.shape[3]]], dim=1))
        return self.head(d1)
