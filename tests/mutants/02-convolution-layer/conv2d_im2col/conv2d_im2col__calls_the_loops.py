"""Right values, but computed with the per-pixel loops of conv2d_naive."""
import numpy as np


def conv2d_im2col(x, w, b, stride=1, pad=0, dilation=1):
    return conv2d_naive(x, w, b, stride, pad, dilation)
