"""Takes the loss of the model's predicted class instead of the true label y."""
import torch
import torch.nn.functional as F


def fgsm(model, x, y, eps):
    check_images(x)
    check_labels(y, len(x))
    check_nonnegative(eps, "eps")
    x_var = x.detach().clone().requires_grad_(True)
    logits = model(x_var)
    loss = F.cross_entropy(logits, logits.argmax(dim=1))
    (grad,) = torch.autograd.grad(loss, x_var)   # fills no parameter's .grad
    return (x.detach() + eps * grad.sign()).clamp(0.0, 1.0)
