"""Zeroes the gradients before the attack, so what the attack left behind joins the step."""
import torch
import torch.nn.functional as F


def adversarial_training_epoch(model, loader, optimizer, eps, attack):
    check_nonnegative(eps, "eps")
    dev = model_device(model)
    model.train()
    total_loss, correct, n = 0.0, 0, 0
    for x, y in loader:
        x, y = x.to(dev), y.to(dev)
        optimizer.zero_grad()
        x_adv = attack(model, x, y, eps)
        logits = model(x_adv)
        loss = F.cross_entropy(logits, y)
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * len(y)
        correct += (logits.argmax(dim=1) == y).sum().item()
        n += len(y)
    if n == 0:
        raise ValueError("the loader yielded no batches")
    return total_loss / n, correct / n
