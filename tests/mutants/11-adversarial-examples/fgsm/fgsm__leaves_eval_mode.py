"""Calls model.eval() and never restores the mode the model was in."""
import torch
import torch.nn.functional as F


def fgsm(model, x, y, eps):
    check_images(x)
    check_labels(y, len(x))
    check_nonnegative(eps, "eps")
    model.eval()
    x_var = x.detach().clone().requires_grad_(True)
    loss = F.cross_entropy(model(x_var), y)
    (grad,) = torch.autograd.grad(loss, x_var)   # fills no parameter's .grad
    return (x.detach() + eps * grad.sign()).clamp(0.0, 1.0)
