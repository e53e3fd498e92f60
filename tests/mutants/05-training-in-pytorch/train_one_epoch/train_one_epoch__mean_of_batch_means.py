"""Averages the per-batch loss and accuracy over batches: a ragged last batch gets too much weight."""


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    losses, accs = [], []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        loss = loss_fn(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        accs.append((logits.argmax(dim=1) == y).float().mean().item())
    if not losses:
        raise ValueError("empty loader")
    return sum(losses) / len(losses), sum(accs) / len(accs)
