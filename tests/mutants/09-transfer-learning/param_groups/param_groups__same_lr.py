"""Gives every group base_lr: decay is never applied."""
def param_groups(model, base_lr, decay=0.5):
    if not base_lr > 0:
        raise ValueError("base_lr must be positive")
    if not 0 < decay <= 1:
        raise ValueError("decay must be in (0, 1]")
    groups = []
    for name, child in model.named_children():
        trainable = [p for p in child.parameters() if p.requires_grad]
        if trainable:
            groups.append({"name": name, "params": trainable, "lr": base_lr})
    return groups
