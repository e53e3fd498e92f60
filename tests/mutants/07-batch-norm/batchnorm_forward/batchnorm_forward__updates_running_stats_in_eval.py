"""Updates the running statistics in eval mode too (with the test batch)."""
import numpy as np


def batchnorm_forward(x, gamma, beta, bn_param):
    x = as_float_array(x, 2, "x (N, D)")
    N, D = x.shape
    gamma = as_float_array(gamma, 1, "gamma (D,)")
    beta = as_float_array(beta, 1, "beta (D,)")
    if gamma.shape != (D,) or beta.shape != (D,):
        raise ValueError(f"gamma and beta must have shape ({D},), one value per feature of x {x.shape}; "
                         f"got {gamma.shape} and {beta.shape}")
    if not isinstance(bn_param, dict):
        raise ValueError(f"bn_param must be a dict; got {type(bn_param).__name__}")
    mode = bn_param.get("mode")
    if mode not in ("train", "eval"):
        raise ValueError(f'bn_param["mode"] must be "train" or "eval"; got {mode!r}')
    eps = bn_param.get("eps", 1e-5)
    momentum = bn_param.get("momentum", 0.1)
    for key, init in (("running_mean", np.zeros), ("running_var", np.ones)):
        bn_param[key] = np.asarray(bn_param.get(key, init(D)), dtype=np.float64)
        if bn_param[key].shape != (D,):
            raise ValueError(f'bn_param["{key}"] must have shape ({D},); got {bn_param[key].shape}')
    if N >= 2:
        mean = x.mean(axis=0)
        var = x.var(axis=0)
        bn_param["running_mean"] *= 1 - momentum
        bn_param["running_mean"] += momentum * mean
        bn_param["running_var"] *= 1 - momentum
        bn_param["running_var"] += momentum * var * N / (N - 1)
    if mode == "train":
        if N < 2:
            raise ValueError(f"expected more than 1 value per feature in train mode; got x of shape {x.shape}")
        mean = x.mean(axis=0)
        var = x.var(axis=0)  # biased: divide by N
    else:
        mean, var = bn_param["running_mean"].copy(), bn_param["running_var"].copy()
    xhat = (x - mean) / np.sqrt(var + eps)
    out = gamma * xhat + beta
    return out, (x, xhat, mean, var, gamma, eps)
