import pytest
import torch

from cnnlab import pick_device


def test_cpu_machine_picks_cpu_and_says_why(capsys, monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr("cnnlab.device._mps_available", lambda: False)
    assert pick_device() == torch.device("cpu")
    out = capsys.readouterr().out
    assert out.startswith("cnnlab: using cpu") and "no GPU" in out and out.count("\n") == 1


def test_cuda_is_preferred_when_present(capsys, monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda i=0: "Test GPU")
    assert pick_device() == torch.device("cuda")
    assert "Test GPU" in capsys.readouterr().out


def test_mps_when_no_cuda(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr("cnnlab.device._mps_available", lambda: True)
    assert pick_device(verbose=False) == torch.device("mps")


def test_unavailable_preference_falls_back(capsys, monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    monkeypatch.setattr("cnnlab.device._mps_available", lambda: False)
    assert pick_device("cuda") == torch.device("cpu")
    assert "cuda is not available" in capsys.readouterr().out


def test_explicit_cpu(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "get_device_name", lambda i=0: "Test GPU")
    assert pick_device("cpu", verbose=False) == torch.device("cpu")


def test_bad_preference():
    with pytest.raises(ValueError, match="cuda"):
        pick_device("gpu")
