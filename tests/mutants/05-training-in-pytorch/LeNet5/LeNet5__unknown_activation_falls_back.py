"""Any activation other than 'relu' silently becomes tanh (no ValueError for 'sigmoid')."""
import torch.nn as nn


class LeNet5(nn.Module):
    def __init__(self, activation="tanh", pool="avg", num_classes=10):
        super().__init__()
        act = nn.ReLU if activation == "relu" else nn.Tanh
        pool_layer = nn.MaxPool2d if pool == "max" else nn.AvgPool2d
        self.features = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), act(), pool_layer(2),
                                      nn.Conv2d(6, 16, 5), act(), pool_layer(2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(400, 120), act(),
                                        nn.Linear(120, 84), act(), nn.Linear(84, num_classes))

    def forward(self, x):
        return self.classifier(self.features(x))
