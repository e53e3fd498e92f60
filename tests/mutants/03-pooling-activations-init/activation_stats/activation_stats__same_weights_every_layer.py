"""Draws one weight matrix and reuses it in every layer."""
import numpy as np

def activation_stats(x, depth, width, weight_std, activation, seed=0):
    functions = {"sigmoid": sigmoid, "tanh": tanh, "relu": relu, "leaky_relu": leaky_relu}
    if activation not in functions:
        raise ValueError("unknown activation")
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2:
        raise ValueError("x must be (N, D)")
    for value in (depth, width):
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 1:
            raise ValueError("depth and width must be positive integers")
    if not np.isfinite(weight_std) or weight_std <= 0:
        raise ValueError("weight_std must be positive")
    if not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError("seed must be a non-negative integer")
    f = functions[activation]
    rng = np.random.default_rng(seed)
    w = weight_std * rng.standard_normal((x.shape[1], width))
    h, means, stds, activations = x, [], [], []
    for _ in range(depth):
        h = f(h @ w)
        activations.append(h)
        means.append(h.mean())
        stds.append(h.std())
    return {"mean": np.array(means), "std": np.array(stds), "activations": activations}
