"""No error for a window larger than the input: silently returns an empty array."""
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
    h_out, w_out = max(0, (H - kh) // sh + 1), max(0, (W - kw) // sw + 1)
    out = np.zeros((N, C, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            window = x[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw]
            out[:, :, i, j] = window.max(axis=(2, 3)) if mode == "max" else window.mean(axis=(2, 3))
    return out
