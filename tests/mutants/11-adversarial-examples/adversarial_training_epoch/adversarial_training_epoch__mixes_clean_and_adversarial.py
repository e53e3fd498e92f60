"""Trains on the mean of the clean and adversarial losses (Goodfellow's mix), not on x_adv alone."""
import torch
import torch.nn.functional as F


def adversarial_training_epoch(model, loader, optimizer, eps, attack):
    check_nonnegative(eps, "eps")
    dev = model_device(model)
    model.train()
    total_loss, correct, n = 0.0, 0, 0
    for x, y in loader:
        x, y = x.to(dev), y.to(dev)
        x_adv = attack(model, x, y, eps)
        optimizer.zero_grad()                       # the attack may have left gradients behind
        logits = model(x_adv)
        loss = 0.5 * F.cross_entropy(logits, y) + 0.5 * F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * len(y)
        correct += (logits.argmax(dim=1) == y).sum().item()
        n += len(y)
    if n == 0:
        raise ValueError("the loader yielded no batches")
    return total_loss / n, correct / n
