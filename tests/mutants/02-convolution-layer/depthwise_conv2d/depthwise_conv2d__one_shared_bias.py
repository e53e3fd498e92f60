"""Adds the first bias to every channel instead of one bias per channel."""
import numpy as np


def depthwise_conv2d(x, w, b, stride=1, pad=0, dilation=1):
    x, w, b = (np.asarray(a, dtype=np.float64) for a in (x, w, b))
    if x.ndim != 4:
        raise ValueError("x must be 4-D")
    N, C, H, W = x.shape
    if w.ndim != 4 or w.shape[:2] != (C, 1):
        raise ValueError("w must be (C, 1, kh, kw)")
    if b.shape != (C,):
        raise ValueError("b must be (C,)")
    kh, kw = w.shape[2:]
    (sh, sw), (ph, pw), (dh, dw) = as_pair(stride, "stride", 1), as_pair(pad, "pad", 0), as_pair(dilation, "dilation", 1)
    Ho, Wo = conv_output_size(H, kh, sh, ph, dh), conv_output_size(W, kw, sw, pw, dw)
    cols = im2col(x, kh, kw, stride, pad, dilation).reshape(N, C, kh * kw, Ho * Wo)
    y = np.einsum("nckl,ck->ncl", cols, w.reshape(C, kh * kw)) + b[0]
    return y.reshape(N, C, Ho, Wo)
