"""Four convolutions in the last three blocks (VGG19's configuration E)."""
from torch import nn


class VGG16(nn.Module):
    def __init__(self, num_classes=1000):
        super().__init__()
        blocks, c_in = [], 3
        for num_convs, c_out in [(2, 64), (2, 128), (4, 256), (4, 512), (4, 512)]:
            blocks.append(vgg_block(c_in, c_out, num_convs))
            c_in = c_out
        self.features = nn.Sequential(*blocks)
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(512 * 7 * 7, 4096), nn.ReLU(inplace=True), nn.Dropout(0.5),
            nn.Linear(4096, 4096), nn.ReLU(inplace=True), nn.Dropout(0.5),
            nn.Linear(4096, num_classes),
        )

    def forward(self, x):
        return self.classifier(self.features(x))
