"""Calls loss.backward(), which adds to every parameter's .grad as well."""
import torch
import torch.nn.functional as F


def fgsm(model, x, y, eps):
    check_images(x)
    check_labels(y, len(x))
    check_nonnegative(eps, "eps")
    x_var = x.detach().clone().requires_grad_(True)
    loss = F.cross_entropy(model(x_var), y)
    loss.backward()
    grad = x_var.grad
    return (x.detach() + eps * grad.sign()).clamp(0.0, 1.0)
