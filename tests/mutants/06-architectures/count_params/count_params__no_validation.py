"""No input check: a list of layers or a tensor raises AttributeError instead of ValueError."""


def count_params(model):
    return int(sum(p.numel() for p in model.parameters()))
