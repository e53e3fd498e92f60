"""Collects the model's outputs (after the head) instead of the layer's."""
import torch


def extract_features(model, loader, layer, device="cpu"):
    if not any(m is layer for m in model.modules()):
        raise ValueError("layer must be a submodule of model")
    outputs = []
    was_training = model.training
    model.eval()
    with torch.no_grad():
        for x, _ in loader:
            outputs.append(model(x.to(device)).flatten(1).cpu())
    model.train(was_training)
    return torch.cat(outputs).float()
