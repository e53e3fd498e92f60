"""Clamps each step to [x_adv - eps, x_adv + eps] around the previous iterate, not the clean x."""
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
        u = eps * (2 * torch.rand(x.shape, generator=rng, dtype=x.dtype) - 1)
        x_adv = (x + u.to(x.device)).clamp(0.0, 1.0)
    for _ in range(steps):
        x_var = x_adv.clone().requires_grad_(True)
        (grad,) = torch.autograd.grad(F.cross_entropy(model(x_var), y), x_var)
        previous = x_adv
        x_adv = x_adv + alpha * grad.sign()
        x_adv = torch.minimum(torch.maximum(x_adv, previous - eps), previous + eps)
        x_adv = x_adv.clamp(0.0, 1.0)                                     # and onto the images
    return x_adv
