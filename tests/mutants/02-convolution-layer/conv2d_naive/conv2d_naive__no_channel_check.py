"""Does not check that x and w have the same number of channels (relies on broadcasting)."""
import numpy as np


def conv2d_naive(x, w, b, stride=1, pad=0, dilation=1):
    x, w, b = (np.asarray(a, dtype=np.float64) for a in (x, w, b))
    if x.ndim != 4 or w.ndim != 4:
        raise ValueError("x and w must be 4-D")
    N, C, H, W = x.shape
    n_filters, c_w, kh, kw = w.shape
    if b.shape != (n_filters,):
        raise ValueError("one bias per filter")
    sh, sw = as_pair(stride, "stride", 1)
    ph, pw = as_pair(pad, "pad", 0)
    dh, dw = as_pair(dilation, "dilation", 1)
    Ho, Wo = conv_output_size(H, kh, sh, ph, dh), conv_output_size(W, kw, sw, pw, dw)
    xp = zero_pad(x, (ph, pw))
    y = np.zeros((N, n_filters, Ho, Wo))
    for n in range(N):
        for f in range(n_filters):
            for u in range(Ho):
                for v in range(Wo):
                    r, c = u * sh, v * sw
                    window = xp[n, :, r:r + dh * (kh - 1) + 1:dh, c:c + dw * (kw - 1) + 1:dw]
                    y[n, f, u, v] = np.sum(window * w[f]) + b[f]
    return y
