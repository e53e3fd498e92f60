"""Puts all 2 * pad zeros after the image (bottom and right) instead of pad on each side."""
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    x = as_float_array(x, 4, "x (N, C, H, W)")
    w = as_float_array(w, 4, "w (F, C, kh, kw)")
    b = as_float_array(b, 1, "b (F,)")
    check_int(stride, "stride", 1)
    check_int(pad, "pad", 0)
    N, C, H, W = x.shape
    F_, C_w, kh, kw = w.shape
    if C_w != C:
        raise ValueError(f"x has {C} channels but w expects {C_w}")
    if b.shape != (F_,):
        raise ValueError(f"b must have one bias per filter, shape ({F_},); got {b.shape}")
    if kh > H + 2 * pad or kw > W + 2 * pad or kh == 0 or kw == 0:
        raise ValueError(f"kernel {kh}x{kw} does not fit the padded input {H + 2 * pad}x{W + 2 * pad}")
    Ho = (H + 2 * pad - kh) // stride + 1
    Wo = (W + 2 * pad - kw) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (0, 2 * pad), (0, 2 * pad)))
    out = np.zeros((N, F_, Ho, Wo))
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i:i + stride * Ho:stride, j:j + stride * Wo:stride]  # (N, C, Ho, Wo)
            out += np.einsum("nchw,fc->nfhw", patch, w[:, :, i, j])
    out += b[None, :, None, None]
    return out, (x, w, b, stride, pad)
