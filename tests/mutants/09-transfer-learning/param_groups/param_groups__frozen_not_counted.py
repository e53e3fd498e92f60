"""Counts only stages with trainable parameters in S, so frozen stages shift the rates."""
def param_groups(model, base_lr, decay=0.5):
    if not base_lr > 0:
        raise ValueError("base_lr must be positive")
    if not 0 < decay <= 1:
        raise ValueError("decay must be in (0, 1]")
    stages = [(n, [p for p in c.parameters() if p.requires_grad]) for n, c in model.named_children()]
    stages = [(n, ps) for n, ps in stages if ps]
    return [{"name": name, "params": params, "lr": base_lr * decay ** (len(stages) - 1 - i)}
            for i, (name, params) in enumerate(stages)]
