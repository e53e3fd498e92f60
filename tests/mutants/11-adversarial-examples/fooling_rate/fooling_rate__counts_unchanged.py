"""Returns the fraction of images whose prediction does NOT change."""
import torch
import torch.nn.functional as F


def fooling_rate(model, loader, r):
    if not isinstance(r, torch.Tensor) or r.ndim != 3 or not torch.is_floating_point(r):
        raise ValueError(f"r must be a float tensor (C, H, W); got "
                         f"{tuple(r.shape) if isinstance(r, torch.Tensor) else type(r).__name__}")
    dev = model_device(model)
    fooled, n = 0, 0
    with torch.no_grad():
        for x, _ in loader:
            x = x.to(dev)
            check_images(x)
            if x.shape[1:] != r.shape:
                raise ValueError(f"r has shape {tuple(r.shape)} but the images are {tuple(x.shape[1:])}")
            clean = model(x).argmax(dim=1)
            perturbed = model((x + r.to(dev)).clamp(0.0, 1.0)).argmax(dim=1)
            fooled += (clean == perturbed).sum().item()
            n += len(x)
    if n == 0:
        raise ValueError("the loader yielded no images")
    return fooled / n
