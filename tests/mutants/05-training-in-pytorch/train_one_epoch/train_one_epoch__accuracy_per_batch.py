"""Loss weighted by batch size, but the accuracy is a mean of per-batch accuracies (ragged last batch)."""


def train_one_epoch(model, loader, optimizer, loss_fn, device):
    model.train()
    total_loss, n, accs = 0.0, 0, []
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        loss = loss_fn(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * len(y)
        n += len(y)
        accs.append((logits.argmax(dim=1) == y).float().mean().item())
    if n == 0:
        raise ValueError("empty loader")
    return total_loss / n, sum(accs) / len(accs)
