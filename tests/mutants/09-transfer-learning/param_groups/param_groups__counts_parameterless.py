"""Counts children without parameters (pool, ReLU) as stages, shifting every exponent below them."""
def param_groups(model, base_lr, decay=0.5):
    if not base_lr > 0:
        raise ValueError("base_lr must be positive")
    if not 0 < decay <= 1:
        raise ValueError("decay must be in (0, 1]")
    stages = list(model.named_children())
    groups = []
    for i, (name, child) in enumerate(stages):
        trainable = [p for p in child.parameters() if p.requires_grad]
        if trainable:
            groups.append({"name": name, "params": trainable, "lr": base_lr * decay ** (len(stages) - 1 - i)})
    return groups
