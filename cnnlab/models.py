"""The course's small residual CNN and the pretrained checkpoints the project makes itself.

Notebooks 09 and 10 reuse a network that learned something on another task. Peers download
ImageNet weights; this course runs offline, so `python -m cnnlab.pretrain` (``make pretrain``)
trains `SmallResNet` on printed letters rendered from matplotlib's fonts and writes
``data/pretrained/<name>.pt`` with a record ``<name>.json`` (sha256, command, seed, versions,
training time, source accuracy). Both files are committed; `load_pretrained` checks the hash::

    model = cnnlab.models.load_pretrained("glyphs")      # SmallResNet, eval mode, on the CPU
    record = cnnlab.models.load_record("glyphs")         # the JSON record, as a dict

Layout of `SmallResNet` on 28x28 grey images (B = batch):

    stem    conv3x3 1->16, BN, ReLU        (B, 16, 28, 28)
    layer1  residual block 16->32, stride 2 (B, 32, 14, 14)
    layer2  residual block 32->64, stride 2 (B, 64, 7, 7)
    layer3  residual block 64->64           (B, 64, 7, 7)
    pool    global average pool + flatten   (B, 64)
    fc      linear 64->num_classes          (B, num_classes)
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import torch
from torch import nn

PRETRAINED_DIR = Path(__file__).resolve().parent.parent / "data" / "pretrained"
REMAKE = {"glyphs": "make pretrain   (or: python -m cnnlab.pretrain --source glyphs)",
          "digits04": "make pretrain   (or: python -m cnnlab.pretrain --source digits04)"}


class ChecksumError(RuntimeError):
    """A checkpoint's sha256 differs from the one in its record (corrupted or replaced file)."""


class BasicBlock(nn.Module):
    """Two 3x3 conv-BN layers plus a shortcut (1x1 conv-BN when the shape changes), then ReLU.

    Maps (B, in_channels, H, W) to (B, out_channels, ceil(H / stride), ceil(W / stride)).
    """

    def __init__(self, in_channels: int, out_channels: int, stride: int = 1) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU()
        if stride == 1 and in_channels == out_channels:
            self.shortcut: nn.Module = nn.Identity()
        else:
            self.shortcut = nn.Sequential(nn.Conv2d(in_channels, out_channels, 1, stride, bias=False),
                                          nn.BatchNorm2d(out_channels))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + self.shortcut(x))


class SmallResNet(nn.Module):
    """A 7-conv residual network for (B, 1, 28, 28) images; about 148,000 parameters.

    Stages, in order: `stem`, `layer1`, `layer2`, `layer3`, `pool` (global average pool and
    flatten, output (B, widths[-1])), `fc` (the classifier head, output (B, num_classes)).
    """

    def __init__(self, num_classes: int = 10, widths: tuple[int, int, int] = (16, 32, 64),
                 in_channels: int = 1) -> None:
        super().__init__()
        if not isinstance(num_classes, int) or num_classes < 1:
            raise ValueError(f"num_classes must be a positive integer; got {num_classes!r}")
        w0, w1, w2 = widths
        self.stem = nn.Sequential(nn.Conv2d(in_channels, w0, 3, 1, 1, bias=False), nn.BatchNorm2d(w0), nn.ReLU())
        self.layer1 = BasicBlock(w0, w1, stride=2)
        self.layer2 = BasicBlock(w1, w2, stride=2)
        self.layer3 = BasicBlock(w2, w2, stride=1)
        self.pool = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.fc = nn.Linear(w2, num_classes)
        self.config = {"num_classes": num_classes, "widths": list(widths), "in_channels": in_channels}
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x (B, in_channels, H, W) -> logits (B, num_classes)."""
        return self.fc(self.features(x))

    def features(self, x: torch.Tensor) -> torch.Tensor:
        """x (B, in_channels, H, W) -> pooled features (B, widths[-1]), the input of `fc`."""
        return self.pool(self.layer3(self.layer2(self.layer1(self.stem(x)))))


def sha256_of(path: str | os.PathLike) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _paths(name: str, directory: str | os.PathLike | None) -> tuple[Path, Path]:
    if not isinstance(name, str) or not name or "/" in name or "\\" in name:
        raise ValueError(f"name must be a checkpoint name such as 'glyphs'; got {name!r}")
    root = Path(directory) if directory is not None else PRETRAINED_DIR
    return root / f"{name}.pt", root / f"{name}.json"


def _remake_hint(name: str) -> str:
    return REMAKE.get(name, f"python -m cnnlab.pretrain --name {name} (see its --help)")


def load_record(name: str = "glyphs", directory: str | os.PathLike | None = None) -> dict:
    """The JSON record written next to checkpoint `name` (sha256, command, seed, accuracy, ...)."""
    _, record_path = _paths(name, directory)
    if not record_path.is_file():
        raise FileNotFoundError(f"no record {record_path} for pretrained network {name!r}; "
                                f"remake it with: {_remake_hint(name)}")
    with open(record_path, encoding="utf-8") as fh:
        return json.load(fh)


def load_pretrained(name: str = "glyphs", directory: str | os.PathLike | None = None,
                    device: torch.device | str = "cpu") -> SmallResNet:
    """The pretrained `SmallResNet` called `name`, in eval mode, after checking its sha256.

    Args:
        name: "glyphs" (26 printed letters, the course's stand-in for ImageNet) or
            "digits04" (real MNIST digits 0-4), or any name `cnnlab.pretrain` wrote.
        directory: where the .pt and .json live; default ``data/pretrained/`` of the repository.
        device: where to put the model.

    Raises:
        FileNotFoundError: the checkpoint or its record is missing (the message says how to remake it).
        ChecksumError: the file's sha256 differs from the record's (corrupted or replaced).
    """
    weights_path, _ = _paths(name, directory)
    record = load_record(name, directory)
    if not weights_path.is_file():
        raise FileNotFoundError(f"no checkpoint {weights_path} for pretrained network {name!r}; "
                                f"remake it with: {_remake_hint(name)}")
    actual = sha256_of(weights_path)
    if actual != record["sha256"]:
        raise ChecksumError(f"{weights_path} has sha256 {actual}, but its record says {record['sha256']}: "
                            f"the file is corrupted or was replaced. Restore it with "
                            f"`git checkout -- {weights_path.name}` or remake it with: {_remake_hint(name)}")
    checkpoint = torch.load(weights_path, map_location="cpu", weights_only=True)
    config = checkpoint["config"]
    model = SmallResNet(num_classes=int(config["num_classes"]), widths=tuple(config["widths"]),
                        in_channels=int(config["in_channels"]))
    model.load_state_dict(checkpoint["state_dict"])
    return model.to(device).eval()
