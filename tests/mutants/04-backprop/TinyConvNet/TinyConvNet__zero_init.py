"""Initialises all weights to zero: every filter stays identical and ReLU blocks all gradients."""
import numpy as np


class TinyConvNet:

    def __init__(self, input_shape=(1, 28, 28), num_filters=8, filter_size=3, num_classes=10, seed=0):
        if len(input_shape) != 3:
            raise ValueError(f"input_shape must be (C, H, W); got {input_shape!r}")
        for name, value in zip(("C", "H", "W"), input_shape):
            check_int(value, f"input_shape {name}", 2 if name != "C" else 1)
        check_int(num_filters, "num_filters", 1)
        check_int(filter_size, "filter_size", 1)
        check_int(num_classes, "num_classes", 2)
        if filter_size % 2 == 0:
            raise ValueError(f"filter_size must be odd so that padding (k - 1) // 2 keeps the size; got {filter_size}")
        C, H, W = input_shape
        self.input_shape = tuple(input_shape)
        self.pad = (filter_size - 1) // 2
        D = num_filters * (H // 2) * (W // 2)
        rng = np.random.default_rng(seed)
        self.params = {
            "W1": np.zeros((num_filters, C, filter_size, filter_size)),
            "b1": np.zeros(num_filters),
            "W2": np.zeros((D, num_classes)),
            "b2": np.zeros(num_classes),
        }

    def forward(self, x):
        x = as_float_array(x, 4, "x (N, C, H, W)")
        if x.shape[1:] != self.input_shape:
            raise ValueError(f"x must have shape (N, {', '.join(map(str, self.input_shape))}); got {x.shape}")
        p = self.params
        conv, conv_cache = conv2d_forward(x, p["W1"], p["b1"], stride=1, pad=self.pad)
        act, relu_cache = relu_forward(conv)
        pooled, pool_cache = maxpool_forward(act, 2, 2)
        scores, affine_cache = affine_forward(pooled, p["W2"], p["b2"])
        return scores, (conv_cache, relu_cache, pool_cache, affine_cache)

    def loss(self, x, y):
        scores, (conv_cache, relu_cache, pool_cache, affine_cache) = self.forward(x)
        loss, dscores = softmax_cross_entropy(scores, y)
        dpooled, dW2, db2 = affine_backward(dscores, affine_cache)
        dact = maxpool_backward(dpooled, pool_cache)
        dconv = relu_backward(dact, relu_cache)
        _, dW1, db1 = conv2d_backward(dconv, conv_cache)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def predict(self, x):
        return np.argmax(self.forward(x)[0], axis=1)
