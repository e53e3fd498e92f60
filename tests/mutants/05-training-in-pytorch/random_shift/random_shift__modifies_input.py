"""Shifts the images in place, overwriting the caller's batch."""
import torch
import torch.nn.functional as F


def random_shift(x, max_shift):
    if x.ndim != 4 or not isinstance(max_shift, int) or not 0 <= max_shift < min(x.shape[-2:]):
        raise ValueError("bad arguments")
    s = max_shift
    h, w = x.shape[-2:]
    padded = F.pad(x, (s, s, s, s))
    for i in range(len(x)):
        dy, dx = torch.randint(-s, s + 1, (2,)).tolist()
        x[i] = padded[i, :, s - dy:s - dy + h, s - dx:s - dx + w]
    return x
