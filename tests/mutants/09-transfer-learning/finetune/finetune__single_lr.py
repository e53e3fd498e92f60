"""Ignores discriminative learning rates: one lr for every trainable parameter."""
import torch
import torch.nn.functional as F


def finetune(model, train_loader, val_loader=None, epochs=1, lr=0.01, decay=1.0, weight_decay=0.0,
             frozen_bn=True, device="cpu"):
    if not isinstance(epochs, int) or epochs < 1:
        raise ValueError("epochs must be a positive integer")
    model.to(device)
    optimizer = torch.optim.SGD([p for p in model.parameters() if p.requires_grad], lr=lr, momentum=0.9, weight_decay=weight_decay)
    history = {"train_loss": [], "val_loss": [], "val_acc": []}
    for _ in range(epochs):
        train_mode(model, frozen_bn)
        total, n = 0.0, 0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            loss = F.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(y)
            n += len(y)
        history["train_loss"].append(total / n)
        if val_loader is not None:
            result = evaluate(model, val_loader, device)
            history["val_loss"].append(result["loss"])
            history["val_acc"].append(result["accuracy"])
    return history
