"""Invariants of cnnlab.canvas.digit_canvas (the data of notebook 12), as property tests."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnlab.canvas import NUM_SEG_CLASSES, STROKE, _digit_pool, _iou
from cnnlab.data import digit_canvas


def brute_iou(a, b) -> float:
    """IoU of two integer pixel boxes by counting pixels on a grid."""
    size = int(max(a[2], a[3], b[2], b[3])) + 1
    grid_a, grid_b = np.zeros((size, size), bool), np.zeros((size, size), bool)
    grid_a[int(a[1]):int(a[3]), int(a[0]):int(a[2])] = True
    grid_b[int(b[1]):int(b[3]), int(b[0]):int(b[2])] = True
    return (grid_a & grid_b).sum() / (grid_a | grid_b).sum()


@settings(max_examples=15, deadline=None)
@given(n=st.integers(1, 6), size=st.integers(30, 80), low=st.integers(1, 3), extra=st.integers(0, 2),
       seed=st.integers(0, 2**31), max_iou=st.sampled_from([0.0, 0.1, 0.3]), split=st.sampled_from(["train", "test"]))
def test_invariants(n, size, low, extra, seed, max_iou, split):
    c = digit_canvas(n, size=size, digits=(low, low + extra), rng=seed, split=split, max_iou=max_iou)
    assert c.images.shape == (n, 1, size, size) and c.images.dtype == np.float32
    assert c.masks.shape == (n, size, size) and c.masks.dtype == np.int64
    assert 0.0 <= c.images.min() and c.images.max() <= 1.0
    assert c.masks.min() >= 0 and c.masks.max() < NUM_SEG_CLASSES
    assert len(c.boxes) == len(c.labels) == len(c) == n
    for img, mask, boxes, labels in zip(c.images[:, 0], c.masks, c.boxes, c.labels):
        assert boxes.dtype == np.float32 and labels.dtype == np.int64
        assert boxes.shape == (len(labels), 4) and 1 <= len(labels) <= low + extra
        assert np.all(boxes == np.round(boxes)), "boxes are whole pixels"
        x0, y0, x1, y1 = boxes.T
        assert np.all((0 <= x0) & (x0 < x1) & (x1 <= size) & (0 <= y0) & (y0 < y1) & (y1 <= size)), "inside"
        assert set(labels.tolist()) <= set(range(10))
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                assert brute_iou(boxes[i], boxes[j]) <= max_iou + 1e-12, "boxes overlap too much"
        # every mask pixel of class 1 + d lies inside a box labelled d
        inside = np.zeros((10, size, size), bool)
        for (bx0, by0, bx1, by1), d in zip(boxes.astype(int), labels):
            inside[d, by0:by1, bx0:bx1] = True
        rows, cols = np.nonzero(mask)
        assert inside[mask[rows, cols] - 1, rows, cols].all(), "a mask pixel outside the boxes of its class"
        # mask pixels are ink, and strong ink is mask
        assert np.all(img[mask > 0] >= STROKE - 1e-6)
        assert np.all(mask[img >= STROKE + 1e-6] > 0)
        # a box that no other box touches is the tight box of its digit's mask pixels
        for i, ((bx0, by0, bx1, by1), d) in enumerate(zip(boxes.astype(int), labels)):
            others = [b for j, b in enumerate(boxes) if j != i]
            if any(_iou(tuple(boxes[i]), tuple(o)) > 0 or brute_iou(boxes[i], o) > 0 for o in others):
                continue
            sub = mask[by0:by1, bx0:bx1] == 1 + d
            assert sub[0].any() and sub[-1].any() and sub[:, 0].any() and sub[:, -1].any(), "box not tight"


def test_seeded_and_splits_disjoint():
    a, b = digit_canvas(20, rng=3), digit_canvas(20, rng=3)
    assert np.array_equal(a.images, b.images) and all(np.array_equal(p, q) for p, q in zip(a.boxes, b.boxes))
    assert not np.array_equal(a.images, digit_canvas(20, rng=4).images)
    train, test = _digit_pool("train")[0], _digit_pool("test")[0]
    assert len(train) == 4000 and len(test) == 1000
    keys = {img.tobytes() for img in train}
    assert sum(img.tobytes() in keys for img in test) == 0, "train and test canvases share MNIST images"


def test_counts_and_classes_cover_the_range():
    c = digit_canvas(300, rng=0)
    counts = np.bincount([len(lab) for lab in c.labels], minlength=4)
    assert counts[0] == 0 and min(counts[1:]) > 60, f"1, 2 and 3 digits all common: {counts.tolist()}"
    assert set(np.concatenate(c.labels).tolist()) == set(range(10))
    heights = np.concatenate([b[:, 3] - b[:, 1] for b in c.boxes])
    assert 10 <= heights.min() and heights.max() <= 30


def test_subset_indexing():
    c = digit_canvas(10, rng=1)
    sub = c[2:5]
    assert len(sub) == 3 and np.array_equal(sub.images, c.images[2:5]) and sub.boxes[0] is c.boxes[2]
    assert len(c[[0, 9]]) == 2 and len(c[4]) == 1


@pytest.mark.parametrize("kwargs", [dict(n=-1), dict(n=2.5), dict(size=4), dict(digits=(0, 2)), dict(digits=(3, 1)),
                                    dict(split="val"), dict(max_iou=1.0), dict(heights=(20, 10)),
                                    dict(size=20, heights=(14, 30))])
def test_bad_arguments(kwargs):
    args = dict(n=2)
    args.update(kwargs)
    with pytest.raises(ValueError):
        digit_canvas(**args)
