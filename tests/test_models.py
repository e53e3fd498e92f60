"""Tests for cnnlab.models: the SmallResNet layout, checkpoint loading and the sha256 check.

Checkpoints are written by hand here (torch.save + a record) so these tests need no training;
tests/test_pretrain.py runs the real pretraining script in tiny mode.
"""
from __future__ import annotations

import json

import pytest
import torch
from torch import nn

from cnnlab.models import PRETRAINED_DIR, ChecksumError, SmallResNet, load_pretrained, load_record, sha256_of


def _conv_params(c_in: int, c_out: int, k: int) -> int:
    return c_in * c_out * k * k


def test_shapes_and_stages():
    model = SmallResNet(num_classes=7)
    x = torch.rand(3, 1, 28, 28)
    assert model(x).shape == (3, 7)
    assert model.features(x).shape == (3, 64)
    sizes = {}
    hooks = [getattr(model, n).register_forward_hook(lambda m, i, o, n=n: sizes.__setitem__(n, tuple(o.shape[1:])))
             for n in ("stem", "layer1", "layer2", "layer3", "pool", "fc")]
    model(x)
    for h in hooks:
        h.remove()
    assert sizes == {"stem": (16, 28, 28), "layer1": (32, 14, 14), "layer2": (64, 7, 7), "layer3": (64, 7, 7),
                     "pool": (64,), "fc": (7,)}
    assert isinstance(model.fc, nn.Linear) and model.fc.in_features == 64


def test_parameter_count_from_layer_shapes():
    bn = lambda c: 2 * c  # noqa: E731 (weight and bias)
    block = lambda a, b, down: (_conv_params(a, b, 3) + bn(b) + _conv_params(b, b, 3) + bn(b)  # noqa: E731
                                + ((_conv_params(a, b, 1) + bn(b)) if down else 0))
    expected = (_conv_params(1, 16, 3) + bn(16) + block(16, 32, True) + block(32, 64, True) + block(64, 64, False)
                + 64 * 26 + 26)
    assert sum(p.numel() for p in SmallResNet(26).parameters()) == expected


def test_bad_num_classes():
    for bad in (0, -1, 2.5):
        with pytest.raises(ValueError, match="num_classes"):
            SmallResNet(num_classes=bad)


def _write(tmp_path, name="toy", num_classes=4):
    torch.manual_seed(0)
    model = SmallResNet(num_classes).eval()
    path = tmp_path / f"{name}.pt"
    torch.save({"state_dict": model.state_dict(), "config": model.config, "classes": list("abcd")}, path)
    (tmp_path / f"{name}.json").write_text(json.dumps({"name": name, "sha256": sha256_of(path)}))
    return model, path


def test_roundtrip(tmp_path):
    model, _ = _write(tmp_path)
    loaded = load_pretrained("toy", tmp_path)
    assert not loaded.training, "load_pretrained returns the model in eval mode"
    x = torch.rand(2, 1, 28, 28)
    torch.testing.assert_close(loaded(x), model(x), rtol=0, atol=0)
    assert load_record("toy", tmp_path)["name"] == "toy"


def test_corrupted_file_is_refused(tmp_path):
    _, path = _write(tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ChecksumError, match="sha256.*(corrupted|replaced)"):
        load_pretrained("toy", tmp_path)


def test_missing_files_say_how_to_remake(tmp_path):
    _, path = _write(tmp_path, name="glyphs")
    path.unlink()
    with pytest.raises(FileNotFoundError, match="make pretrain"):
        load_pretrained("glyphs", tmp_path)
    with pytest.raises(FileNotFoundError, match="remake it with"):
        load_pretrained("nothing-here", tmp_path)
    with pytest.raises(ValueError, match="checkpoint name"):
        load_pretrained("../glyphs", tmp_path)


@pytest.mark.parametrize("name,classes", [("glyphs", 26), ("digits04", 5)])
def test_committed_checkpoints(name, classes):
    record = load_record(name)
    path = PRETRAINED_DIR / record["file"]
    assert path.stat().st_size < 5 * 2**20, "committed checkpoints must stay under 5 MB"
    assert sha256_of(path) == record["sha256"]
    for key in ("command", "seed", "versions", "training_seconds", "source_accuracy"):
        assert key in record, f"the record of {name} lacks {key!r}"
    model = load_pretrained(name)
    assert model(torch.rand(2, 1, 28, 28)).shape == (2, classes)
