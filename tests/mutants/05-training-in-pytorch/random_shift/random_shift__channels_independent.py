"""Draws a separate offset for every channel, so the channels of one image come apart."""
import torch
import torch.nn.functional as F


def random_shift(x, max_shift):
    if x.ndim != 4 or not isinstance(max_shift, int) or not 0 <= max_shift < min(x.shape[-2:]):
        raise ValueError("bad arguments")
    s = max_shift
    h, w = x.shape[-2:]
    padded = F.pad(x, (s, s, s, s))
    out = torch.empty_like(x)
    for i in range(x.shape[0]):
        for c in range(x.shape[1]):
            dy, dx = torch.randint(-s, s + 1, (2,)).tolist()
            out[i, c] = padded[i, c, s - dy:s - dy + h, s - dx:s - dx + w]
    return out
