"""Tests for cnnlab.download, run against a local HTTP server (no real network).

The fixtures build tiny but valid MNIST-format (IDX) files and a tiny
CIFAR-10-format tarball, serve them from 127.0.0.1, and point the registry
at them with the right SHA-256 checksums.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import pickle
import re
import socket
import struct
import tarfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

from cnnlab import download as dl
from cnnlab.download import DATASETS, DownloadError, RemoteFile

MNIST_FILES = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
               "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]


# --------------------------------------------------------------------------
# Fixture data
# --------------------------------------------------------------------------

def idx_bytes(array: np.ndarray) -> bytes:
    """Encode a uint8 array as a gzipped IDX file."""
    header = bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    return gzip.compress(header + array.astype(np.uint8).tobytes())


def cifar_tarball(batches: dict[str, tuple[np.ndarray, np.ndarray]]) -> bytes:
    """A .tar.gz shaped like cifar-10-python.tar.gz: pickled dicts in cifar-10-batches-py/."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, (pixels, labels) in batches.items():
            payload = pickle.dumps({b"data": pixels, b"labels": labels.tolist(),
                                    b"batch_label": name.encode()})
            info = tarfile.TarInfo(f"cifar-10-batches-py/{name}")
            info.size = len(payload)
            tar.addfile(info, io.BytesIO(payload))
    return buffer.getvalue()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def fake_data():
    """Pixel data and the encoded files for a small MNIST and a small CIFAR-10."""
    rng = np.random.default_rng(0)
    mnist = {
        "train": (rng.integers(0, 256, (20, 28, 28), dtype=np.uint8),
                  rng.integers(0, 10, 20, dtype=np.uint8)),
        "test": (rng.integers(0, 256, (7, 28, 28), dtype=np.uint8),
                 rng.integers(0, 10, 7, dtype=np.uint8)),
    }
    files = {
        "train-images-idx3-ubyte.gz": idx_bytes(mnist["train"][0]),
        "train-labels-idx1-ubyte.gz": idx_bytes(mnist["train"][1]),
        "t10k-images-idx3-ubyte.gz": idx_bytes(mnist["test"][0]),
        "t10k-labels-idx1-ubyte.gz": idx_bytes(mnist["test"][1]),
    }
    cifar = {name: (rng.integers(0, 256, (3, 3072), dtype=np.uint8),
                    rng.integers(0, 10, 3, dtype=np.int64))
             for name in [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]}
    files["cifar-10-python.tar.gz"] = cifar_tarball(cifar)
    return {"mnist": mnist, "cifar": cifar, "files": files}


class Server:
    """What the test HTTP server serves, and a log of what it was asked for.

    URL layout: /good/<file> serves the file, /corrupt/<file> serves wrong
    bytes, /truncated/<file> announces the full length but sends half and
    hangs up, anything else is a 404.
    """

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.requests: list[str] = []
        self.url = ""

    def mirror(self, kind: str) -> str:
        return f"{self.url}/{kind}/"


@pytest.fixture
def server(fake_data):
    state = Server(fake_data["files"])

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            state.requests.append(self.path)
            _, kind, filename = self.path.split("/", 2)
            data = state.files.get(filename)
            if data is None or kind not in ("good", "corrupt", "truncated"):
                self.send_error(404)
                return
            if kind == "corrupt":
                data = b"this is not the file you are looking for" + data[40:]
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if kind == "truncated":
                data = data[: len(data) // 2]  # then the connection is closed
            self.wfile.write(data)

        def log_message(self, *args):  # keep test output quiet
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02},
                              daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture
def registry(monkeypatch, fake_data, server):
    """Point the registry at the test server, with the fixtures' checksums."""
    def entries(names):
        return [RemoteFile(n, (server.mirror("good"),), sha256(fake_data["files"][n]))
                for n in names]
    monkeypatch.setitem(DATASETS, "mnist", entries(MNIST_FILES))
    monkeypatch.setitem(DATASETS, "fashion-mnist", entries(MNIST_FILES))
    monkeypatch.setitem(DATASETS, "cifar10", entries(["cifar-10-python.tar.gz"]))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def closed_port() -> int:
    """A port on which nothing listens (bind it, note it, close it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------

def test_registry_entries_are_well_formed():
    assert set(DATASETS) == {"mnist", "fashion-mnist", "cifar10"}
    for name, files in DATASETS.items():
        assert files, name
        for f in files:
            # Every checksum is a published one; None would need a comment in the registry.
            assert f.sha256 is None or re.fullmatch(r"[0-9a-f]{64}", f.sha256), f
            assert any(m.startswith("https://") for m in f.mirrors), f
            assert all(m.endswith("/") for m in f.mirrors), f
    assert [f.filename for f in DATASETS["mnist"]] == MNIST_FILES
    assert len(dl.CLASS_NAMES["fashion-mnist"]) == len(dl.CLASS_NAMES["cifar10"]) == 10


def test_download_and_read_mnist_round_trip(tmp_path, registry, server, fake_data):
    folder = dl.download_dataset("mnist", root=tmp_path, progress=False)
    assert folder == tmp_path / "mnist"
    assert leftovers(folder) == sorted(MNIST_FILES)

    data = dl.load_mnist_full(root=tmp_path)
    for split, n in (("train", 20), ("test", 7)):
        images, labels = data[split]
        assert images.shape == (n, 1, 28, 28) and images.dtype == np.float32
        assert labels.shape == (n,) and labels.dtype == np.int64
        assert 0.0 <= images.min() and images.max() <= 1.0
        original_pixels, original_labels = fake_data["mnist"][split]
        np.testing.assert_array_equal(np.rint(images[:, 0] * 255).astype(np.uint8),
                                      original_pixels)
        np.testing.assert_array_equal(labels, original_labels)

    standardized = dl.load_mnist_full(root=tmp_path, normalize=True)["train"][0]
    assert abs(standardized.mean()) < 1e-4 and abs(standardized.std() - 1) < 1e-3


def test_second_call_does_not_download_again(tmp_path, registry, server):
    dl.download_dataset("fashion-mnist", root=tmp_path, progress=False)
    assert len(server.requests) == 4
    dl.download_dataset("fashion-mnist", root=tmp_path, progress=False)
    assert len(server.requests) == 4
    assert dl.load_mnist_full(root=tmp_path, name="fashion-mnist")["test"][0].shape == (7, 1, 28, 28)


def test_download_and_read_cifar10(tmp_path, registry, fake_data):
    data = dl.load_cifar10(root=tmp_path, download=True)
    for split, names in (("train", [f"data_batch_{i}" for i in range(1, 6)]),
                         ("test", ["test_batch"])):
        images, labels = data[split]
        n = 3 * len(names)
        assert images.shape == (n, 3, 32, 32) and images.dtype == np.float32
        assert labels.shape == (n,) and labels.dtype == np.int64
        pixels = np.concatenate([fake_data["cifar"][b][0] for b in names])
        np.testing.assert_array_equal(np.rint(images * 255).astype(np.uint8).reshape(n, 3072),
                                      pixels)
        np.testing.assert_array_equal(labels, np.concatenate([fake_data["cifar"][b][1]
                                                              for b in names]))
    # The red plane comes first: pixel (row 0, col 1) of channel 0 is byte 1.
    assert images[0, 0, 0, 1] == pytest.approx(fake_data["cifar"]["test_batch"][0][0, 1] / 255)


def test_corrupt_file_is_rejected_and_nothing_is_left(tmp_path, registry, server):
    with pytest.raises(DownloadError) as info:
        dl.download_dataset("cifar10", root=tmp_path, mirrors=[server.mirror("corrupt")],
                            progress=False)
    message = str(info.value)
    assert "checksum mismatch" in message and "expected" in message
    assert "cifar-10-python.tar.gz" in message
    assert "internet connection" not in message  # not a network problem
    assert leftovers(tmp_path / "cifar10") == []


def test_first_mirror_404_then_second_mirror_works(tmp_path, registry, server):
    mirrors = [server.mirror("nowhere"), server.mirror("good")]
    dl.download_dataset("mnist", root=tmp_path, mirrors=mirrors, progress=False)
    assert leftovers(tmp_path / "mnist") == sorted(MNIST_FILES)
    assert sum(path.startswith("/nowhere/") for path in server.requests) == 4


def test_all_mirrors_fail_lists_each_reason(tmp_path, registry, server):
    mirrors = [server.mirror("nowhere"), server.mirror("corrupt")]
    with pytest.raises(DownloadError) as info:
        dl.download_dataset("cifar10", root=tmp_path, mirrors=mirrors, progress=False)
    message = str(info.value)
    assert "HTTP 404" in message and "checksum mismatch" in message
    assert server.mirror("nowhere") + "cifar-10-python.tar.gz" in message


def test_server_down_tells_the_user_what_to_do(tmp_path, registry):
    dead = f"http://127.0.0.1:{closed_port()}/"
    with pytest.raises(DownloadError) as info:
        dl.download_dataset("mnist", root=tmp_path, mirrors=[dead], timeout=5, progress=False)
    message = str(info.value)
    assert "connection refused" in message
    assert "internet connection" in message
    assert str((tmp_path / "mnist").resolve()) in message
    for filename in MNIST_FILES:
        assert filename in message
    assert leftovers(tmp_path / "mnist") == []


def test_interrupted_transfer_leaves_no_partial_file(tmp_path, registry, server):
    with pytest.raises(DownloadError) as info:
        dl.download_dataset("cifar10", root=tmp_path, mirrors=[server.mirror("truncated")],
                            progress=False)
    assert "incomplete" in str(info.value)
    assert leftovers(tmp_path / "cifar10") == []


def test_keyboard_interrupt_removes_temporary_file(tmp_path, registry, monkeypatch):
    def interrupted(url, destination, timeout, progress):
        destination.write_bytes(b"half a file")
        raise KeyboardInterrupt
    monkeypatch.setattr(dl, "_fetch_to", interrupted)
    with pytest.raises(KeyboardInterrupt):
        dl.download_dataset("cifar10", root=tmp_path, progress=False)
    assert leftovers(tmp_path / "cifar10") == []


def test_wrong_existing_file_is_replaced(tmp_path, registry, server, fake_data):
    folder = tmp_path / "cifar10"
    folder.mkdir()
    (folder / "cifar-10-python.tar.gz").write_bytes(b"garbage")
    dl.download_dataset("cifar10", root=tmp_path, progress=False)
    assert (folder / "cifar-10-python.tar.gz").read_bytes() == \
        fake_data["files"]["cifar-10-python.tar.gz"]


def test_unknown_dataset_name():
    with pytest.raises(ValueError, match="cifar10"):
        dl.download_dataset("imagenet")


def test_read_idx_bad_magic_number(tmp_path):
    bad = tmp_path / "bad.idx"
    bad.write_bytes(b"\x12\x34\x08\x01" + b"\x00" * 12)
    with pytest.raises(ValueError, match="magic"):
        dl.read_idx(bad)
    gz = tmp_path / "bad.idx.gz"
    gz.write_bytes(gzip.compress(b"\xff\xff\xff\xff"))
    with pytest.raises(ValueError, match="magic"):
        dl.read_idx(gz)


def test_read_idx_plain_and_truncated(tmp_path):
    array = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)
    plain = tmp_path / "plain.idx"
    plain.write_bytes(gzip.decompress(idx_bytes(array)))
    np.testing.assert_array_equal(dl.read_idx(plain), array)
    plain.write_bytes(plain.read_bytes()[:-1])
    with pytest.raises(ValueError, match="bytes"):
        dl.read_idx(plain)


def test_loaders_without_files_mention_download_dataset(tmp_path):
    with pytest.raises(FileNotFoundError, match="download_dataset"):
        dl.load_mnist_full(root=tmp_path)
    with pytest.raises(FileNotFoundError, match="download_dataset"):
        dl.load_mnist_full(root=tmp_path, name="fashion-mnist")
    with pytest.raises(FileNotFoundError, match="download_dataset"):
        dl.load_cifar10(root=tmp_path)


def test_default_cache_is_the_course_data_folder(monkeypatch, tmp_path):
    from pathlib import Path

    from cnnlab.download import data_root

    monkeypatch.delenv("CNNLAB_DATA", raising=False)
    assert data_root() == Path(__file__).resolve().parents[1] / "data"
    monkeypatch.setenv("CNNLAB_DATA", str(tmp_path))
    assert data_root() == tmp_path
    assert data_root("elsewhere") == Path("elsewhere")
