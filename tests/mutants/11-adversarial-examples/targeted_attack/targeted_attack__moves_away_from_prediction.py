"""Untargeted: climbs the loss of the current prediction instead of descending the target's."""
import torch
import torch.nn.functional as F


def targeted_attack(model, x, target, eps, alpha, max_steps):
    check_images(x)
    check_labels(target, len(x), "target")
    check_nonnegative(eps, "eps")
    check_nonnegative(alpha, "alpha")
    if alpha == 0:
        raise ValueError("alpha must be > 0")
    if isinstance(max_steps, bool) or not isinstance(max_steps, int) or max_steps < 0:
        raise ValueError(f"max_steps must be an integer >= 0; got {max_steps!r}")
    x = x.detach()
    x_adv = x.clone()
    steps_used = torch.zeros(len(x), dtype=torch.int64, device=x.device)
    for _ in range(max_steps):
        x_var = x_adv.clone().requires_grad_(True)
        logits = model(x_var)
        if target.max() >= logits.shape[1]:
            raise ValueError(f"target must lie in 0..{logits.shape[1] - 1}; got {int(target.max())}")
        active = logits.argmax(dim=1) != target                  # images still to be moved
        if not active.any():
            break
        (grad,) = torch.autograd.grad(-F.cross_entropy(logits, logits.argmax(dim=1)), x_var)
        step = -alpha * grad.sign() * active[:, None, None, None]  # downhill on the target's loss
        x_adv = torch.minimum(torch.maximum(x_adv + step, x - eps), x + eps).clamp(0.0, 1.0)
        steps_used += active.long()
    return x_adv, steps_used
