"""dw from the first image of the batch only."""
import numpy as np


def conv2d_backward(dout, cache):
    x, w, b, stride, pad = cache
    N, C, H, W = x.shape
    F_, _, kh, kw = w.shape
    Ho, Wo = (H + 2 * pad - kh) // stride + 1, (W + 2 * pad - kw) // stride + 1
    dout = as_float_array(dout, 4, "dout")
    if dout.shape != (N, F_, Ho, Wo):
        raise ValueError(f"dout must have the forward output's shape {(N, F_, Ho, Wo)}; got {dout.shape}")
    # db: each bias touches every output of its filter.
    db = dout.sum(axis=(0, 2, 3))
    # dw: correlate the padded input with dout.
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dw = np.zeros_like(w)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i:i + stride * Ho:stride, j:j + stride * Wo:stride]
            dw[:, :, i, j] = np.einsum("fhw,chw->fc", dout[0], patch[0])
    # dx: dilate dout by the stride, pad it by kernel size - 1 ("full"), correlate with the flipped kernel.
    Hd, Wd = stride * (Ho - 1) + 1, stride * (Wo - 1) + 1
    d_full = np.zeros((N, F_, Hd + 2 * (kh - 1), Wd + 2 * (kw - 1)))
    d_full[:, :, kh - 1:kh - 1 + Hd:stride, kw - 1:kw - 1 + Wd:stride] = dout
    w_flip = w[:, :, ::-1, ::-1]
    Hf, Wf = Hd + kh - 1, Wd + kw - 1  # rows/columns of the padded input that some window covers
    dxp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    for i in range(kh):
        for j in range(kw):
            dxp[:, :, :Hf, :Wf] += np.einsum("nfhw,fc->nchw", d_full[:, :, i:i + Hf, j:j + Wf], w_flip[:, :, i, j])
    dx = dxp[:, :, pad:pad + H, pad:pad + W]
    return dx, dw, db
