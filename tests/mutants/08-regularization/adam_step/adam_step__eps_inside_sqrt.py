"""Puts eps inside the square root, sqrt(v_hat + eps), instead of adding it to sqrt(v_hat)."""
import torch

def adam_step(params, grads, state, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    params, grads = list(params), list(grads)
    if len(params) != len(grads) or any(p.shape != g.shape for p, g in zip(params, grads)):
        raise ValueError("params and grads do not match")
    beta1, beta2 = betas
    if not lr > 0 or not 0 <= beta1 < 1 or not 0 <= beta2 < 1 or not eps > 0 or not weight_decay >= 0:
        raise ValueError("bad hyper-parameters")
    if not state:
        state.update(step=0, m=[torch.zeros_like(p) for p in params], v=[torch.zeros_like(p) for p in params])
    state["step"] += 1
    t = state["step"]
    with torch.no_grad():
        for p, grad, m, v in zip(params, grads, state["m"], state["v"]):
            g = grad + weight_decay * p if not decoupled else grad
            if decoupled:
                p.mul_(1 - lr * weight_decay)
            m.mul_(beta1).add_((1 - beta1) * g)
            v.mul_(beta2).add_((1 - beta2) * g * g)
            p.sub_(lr * (m / (1 - beta1 ** t)) / (v / (1 - beta2 ** t) + eps).sqrt())
