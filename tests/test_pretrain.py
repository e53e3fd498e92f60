"""Tests for cnnlab.glyphs (the rendered source task) and cnnlab.pretrain (the script that makes
data/pretrained/). The pretraining script runs end to end in tiny mode (seconds); the committed
glyph checkpoint must reach its recorded accuracy on a fresh rendered sample."""
from __future__ import annotations

import json
import math

import pytest
import torch

from cnnlab import glyphs, pretrain
from cnnlab.models import ChecksumError, load_pretrained, load_record, sha256_of


def test_templates_are_letters_in_both_cases():
    images, labels = glyphs.letter_templates()
    assert images.shape == (len(glyphs.FONT_FILES) * 52, 1, 56, 56) and images.dtype == torch.float32
    assert torch.bincount(labels).tolist() == [2 * len(glyphs.FONT_FILES)] * 26
    assert (images.flatten(1).amax(1) > 0.5).all(), "every template has ink"
    assert set(glyphs.CLASSES) == set("abcdefghijklmnopqrstuvwxyz"), "letters only: digits stay a new task"


def test_render_letters_shapes_range_and_seeding():
    x, y = glyphs.render_letters(300, seed=3)
    assert x.shape == (300, 1, 28, 28) and x.dtype == torch.float32 and y.dtype == torch.int64
    assert 0 <= float(x.min()) and float(x.max()) <= 1 and 0 <= int(y.min()) and int(y.max()) <= 25
    x2, y2 = glyphs.render_letters(300, seed=3)
    assert torch.equal(x, x2) and torch.equal(y, y2), "same seed, same images"
    x3, _ = glyphs.render_letters(300, seed=4)
    assert not torch.equal(x, x3), "another seed, a fresh sample"
    # The glyph box is 20 of 28 pixels, like MNIST digits: little ink at the border.
    assert float(x[..., :2, :].mean()) < 0.5 * float(x.mean())
    # strength 0 is the plain glyph: no noise, so the background is exactly 0.
    x0, _ = glyphs.render_letters(50, seed=0, strength=0.0)
    assert float(x0[..., 0, :].abs().max()) == 0.0
    for bad in (0, -3, 2.5, True):
        with pytest.raises(ValueError, match="n must be"):
            glyphs.render_letters(bad)
    with pytest.raises(ValueError, match="strength"):
        glyphs.render_letters(10, strength=2.0)


def test_tiny_pretraining_end_to_end(tmp_path):
    record = pretrain.main(["--tiny", "--out", str(tmp_path), "--name", "tiny", "--seed", "5"])
    saved = json.loads((tmp_path / "tiny.json").read_text())
    assert saved == record
    assert saved["sha256"] == sha256_of(tmp_path / "tiny.pt")
    assert saved["command"] == "python -m cnnlab.pretrain --tiny --out " + str(tmp_path) + " --name tiny --seed 5"
    assert saved["seed"] == 5 and saved["classes"] == list(glyphs.CLASSES)
    assert saved["parameters"] == 148_106 and saved["training_seconds"] > 0
    assert 0 <= saved["source_accuracy"] <= 1 and set(saved["versions"]) >= {"torch", "numpy", "matplotlib"}
    model = load_pretrained("tiny", tmp_path)
    assert model(torch.rand(4, 1, 28, 28)).shape == (4, 26)
    # A corrupted copy is refused.
    path = tmp_path / "tiny.pt"
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(ChecksumError):
        load_pretrained("tiny", tmp_path)


def test_bad_arguments():
    with pytest.raises(ValueError, match="source"):
        pretrain.pretrain(source="imagenet")
    with pytest.raises(ValueError, match="epochs"):
        pretrain.pretrain(epochs=0)


def test_committed_glyph_checkpoint_reaches_its_recorded_accuracy():
    """A fresh sample (a seed no training epoch and not the record's evaluation used) of 3,000 letters.

    With accuracy p near 0.9, the binomial standard error on 3,000 samples is sqrt(p (1-p) / 3000) ~ 0.0055;
    the tolerance, 0.025, is about 4.5 of those.
    """
    record = load_record("glyphs")
    x, y = glyphs.render_letters(3000, seed=424242)
    acc = pretrain.accuracy(load_pretrained("glyphs"), x, y)
    stderr = math.sqrt(record["source_accuracy"] * (1 - record["source_accuracy"]) / 3000)
    assert abs(acc - record["source_accuracy"]) < 0.025, \
        f"accuracy {acc:.4f} on fresh letters vs {record['source_accuracy']} recorded (stderr {stderr:.4f})"


def test_committed_digit_checkpoint_reproduces_its_recorded_accuracy():
    record = load_record("digits04")
    _, _, x_eval, y_eval = pretrain._digits04(record["seed"])
    acc = pretrain.accuracy(load_pretrained("digits04"), x_eval, y_eval)
    assert abs(acc - record["source_accuracy"]) < 0.005
