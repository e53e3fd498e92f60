"""Scatters the kernel flipped (w[..., kh-1-u, kw-1-v]), as if a transposed convolution needed a flip."""
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

    full = np.zeros((N, C_out, Hf, Wf))
    for u in range(kh):
        for v in range(kw):
            full[:, :, u:u + stride * (H - 1) + 1:stride, v:v + stride * (W - 1) + 1:stride] += \
                np.einsum("nchw,co->nohw", x, w[:, :, kh - 1 - u, kw - 1 - v])
    return full[:, :, pad:Hf - pad, pad:Wf - pad]
