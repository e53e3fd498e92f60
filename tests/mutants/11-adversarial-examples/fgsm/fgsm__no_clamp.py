"""Forgets to clamp the result to [0, 1]: pixels leave the image range."""
import torch
import torch.nn.functional as F


def fgsm(model, x, y, eps):
    check_images(x)
    check_labels(y, len(x))
    check_nonnegative(eps, "eps")
    x_var = x.detach().clone().requires_grad_(True)
    loss = F.cross_entropy(model(x_var), y)
    (grad,) = torch.autograd.grad(loss, x_var)   # fills no parameter's .grad
    return (x.detach() + eps * grad.sign())
