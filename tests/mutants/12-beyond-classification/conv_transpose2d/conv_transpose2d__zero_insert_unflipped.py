"""Inserts zeros, pads by k - 1 - p and cross-correlates with the unflipped kernel."""
import numpy as np


def conv_transpose2d(x, w, stride=1, pad=0):
    x, w = np.asarray(x, dtype=np.float64), np.asarray(w, dtype=np.float64)
    if x.ndim != 4 or w.ndim != 4:
        raise ValueError("x must be (N, C_in, H, W) and w (C_in, C_out, kh, kw)")
    if x.shape[1] != w.shape[0]:
        raise ValueError("channels disagree")
    for name, value, low in (("stride", stride, 1), ("pad", pad, 0)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
            raise ValueError(f"{name} must be an integer >= {low}")
    N, C_in, H, W = x.shape
    _, C_out, kh, kw = w.shape
    Hf, Wf = (H - 1) * stride + kh, (W - 1) * stride + kw
    if Hf - 2 * pad < 1 or Wf - 2 * pad < 1:
        raise ValueError("pad too large")

    up = np.zeros((N, C_in, (H - 1) * stride + 1, (W - 1) * stride + 1))
    up[:, :, ::stride, ::stride] = x
    ph, pw = kh - 1 - pad, kw - 1 - pad
    up = np.pad(up, ((0, 0), (0, 0), (max(ph, 0), max(ph, 0)), (max(pw, 0), max(pw, 0))))
    if ph < 0:
        up = up[:, :, -ph:ph, :]
    if pw < 0:
        up = up[:, :, :, -pw:pw]
    Ho, Wo = Hf - 2 * pad, Wf - 2 * pad
    out = np.zeros((N, C_out, Ho, Wo))
    for u in range(kh):
        for v in range(kw):
            out += np.einsum("nchw,co->nohw", up[:, :, u:u + Ho, v:v + Wo], w[:, :, u, v])
    return out
