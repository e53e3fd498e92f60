"""Locally connected layer counted as k weights per input instead of per output (k*m)."""
def layer_param_counts(m, n, k):
    return {"full": m * n, "local": k * m, "shared": k}
