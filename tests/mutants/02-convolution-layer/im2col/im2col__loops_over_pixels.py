"""Right values, but a Python loop over every output pixel (what im2col must avoid)."""
import numpy as np


def im2col(x, kh, kw, stride=1, pad=0, dilation=1):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError(f"x must have shape (N, C, H, W); got shape {x.shape}")
    N, C, H, W = x.shape
    sh, sw = as_pair(stride, "stride", 1)
    ph, pw = as_pair(pad, "pad", 0)
    dh, dw = as_pair(dilation, "dilation", 1)
    Ho, Wo = conv_output_size(H, kh, sh, ph, dh), conv_output_size(W, kw, sw, pw, dw)
    xp = zero_pad(x, (ph, pw))
    cols = np.empty((N, C * kh * kw, Ho * Wo))
    for n in range(N):
        for u in range(Ho):
            for v in range(Wo):
                r, c = u * sh, v * sw
                cols[n, :, u * Wo + v] = xp[n, :, r:r + dh * (kh - 1) + 1:dh, c:c + dw * (kw - 1) + 1:dw].ravel()
    return cols
