import gzip

import numpy as np
import pytest
import torch

from cnnlab import data


def test_mnist_subset_splits_shapes_and_ranges():
    splits = data.load_mnist_subset()
    for name, n in (("train", 3500), ("val", 500), ("test", 1000)):
        x, y = splits[name]
        assert x.shape == (n, 1, 28, 28) and x.dtype == np.float32
        assert y.shape == (n,) and y.dtype == np.int64
        assert 0.0 <= x.min() and x.max() <= 1.0
    # shuffled (the file is sorted by label) and every class present in each split
    assert len(set(splits.train.y[:20].tolist())) > 3
    for name in ("train", "val", "test"):
        assert set(splits[name].y.tolist()) == set(range(10))


def test_mnist_subset_is_the_real_file_and_disjoint():
    splits = data.load_mnist_subset()
    rows = np.loadtxt(gzip.open(data.mnist_subset_path(), "rt"), delimiter=",", max_rows=1)
    first_zero = rows[:784].reshape(28, 28) / 255.0  # the file's first row is a "0"
    everything = np.concatenate([splits.train.x, splits.val.x, splits.test.x])[:, 0]
    assert np.isclose(everything, first_zero, atol=1e-6).all(axis=(1, 2)).sum() == 1
    keys = {tuple(np.flatnonzero(img.ravel() > 0.5)[:30]) for img in everything}
    assert len(keys) > 4990  # no image copied into two splits (near-duplicates in MNIST are rare)


def test_mnist_subset_seed_and_normalisation():
    a, b = data.load_mnist_subset(seed=1), data.load_mnist_subset(seed=1)
    assert np.array_equal(a.train.y, b.train.y)
    assert not np.array_equal(a.train.y, data.load_mnist_subset(seed=2).train.y)
    norm = data.load_mnist_subset(normalize=True)
    assert abs(norm.train.x.mean()) < 1e-4 and abs(norm.train.x.std() - 1) < 1e-3
    raw = data.load_mnist_subset()
    np.testing.assert_allclose(norm.test.x, (raw.test.x - norm.mean) / norm.std, atol=1e-5)


@pytest.mark.parametrize("kwargs, match", [({"n_train": 4000, "n_test": 1001}, "5,000"),
                                           ({"n_val": -1}, "non-negative"), ({"n_train": 0}, "at least 1")])
def test_mnist_subset_bad_sizes(kwargs, match):
    with pytest.raises(ValueError, match=match):
        data.load_mnist_subset(**kwargs)


def test_digits8():
    x, y = data.load_digits8()
    assert x.shape == (1797, 1, 8, 8) and x.dtype == np.float32 and 0 <= x.min() and x.max() == 1.0
    assert y.shape == (1797,) and y.dtype == np.int64 and set(y.tolist()) == set(range(10))


@pytest.mark.parametrize("name, shape", [("camera", (512, 512)), ("astronaut", (512, 512, 3)),
                                         ("china", (427, 640, 3))])
def test_photos(name, shape):
    img = data.load_photo(name)
    assert img.shape == shape and img.dtype == np.float64 and 0 <= img.min() and img.max() <= 1


def test_photo_gray_and_resize():
    img = data.load_photo("astronaut", gray=True, max_side=64)
    assert img.shape == (64, 64)
    assert data.load_photo("camera", max_side=1000).shape == (512, 512)  # never enlarged
    with pytest.raises(ValueError, match="camera"):
        data.load_photo("lena")


def test_make_loader_batches_and_shuffles_reproducibly():
    splits = data.load_mnist_subset(n_train=100, n_val=0, n_test=0)
    loader = data.make_loader(splits.train, batch_size=32, shuffle=True, seed=3)
    batches = list(loader)
    assert [len(b[0]) for b in batches] == [32, 32, 32, 4]
    x, y = batches[0]
    assert x.dtype == torch.float32 and y.dtype == torch.int64 and x.shape == (32, 1, 28, 28)
    again = next(iter(data.make_loader(splits.train, batch_size=32, shuffle=True, seed=3)))
    assert torch.equal(again[1], y)
    with pytest.raises(ValueError, match="same length"):
        data.make_loader((np.zeros((3, 1)), np.zeros(2)))
    with pytest.raises(ValueError, match="batch_size"):
        data.make_loader(splits.train, batch_size=0)
