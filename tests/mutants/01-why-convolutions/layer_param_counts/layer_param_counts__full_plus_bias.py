"""Counts a bias per output in the fully connected layer (m*n + n)."""
def layer_param_counts(m, n, k):
    if k > m or min(m, n, k) < 1:
        raise ValueError("bad sizes")
    return {"full": m * n + n, "local": k * n, "shared": k}
