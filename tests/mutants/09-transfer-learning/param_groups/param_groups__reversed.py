"""Decays in the wrong direction: the stem gets base_lr and the head the smallest rate."""
def param_groups(model, base_lr, decay=0.5):
    if not base_lr > 0:
        raise ValueError("base_lr must be positive")
    if not 0 < decay <= 1:
        raise ValueError("decay must be in (0, 1]")
    stages = [(n, list(c.parameters())) for n, c in model.named_children()]
    stages = [(n, ps) for n, ps in stages if ps]
    groups = []
    for i, (name, params) in enumerate(stages):
        trainable = [p for p in params if p.requires_grad]
        if trainable:
            groups.append({"name": name, "params": trainable, "lr": base_lr * decay ** i})
    return groups
