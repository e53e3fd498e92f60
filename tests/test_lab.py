"""`make lab` starts JupyterLab on notebooks/ and serves notebook 01 (as root too)."""
import json
import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.notebook


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_serves_notebook_01(tmp_path):
    port, token = free_port(), secrets.token_hex(8)
    args = f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} --IdentityProvider.token={token}"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path), JUPYTER_DATA_DIR=str(tmp_path / "data"))
    proc = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_ARGS={args}"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    url = f"http://127.0.0.1:{port}/api/contents/01-why-convolutions/01-why-convolutions.ipynb?token={token}"
    try:
        deadline, body = time.time() + 90, None
        while time.time() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=5) as resp:
                    body = json.load(resp)
                break
            except OSError:
                time.sleep(1)
        assert body is not None, f"JupyterLab did not serve notebook 01: {proc.poll()=}"
        assert body["type"] == "notebook" and body["name"] == "01-why-convolutions.ipynb"
        assert any("Why convolutions" in "".join(c["source"]) for c in body["content"]["cells"])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10) as resp:
            assert resp.status == 200 and b"JupyterLab" in resp.read()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            out, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
    if os.geteuid() == 0:
        assert "--allow-root" in out, "make lab must pass --allow-root when run as root"
