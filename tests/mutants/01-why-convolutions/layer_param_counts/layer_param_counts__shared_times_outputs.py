"""Shared layer counted as one kernel per output (k*n): sharing not understood."""
def layer_param_counts(m, n, k):
    return {"full": m * n, "local": k * n, "shared": k * n}
