"""A small, readable training loop for classification models.

    history = fit(model, train_loader, val_loader, epochs=5,
                  optimizer=torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9),
                  loss_fn=torch.nn.functional.cross_entropy, device=device)
    cnnlab.plots.plot_history(history)

Each epoch shows a progress bar (a widget in Jupyter, text in a terminal) with the running
loss and accuracy. Notebook 05 has the student write `train_one_epoch` by hand first; this
module is the same loop, kept in one place so later notebooks stay short.
"""
from __future__ import annotations

import time
from typing import Callable

import torch
from torch import nn
from tqdm.auto import tqdm

LossFn = Callable[[torch.Tensor, torch.Tensor], torch.Tensor]


def _check_loader(loader, name: str) -> None:
    if loader is None or not hasattr(loader, "__iter__"):
        raise TypeError(f"{name} must be an iterable of (x, y) batches, e.g. cnnlab.data.make_loader(...); "
                        f"got {type(loader).__name__}")


@torch.no_grad()
def evaluate(model: nn.Module, loader, device: torch.device | str = "cpu",
             loss_fn: LossFn = nn.functional.cross_entropy) -> dict[str, float]:
    """Mean loss and accuracy of `model` over every sample in `loader`.

    Args:
        model: maps x (B, ...) to logits (B, K).
        loader: yields (x, y) with y int64 (B,) class indices.

    Returns:
        {"loss": mean per-sample loss, "accuracy": fraction correct in [0, 1], "n": samples}.
        Means are over samples, not batches, so a smaller last batch is weighted correctly.
    """
    _check_loader(loader, "loader")
    was_training = model.training
    model.eval()
    total_loss, correct, n = 0.0, 0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        total_loss += loss_fn(logits, y).item() * len(y)
        correct += (logits.argmax(dim=1) == y).sum().item()
        n += len(y)
    model.train(was_training)
    if n == 0:
        raise ValueError("the loader yielded no samples")
    return {"loss": total_loss / n, "accuracy": correct / n, "n": n}


@torch.no_grad()
def predict(model: nn.Module, loader, device: torch.device | str = "cpu") -> tuple[torch.Tensor, torch.Tensor]:
    """Predicted classes and true labels for every sample: two int64 CPU tensors of shape (N,)."""
    _check_loader(loader, "loader")
    was_training = model.training
    model.eval()
    preds, labels = [], []
    for x, y in loader:
        preds.append(model(x.to(device)).argmax(dim=1).cpu())
        labels.append(y.cpu())
    model.train(was_training)
    return torch.cat(preds), torch.cat(labels)


def fit(
    model: nn.Module,
    train_loader,
    val_loader,
    epochs: int,
    optimizer: torch.optim.Optimizer,
    loss_fn: LossFn = nn.functional.cross_entropy,
    device: torch.device | str = "cpu",
    scheduler=None,
    progress: bool = True,
) -> dict[str, list[float]]:
    """Train for `epochs` epochs; after each, evaluate on `val_loader` (may be None).

    Returns:
        history with one entry per epoch: "train_loss", "train_acc" (running means over the
        epoch's samples), "val_loss", "val_acc" (empty lists if val_loader is None), and
        "time" (seconds for the epoch, validation included).
    """
    if not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs must be a positive integer; got {epochs!r}")
    _check_loader(train_loader, "train_loader")
    if val_loader is not None:
        _check_loader(val_loader, "val_loader")
    model.to(device)
    history: dict[str, list[float]] = {"train_loss": [], "train_acc": [], "val_loss": [], "val_acc": [], "time": []}
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.train()
        total_loss, correct, n = 0.0, 0, 0
        bar = tqdm(train_loader, desc=f"epoch {epoch}/{epochs}", leave=True, disable=not progress)
        for x, y in bar:
            x, y = x.to(device), y.to(device)
            logits = model(x)
            loss = loss_fn(logits, y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total_loss += loss.item() * len(y)
            correct += (logits.argmax(dim=1) == y).sum().item()
            n += len(y)
            bar.set_postfix(loss=f"{total_loss / n:.4f}", acc=f"{correct / n:.3f}")
        if scheduler is not None:
            scheduler.step()
        if not torch.isfinite(torch.tensor(total_loss)):
            bar.close()
            raise FloatingPointError(f"training loss became {total_loss / max(n, 1)} in epoch {epoch}: "
                                     "the learning rate is probably too high")
        history["train_loss"].append(total_loss / n)
        history["train_acc"].append(correct / n)
        if val_loader is not None:
            val = evaluate(model, val_loader, device, loss_fn)
            history["val_loss"].append(val["loss"])
            history["val_acc"].append(val["accuracy"])
            bar.set_postfix(loss=f"{total_loss / n:.4f}", acc=f"{correct / n:.3f}",
                            val_acc=f"{val['accuracy']:.3f}")
        bar.close()
        history["time"].append(time.perf_counter() - start)
    return history
