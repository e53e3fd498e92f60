"""Adds the bias to every weight, so it is multiplied by every pixel of the window."""
import numpy as np


def conv2d_im2col(x, w, b, stride=1, pad=0, dilation=1):
    x, w, b = (np.asarray(a, dtype=np.float64) for a in (x, w, b))
    if x.ndim != 4 or w.ndim != 4:
        raise ValueError("x and w must be 4-D")
    N, C, H, W = x.shape
    n_filters, c_w, kh, kw = w.shape
    if c_w != C:
        raise ValueError(f"x has {C} channels but w expects {c_w}")
    if b.shape != (n_filters,):
        raise ValueError("one bias per filter")
    (sh, sw), (ph, pw), (dh, dw) = as_pair(stride, "stride", 1), as_pair(pad, "pad", 0), as_pair(dilation, "dilation", 1)
    Ho, Wo = conv_output_size(H, kh, sh, ph, dh), conv_output_size(W, kw, sw, pw, dw)
    cols = im2col(x, kh, kw, stride, pad, dilation)
    y = (w.reshape(n_filters, -1) + b[:, None]) @ cols
    return y.reshape(N, n_filters, Ho, Wo)
