"""Leaves the model in eval mode afterwards."""
import torch


def extract_features(model, loader, layer, device="cpu"):
    if not any(m is layer for m in model.modules()):
        raise ValueError("layer must be a submodule of model")
    outputs = []
    handle = layer.register_forward_hook(lambda module, inputs, output: outputs.append(output.detach().flatten(1).cpu()))
    model.eval()
    try:
        with torch.no_grad():
            for x, _ in loader:
                model(x.to(device))
    finally:
        handle.remove()
    return torch.cat(outputs).float()
