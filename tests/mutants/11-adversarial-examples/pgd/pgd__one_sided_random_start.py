"""Draws the random start from [0, eps] instead of [-eps, eps]."""
import torch
import torch.nn.functional as F


def pgd(model, x, y, eps, alpha, steps, random_start=True, rng=None):
    check_images(x)
    check_labels(y, len(x))
    check_nonnegative(eps, "eps")
    check_nonnegative(alpha, "alpha")
    if alpha == 0:
        raise ValueError("alpha must be > 0")
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a positive integer; got {steps!r}")
    x = x.detach()
    x_adv = x.clone()
    if random_start:
        u = eps * torch.rand(x.shape, generator=rng, dtype=x.dtype)
        x_adv = (x + u.to(x.device)).clamp(0.0, 1.0)
    for _ in range(steps):
        x_var = x_adv.clone().requires_grad_(True)
        (grad,) = torch.autograd.grad(F.cross_entropy(model(x_var), y), x_var)
        x_adv = x_adv + alpha * grad.sign()                               # step uphill
        x_adv = torch.minimum(torch.maximum(x_adv, x - eps), x + eps)     # project onto the eps ball around x
        x_adv = x_adv.clamp(0.0, 1.0)                                     # and onto the images
    return x_adv
