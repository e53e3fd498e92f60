"""Pick the device that training cells run on: a GPU when there is one, never required."""
from __future__ import annotations

import torch

_CHOICES = ("cuda", "mps", "cpu")


def _mps_available() -> bool:
    mps = getattr(torch.backends, "mps", None)
    return bool(mps is not None and mps.is_available())


def pick_device(prefer: str | None = None, verbose: bool = True) -> torch.device:
    """Return ``cuda`` if available, else ``mps`` (Apple GPU), else ``cpu``, and say why.

    Args:
        prefer: None for automatic choice, or one of "cuda", "mps", "cpu". A preferred GPU
            that is not available falls back to the automatic choice (with a message),
            so a notebook written on a GPU machine still runs on a laptop.
        verbose: print the one-line explanation.
    """
    if prefer is not None and prefer not in _CHOICES:
        raise ValueError(f"prefer must be None or one of {_CHOICES}; got {prefer!r}")
    available = {"cuda": torch.cuda.is_available(), "mps": _mps_available(), "cpu": True}
    if prefer is not None and available[prefer]:
        device, why = torch.device(prefer), f"you asked for {prefer}"
    else:
        note = f"{prefer} is not available; " if prefer is not None else ""
        if available["cuda"]:
            device, why = torch.device("cuda"), f"{note}found GPU {torch.cuda.get_device_name(0)}"
        elif available["mps"]:
            device, why = torch.device("mps"), f"{note}found an Apple GPU (MPS)"
        else:
            threads = torch.get_num_threads()
            device, why = torch.device("cpu"), f"{note}no GPU found; {threads} CPU threads"
    if verbose:
        print(f"cnnlab: using {device.type} ({why})")
    return device
