"""Miscounts the blocks of the third stage: (3, 4, 5, 3)."""
class ResNet34(ResNet18):
    def __init__(self, num_classes=1000):
        super().__init__(num_classes=num_classes, stage_blocks=(3, 4, 5, 3))
