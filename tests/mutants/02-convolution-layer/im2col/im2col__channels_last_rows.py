"""Orders the rows tap-major, channel-minor ((i*kw + j)*C + c) instead of PyTorch's c*kh*kw + i*kw + j."""
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
    cols = np.empty((N, kh, kw, C, Ho, Wo))
    for i in range(kh):
        for j in range(kw):
            r, c = i * dh, j * dw
            cols[:, i, j] = xp[:, :, r:r + sh * (Ho - 1) + 1:sh, c:c + sw * (Wo - 1) + 1:sw]
    return cols.reshape(N, C * kh * kw, Ho * Wo)
