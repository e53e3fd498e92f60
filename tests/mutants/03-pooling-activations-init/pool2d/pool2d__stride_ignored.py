"""The stride argument is ignored: windows always step by the window size."""
import numpy as np

def pool2d(x, size, stride=None, mode="max"):
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 4:
        raise ValueError("x must be (N, C, H, W)")
    if mode not in ("max", "avg"):
        raise ValueError("mode must be 'max' or 'avg'")
    if isinstance(size, (int, np.integer)) and not isinstance(size, bool) and size >= 1:
        kh = kw = int(size)
    elif isinstance(size, tuple) and len(size) == 2:
        kh, kw = size
    else:
        raise ValueError("bad size")
    if stride is None:
        sh, sw = kh, kw
    elif isinstance(stride, (int, np.integer)) and not isinstance(stride, bool) and stride >= 1:
        sh = sw = int(stride)
    elif isinstance(stride, tuple) and len(stride) == 2:
        sh, sw = stride
    else:
        raise ValueError("bad stride")
    N, C, H, W = x.shape
    sh, sw = kh, kw
    if kh > H or kw > W:
        raise ValueError("window larger than the input")
    h_out, w_out = (H - kh) // sh + 1, (W - kw) // sw + 1
    out = np.full((N, C, h_out, w_out), -np.inf) if mode == "max" else np.zeros((N, C, h_out, w_out))
    for p in range(kh):
        for q in range(kw):
            view = x[:, :, p:p + sh * (h_out - 1) + 1:sh, q:q + sw * (w_out - 1) + 1:sw]
            out = np.maximum(out, view) if mode == "max" else out + view
    return out if mode == "max" else out / (kh * kw)
