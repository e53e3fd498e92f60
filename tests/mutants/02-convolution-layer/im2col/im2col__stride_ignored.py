"""Takes consecutive windows (slice step 1) although the output size uses the stride."""
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
    cols = np.empty((N, C, kh, kw, Ho, Wo))
    for i in range(kh):
        for j in range(kw):
            r, c = i * dh, j * dw
            cols[:, :, i, j] = xp[:, :, r:r + Ho, c:c + Wo]
    return cols.reshape(N, C * kh * kw, Ho * Wo)
