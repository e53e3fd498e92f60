"""Pads the second convolution too (16 x 14 x 14 -> 16 x 7 x 7) and widens the first linear layer to 784 to fit."""
import torch.nn as nn


class LeNet5(nn.Module):
    def __init__(self, activation="tanh", pool="avg", num_classes=10):
        super().__init__()
        if activation not in ("tanh", "relu") or pool not in ("avg", "max"):
            raise ValueError("bad activation or pool")
        if not isinstance(num_classes, int) or isinstance(num_classes, bool) or num_classes < 1:
            raise ValueError("num_classes must be a positive integer")
        act = nn.Tanh if activation == "tanh" else nn.ReLU
        pool_layer = nn.AvgPool2d if pool == "avg" else nn.MaxPool2d
        self.features = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), act(), pool_layer(2),
                                      nn.Conv2d(6, 16, 5, padding=2), act(), pool_layer(2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(16 * 7 * 7, 120), act(),
                                        nn.Linear(120, 84), act(), nn.Linear(84, num_classes))

    def forward(self, x):
        return self.classifier(self.features(x))
