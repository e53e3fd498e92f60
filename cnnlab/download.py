"""Download MNIST, Fashion-MNIST and CIFAR-10, check them, and read them into arrays.

1. ``DATASETS`` says which files make up each dataset, where they can be
   downloaded from (several mirrors, tried in order), and the published
   SHA-256 checksum of each file.
2. ``download_dataset(name)`` downloads the files into ``data/<name>/`` with
   pooch (the downloader of SciPy and scikit-image): each file is streamed into
   a temporary file in that folder, its SHA-256 is checked, and only a file
   with the right checksum is moved to its final name. So a file under its
   final name is always complete and correct; an interrupted download leaves
   nothing behind. This module adds the mirrors (pooch takes one URL), a
   streaming downloader that notices a transfer cut short, and error messages
   that say what to do.
3. ``read_idx``, ``load_mnist_full`` and ``load_cifar10`` turn the downloaded
   files into numpy arrays shaped the way PyTorch expects: (N, C, H, W).
"""

from __future__ import annotations

import gzip
import http.client
import logging
import os
import pickle
import re
import socket
import sys
import tarfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pooch


@dataclass(frozen=True)
class RemoteFile:
    """One file of a dataset.

    filename: the name on the server and on disk, e.g. "train-images-idx3-ubyte.gz".
    mirrors:  base URLs ending in "/"; the file's URL is ``mirror + filename``.
    sha256:   the published SHA-256 of the file (64 hex characters), or None
              if no published value is known (then the file is not checked).
    """

    filename: str
    mirrors: tuple[str, ...]
    sha256: str | None


# Mirrors, in the order we try them.
#  - ossci-datasets: PyTorch's mirror, in pytorch/vision torchvision/datasets/mnist.py
#  - cvdf-datasets: TensorFlow's mirror, in tensorflow/datasets
#    tensorflow_datasets/url_checksums/mnist.txt
#  - yann.lecun.com: the original site (often answers 403 nowadays), last.
MNIST_MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    "http://yann.lecun.com/exdb/mnist/",
)
#  - tf-keras-datasets: Keras' https mirror, in keras-team/keras
#    keras/src/datasets/fashion_mnist.py
#  - fashion-mnist.s3-website: Zalando's own (http only), in pytorch/vision
#    torchvision/datasets/mnist.py (class FashionMNIST)
FASHION_MNIST_MIRRORS = (
    "https://storage.googleapis.com/tensorflow/tf-keras-datasets/",
    "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
)
#  - the CIFAR authors' site, as used by keras-team/keras keras/src/datasets/cifar10.py
CIFAR10_MIRRORS = ("https://www.cs.toronto.edu/~kriz/",)

DATASETS: dict[str, list[RemoteFile]] = {
    # MNIST sha256s: tensorflow/datasets tensorflow_datasets/url_checksums/mnist.txt,
    # identical in pytorch/vision torchvision/prototype/datasets/_builtin/mnist.py.
    "mnist": [
        RemoteFile("train-images-idx3-ubyte.gz", MNIST_MIRRORS,
                   "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
        RemoteFile("train-labels-idx1-ubyte.gz", MNIST_MIRRORS,
                   "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
        RemoteFile("t10k-images-idx3-ubyte.gz", MNIST_MIRRORS,
                   "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
        RemoteFile("t10k-labels-idx1-ubyte.gz", MNIST_MIRRORS,
                   "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
    ],
    # Fashion-MNIST sha256s: tensorflow/datasets
    # tensorflow_datasets/url_checksums/fashion_mnist.txt, identical in
    # keras-team/keras keras/src/datasets/fashion_mnist.py (FILE_HASHES).
    "fashion-mnist": [
        RemoteFile("train-images-idx3-ubyte.gz", FASHION_MNIST_MIRRORS,
                   "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
        RemoteFile("train-labels-idx1-ubyte.gz", FASHION_MNIST_MIRRORS,
                   "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
        RemoteFile("t10k-images-idx3-ubyte.gz", FASHION_MNIST_MIRRORS,
                   "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
        RemoteFile("t10k-labels-idx1-ubyte.gz", FASHION_MNIST_MIRRORS,
                   "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
    ],
    # CIFAR-10 (python version) sha256: tensorflow/datasets
    # tensorflow_datasets/url_checksums/cifar10.csv, identical in
    # keras-team/keras keras/src/datasets/cifar10.py (file_hash).
    "cifar10": [
        RemoteFile("cifar-10-python.tar.gz", CIFAR10_MIRRORS,
                   "6d958be074577803d12ecdefd02955f39262c83c16fe9348329d7fe0b5c001ce"),
    ],
}

CLASS_NAMES: dict[str, list[str]] = {
    "mnist": [str(digit) for digit in range(10)],
    "fashion-mnist": ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                      "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
    "cifar10": ["airplane", "automobile", "bird", "cat", "deer",
                "dog", "frog", "horse", "ship", "truck"],
}

_CHUNK_SIZE = 1 << 16  # read the network stream 64 KiB at a time
_USER_AGENT = "cnnlab-course-downloader/1.0 (python urllib)"
logging.getLogger("pooch").setLevel(logging.WARNING)  # this module prints its own progress


class DownloadError(RuntimeError):
    """Raised when a file could not be downloaded correctly from any mirror."""


# --------------------------------------------------------------------------
# Downloading
# --------------------------------------------------------------------------

def sha256_of_file(path: str | os.PathLike) -> str:
    """Return the SHA-256 of a file as 64 lowercase hex characters."""
    return pooch.file_hash(str(path), alg="sha256")


def _describe_error(error: BaseException) -> str:
    """Turn an exception raised while downloading into a short human message."""
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason}"
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException):
        error = error.reason  # URLError wraps the real cause
    if isinstance(error, ConnectionRefusedError):
        return "connection refused"
    if isinstance(error, (socket.timeout, TimeoutError)):
        return "timed out"
    if isinstance(error, socket.gaierror):
        return f"could not resolve host name ({error})"
    return f"network error: {error}"


def _failure_message(name: str, folder: Path, file: RemoteFile, failures: list[str]) -> str:
    """The text of the DownloadError: what went wrong, and what the user can do."""
    lines = [f"could not download {file.filename} (dataset {name!r}):"]
    lines += [f"  - {failure}" for failure in failures]
    lines.append("")
    if not all("checksum mismatch" in failure for failure in failures):
        lines.append("Check your internet connection (or proxy / firewall) and try again.")
    lines.append(f"Or download these files by hand (from any mirror above) into "
                 f"{folder.resolve()}/ :")
    lines += [f"  {f.filename}" for f in DATASETS[name]]
    lines.append(f"then run cnnlab.data.download_dataset({name!r}, root={str(folder.parent)!r})"
                 f" again: it will check their SHA-256 checksums and use them.")
    return "\n".join(lines)


def _fetch_to(url: str, destination: Path, timeout: float, progress: bool) -> None:
    """Stream ``url`` into the file ``destination`` (pooch's temporary file).

    Raises ``DownloadError`` if the server closes the connection before sending
    all the bytes it announced.
    """
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    received = 0
    with urllib.request.urlopen(request, timeout=timeout) as response:
        length_header = response.headers.get("Content-Length")
        expected_length = int(length_header) if length_header else None
        bar = _progress_bar(expected_length, Path(url).name) if progress else None
        try:
            with open(destination, "wb") as out:
                while chunk := response.read(_CHUNK_SIZE):
                    out.write(chunk)
                    received += len(chunk)
                    if bar is not None:
                        bar.update(len(chunk))
        finally:
            if bar is not None:
                bar.close()
    if expected_length is not None and received != expected_length:
        raise DownloadError(f"incomplete transfer: connection closed after "
                            f"{received} of {expected_length} bytes")


def _progress_bar(total: int | None, description: str):
    """A tqdm progress bar counting bytes, or None if tqdm is not installed."""
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm(total=total, desc=description, unit="B", unit_scale=True,
                unit_divisor=1024, leave=False)


def _download_one(file: RemoteFile, folder: Path, mirrors: list[str],
                  timeout: float, progress: bool) -> list[str]:
    """Try each mirror in turn until ``folder / file.filename`` is correct.

    Returns an empty list on success, otherwise one "url: reason" line per
    mirror that failed.
    """
    known_hash = f"sha256:{file.sha256}" if file.sha256 else None
    failures: list[str] = []
    for mirror in mirrors:
        url = mirror.rstrip("/") + "/" + file.filename
        if progress:
            print(f"Downloading {url}", file=sys.stderr)
        try:
            pooch.retrieve(url, known_hash, fname=file.filename, path=folder, progressbar=False,
                           downloader=lambda u, out, _: _fetch_to(u, Path(out), timeout, progress))
            return []
        except DownloadError as error:  # raised by _fetch_to for short transfers
            failures.append(f"{url}: {error}")
        except ValueError as error:  # pooch: the SHA-256 of what arrived is not the published one
            failures.append(f"{url}: checksum mismatch: expected {file.sha256}, got "
                            f"{_hash_in(str(error))}")
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            failures.append(f"{url}: {_describe_error(error)}")
    return failures


def _hash_in(pooch_message: str) -> str:
    """The received hash quoted in pooch's mismatch message ('... got <alg>:<hex>. ...')."""
    match = re.search(r"got (?:\w+:)?([0-9a-f]{64})", pooch_message)
    return match.group(1) if match else pooch_message


def data_root(root: str | os.PathLike | None = None) -> Path:
    """Where downloads are cached: `root` if given, else $CNNLAB_DATA, else the course's data/ folder
    (when cnnlab runs from a checkout of the course), else ~/.cache/cnnlab. Notebooks run in their own
    folders, so a path relative to the working directory would scatter copies; this does not."""
    if root is not None:
        return Path(root)
    if os.environ.get("CNNLAB_DATA"):
        return Path(os.environ["CNNLAB_DATA"])
    checkout = Path(__file__).resolve().parents[1]
    if (checkout / "pyproject.toml").exists() and (checkout / "solutions").is_dir():
        return checkout / "data"
    return Path.home() / ".cache" / "cnnlab"


def download_dataset(name: str, root: str | os.PathLike | None = None,
                     mirrors: list[str] | None = None, timeout: float = 30.0,
                     progress: bool = True) -> Path:
    """Download every file of dataset ``name`` into ``root/name/`` and return that folder.

    Files already present with the right SHA-256 are not downloaded again, so
    calling this twice is cheap. ``mirrors`` (a list of base URLs) replaces the
    mirrors listed in ``DATASETS``; ``timeout`` is in seconds per network
    operation. Raises ``ValueError`` for an unknown name and ``DownloadError``
    if some file could not be fetched correctly from any mirror.
    """
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; known datasets: "
                         f"{', '.join(sorted(DATASETS))}")
    folder = data_root(root) / name
    folder.mkdir(parents=True, exist_ok=True)

    for file in DATASETS[name]:
        path = folder / file.filename
        if path.exists():
            if file.sha256 is None or sha256_of_file(path) == file.sha256:
                continue  # already downloaded and correct
            if progress:
                print(f"{path} has the wrong checksum; downloading it again",
                      file=sys.stderr)
        failures = _download_one(file, folder, list(mirrors or file.mirrors),
                                 timeout, progress)
        if failures:  # stop here: the other files would most likely fail the same way
            raise DownloadError(_failure_message(name, folder, file, failures))
    return folder


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------

# IDX type code (third byte of the magic number) -> big-endian numpy dtype.
_IDX_DTYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file (the MNIST format), gzipped or not.

    The file starts with a 4-byte magic number ``0x00 0x00 <type> <ndim>``,
    then ``ndim`` big-endian uint32 sizes, then the data. For MNIST images the
    result is uint8 of shape (N, 28, 28); for labels, uint8 of shape (N,).
    The dtype follows the file's type code, in native byte order.
    Raises ``ValueError`` if the file is not a valid IDX file.
    """
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":  # the two bytes every gzip file starts with
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as error:
            raise ValueError(f"{path}: corrupt gzip data ({error})") from error
    if len(raw) < 4 or raw[0] != 0 or raw[1] != 0 or raw[2] not in _IDX_DTYPES:
        raise ValueError(f"{path}: not an IDX file (bad magic number {raw[:4].hex()!r})")
    dtype = np.dtype(_IDX_DTYPES[raw[2]])
    ndim = raw[3]
    header_size = 4 + 4 * ndim
    if len(raw) < header_size:
        raise ValueError(f"{path}: IDX header is truncated")
    shape = tuple(int(s) for s in np.frombuffer(raw, dtype=">u4", count=ndim, offset=4))
    expected_bytes = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
    if len(raw) - header_size != expected_bytes:
        raise ValueError(f"{path}: IDX header says shape {shape} ({expected_bytes} bytes) "
                         f"but the file has {len(raw) - header_size} bytes of data")
    data = np.frombuffer(raw, dtype=dtype, offset=header_size).reshape(shape)
    return data.astype(dtype.newbyteorder("="))  # a writable copy in native byte order


def _missing_files_error(name: str, folder: Path, missing: list[str]) -> FileNotFoundError:
    return FileNotFoundError(
        f"{name} files not found in {folder}: missing {', '.join(missing)}.\n"
        f"Run cnnlab.data.download_dataset({name!r}, root={str(folder.parent)!r}) "
        f"first, or pass download=True.")


def _standardize(train: np.ndarray, test: np.ndarray) -> None:
    """In place: subtract the per-channel training mean and divide by its std."""
    mean = train.mean(axis=(0, 2, 3), keepdims=True)
    std = train.std(axis=(0, 2, 3), keepdims=True)
    for images in (train, test):
        images -= mean
        images /= std


def load_mnist_full(root: str | os.PathLike | None = None, name: str = "mnist",
                    normalize: bool = False, download: bool = False
                    ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Load the full MNIST (or, with name="fashion-mnist", Fashion-MNIST).

    Returns {"train": (images, labels), "test": (images, labels)} with
    images float32 of shape (N, 1, 28, 28) in [0, 1] (N = 60000 / 10000) and
    labels int64 of shape (N,). With ``normalize=True`` the images are instead
    standardized with the training set's mean and std (mean 0, std 1).
    Downloads first only if ``download=True``; otherwise missing files raise
    ``FileNotFoundError``.
    """
    if name not in ("mnist", "fashion-mnist"):
        raise ValueError(f"name must be 'mnist' or 'fashion-mnist', not {name!r}")
    if download:
        download_dataset(name, root=root)
    folder = data_root(root) / name
    missing = [f.filename for f in DATASETS[name] if not (folder / f.filename).exists()]
    if missing:
        raise _missing_files_error(name, folder, missing)

    result = {}
    for split, prefix in (("train", "train"), ("test", "t10k")):
        images = read_idx(folder / f"{prefix}-images-idx3-ubyte.gz")
        labels = read_idx(folder / f"{prefix}-labels-idx1-ubyte.gz")
        if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
            raise ValueError(f"{folder}: {split} images {images.shape} and labels "
                             f"{labels.shape} do not fit together")
        images = images.astype(np.float32)[:, None, :, :]  # (N, H, W) -> (N, 1, H, W)
        images /= 255.0
        result[split] = (images, labels.astype(np.int64))
    if normalize:
        _standardize(result["train"][0], result["test"][0])
    return result


def load_cifar10(root: str | os.PathLike | None = None, normalize: bool = False,
                 download: bool = False) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Load CIFAR-10 straight from ``root/cifar10/cifar-10-python.tar.gz``.

    Returns {"train": (images, labels), "test": (images, labels)} with
    images float32 of shape (N, 3, 32, 32) in [0, 1] (N = 50000 / 10000,
    channels R, G, B) and labels int64 of shape (N,). With ``normalize=True``
    each channel is standardized with the training set's mean and std.

    The batches inside the tarball are Python pickles, and unpickling can run
    arbitrary code, so the tarball's SHA-256 is checked against ``DATASETS``
    before anything is unpickled. Nothing is extracted to disk.
    """
    if download:
        download_dataset("cifar10", root=root)
    entry = DATASETS["cifar10"][0]
    folder = data_root(root) / "cifar10"
    path = folder / entry.filename
    if not path.exists():
        raise _missing_files_error("cifar10", folder, [entry.filename])
    if entry.sha256 is not None and sha256_of_file(path) != entry.sha256:
        raise ValueError(f"{path} does not have the published SHA-256 checksum; delete "
                         f"it and run cnnlab.data.download_dataset('cifar10') again.")

    wanted = [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]
    batches: dict[str, dict] = {}
    with tarfile.open(path, "r:gz") as tar:
        for member in tar:  # one pass: a .tar.gz can only be read front to back cheaply
            basename = member.name.rsplit("/", 1)[-1]
            if member.isfile() and basename in wanted:
                with tar.extractfile(member) as f:
                    # encoding="bytes": the batches were pickled by Python 2.
                    batches[basename] = pickle.loads(f.read(), encoding="bytes")
    missing = [b for b in wanted if b not in batches]
    if missing:
        raise ValueError(f"{path}: batches {missing} not found in the tarball")

    def to_arrays(names: list[str]) -> tuple[np.ndarray, np.ndarray]:
        # Each row of b"data" is 3072 bytes: 1024 red, then 1024 green, then 1024 blue.
        pixels = np.concatenate([np.asarray(batches[n][b"data"], dtype=np.uint8)
                                 for n in names])
        labels = np.concatenate([np.asarray(batches[n][b"labels"], dtype=np.int64)
                                 for n in names])
        images = pixels.reshape(-1, 3, 32, 32).astype(np.float32)
        images /= 255.0
        return images, labels

    result = {"train": to_arrays(wanted[:5]), "test": to_arrays(wanted[5:])}
    if normalize:
        _standardize(result["train"][0], result["test"][0])
    return result
