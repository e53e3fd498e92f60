"""Applies dilation to the input (keeps every d-th pixel) instead of spreading the kernel taps."""
import numpy as np


def conv2d_naive(x, w, b, stride=1, pad=0, dilation=1):
    x, w, b = (np.asarray(a, dtype=np.float64) for a in (x, w, b))
    if x.ndim != 4 or w.ndim != 4:
        raise ValueError("x and w must be 4-D")
    N, C, H, W = x.shape
    n_filters, c_w, kh, kw = w.shape
    if c_w != C:
        raise ValueError(f"x has {C} channels but w expects {c_w}")
    if b.shape != (n_filters,):
        raise ValueError("one bias per filter")
    sh, sw = as_pair(stride, "stride", 1)
    ph, pw = as_pair(pad, "pad", 0)
    dh, dw = as_pair(dilation, "dilation", 1)
    xp = zero_pad(x, (ph, pw))[:, :, ::dh, ::dw]
    Ho = conv_output_size(xp.shape[2], kh, sh, 0, 1)
    Wo = conv_output_size(xp.shape[3], kw, sw, 0, 1)
    y = np.zeros((N, n_filters, Ho, Wo))
    for n in range(N):
        for f in range(n_filters):
            for u in range(Ho):
                for v in range(Wo):
                    window = xp[n, :, u * sh:u * sh + kh, v * sw:v * sw + kw]
                    y[n, f, u, v] = np.sum(window * w[f]) + b[f]
    return y
