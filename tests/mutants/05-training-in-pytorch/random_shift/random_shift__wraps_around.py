"""Uses torch.roll: pixels pushed out on one side wrap around to the other instead of zeros."""
import torch


def random_shift(x, max_shift):
    if x.ndim != 4 or not isinstance(max_shift, int) or not 0 <= max_shift < min(x.shape[-2:]):
        raise ValueError("bad arguments")
    out = torch.empty_like(x)
    for i in range(len(x)):
        dy, dx = torch.randint(-max_shift, max_shift + 1, (2,)).tolist()
        out[i] = torch.roll(x[i], shifts=(dy, dx), dims=(-2, -1))
    return out
