"""Projects r onto the L2 ball of radius eps instead of the L_inf ball."""
import torch
import torch.nn.functional as F


def universal_perturbation(model, loader, eps, max_passes, alpha):
    check_nonnegative(eps, "eps")
    check_nonnegative(alpha, "alpha")
    if alpha == 0:
        raise ValueError("alpha must be > 0")
    if isinstance(max_passes, bool) or not isinstance(max_passes, int) or max_passes < 1:
        raise ValueError(f"max_passes must be a positive integer; got {max_passes!r}")
    dev = model_device(model)
    r = None
    for _ in range(max_passes):
        for x, _ in loader:
            x = x.to(dev)
            check_images(x)
            if r is None:
                r = torch.zeros(x.shape[1:], dtype=x.dtype, device=dev)
            with torch.no_grad():
                clean = model(x).argmax(dim=1)
            x_r = (x + r).clamp(0.0, 1.0).requires_grad_(True)
            logits = model(x_r)
            still = logits.argmax(dim=1) == clean                         # images r does not fool yet
            if not still.any():
                continue
            loss = F.cross_entropy(logits[still], clean[still], reduction="sum")
            (grad,) = torch.autograd.grad(loss, x_r)                      # rows of fooled images are 0
            r = r + alpha * grad.sum(dim=0).sign()
            r = (r * torch.clamp(eps / r.norm().clamp_min(1e-12), max=1.0)).detach()
    if r is None:
        raise ValueError("the loader yielded no images")
    return r
