"""Does not pass num_classes on: always 1000 outputs."""
class ResNet34(ResNet18):
    def __init__(self, num_classes=1000):
        super().__init__(stage_blocks=(3, 4, 6, 3))
