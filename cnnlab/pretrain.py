"""Make the course's pretrained networks: ``python -m cnnlab.pretrain`` (``make pretrain``).

Two sources, both offline:

- ``--source glyphs`` (default, writes ``data/pretrained/glyphs.pt``): `SmallResNet` learns the
  26 letters printed in 22 of matplotlib's fonts, rendered on the fly by `cnnlab.glyphs` with
  random transforms (a fresh sample every epoch). The stand-in for ImageNet pretraining in 09-10.
- ``--source digits04`` (writes ``digits04.pt``): the same network on real MNIST digits 0-4 of
  `cnnlab.data.load_mnist_subset` (2,000 to train, 500 to measure), for the "similar task" of 09.

Each run writes ``<name>.pt`` ({"state_dict", "config", "classes"}, float32) and ``<name>.json``:
sha256, the exact command, seed, library versions, training time, source accuracy on a fresh
sample. `cnnlab.models.load_pretrained` refuses a file whose sha256 differs from its record.
``--tiny`` trains for a few seconds (for tests); its accuracy means nothing.
"""
from __future__ import annotations

import argparse
import datetime
import json
import platform
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

from cnnlab.models import PRETRAINED_DIR, SmallResNet, sha256_of

SOURCES = ("glyphs", "digits04")
EVAL_SEED_OFFSET = 1_000_000  # the glyph sample that measures accuracy never overlaps a training epoch's


def _versions() -> dict[str, str]:
    import matplotlib

    return {"python": platform.python_version(), "torch": torch.__version__, "numpy": np.__version__,
            "matplotlib": matplotlib.__version__}


@torch.no_grad()
def accuracy(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, batch: int = 1000) -> float:
    """Fraction of x (N, 1, 28, 28) that `model` (put in eval mode) classifies as y (N,)."""
    model.eval()
    correct = sum((model(x[i:i + batch]).argmax(1) == y[i:i + batch]).sum().item() for i in range(0, len(y), batch))
    return correct / len(y)


def _digits04(seed: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Real MNIST digits 0-4: 2,000 to train and 500 to measure, (N, 1, 28, 28) in [0, 1]."""
    from cnnlab.data import load_mnist_subset

    splits = load_mnist_subset(n_train=5000, n_val=0, n_test=0, seed=seed)
    keep = splits.train.y < 5
    x, y = torch.from_numpy(splits.train.x[keep]), torch.from_numpy(splits.train.y[keep])
    return x[:2000], y[:2000], x[2000:], y[2000:]


def pretrain(source: str = "glyphs", name: str | None = None, epochs: int = 6, per_epoch: int = 25_600,
             eval_n: int = 10_000, seed: int = 0, batch_size: int = 128, lr: float = 0.1,
             out_dir: str | Path = PRETRAINED_DIR, command: str | None = None) -> dict:
    """Train `SmallResNet` on `source`, write ``<name>.pt`` and ``<name>.json`` in `out_dir`; return the record.

    glyphs: `epochs` x `per_epoch` freshly rendered letters (seed*1000 + epoch), accuracy on
    `eval_n` more (seed + EVAL_SEED_OFFSET). digits04: `epochs` passes over 2,000 real digits
    (`per_epoch` and `eval_n` ignored), accuracy on 500 held-out digits 0-4.
    SGD (momentum 0.9, Nesterov, weight decay 5e-4), one-cycle learning rate peaking at `lr`.
    """
    if source not in SOURCES:
        raise ValueError(f"source must be one of {SOURCES}; got {source!r}")
    for key, value in {"epochs": epochs, "per_epoch": per_epoch, "eval_n": eval_n, "batch_size": batch_size}.items():
        if not isinstance(value, int) or value < 1:
            raise ValueError(f"{key} must be a positive integer; got {value!r}")
    from cnnlab import glyphs

    name = name or source
    torch.manual_seed(seed)
    np.random.seed(seed)
    start = time.perf_counter()
    if source == "glyphs":
        classes = list(glyphs.CLASSES)
        x_eval, y_eval = glyphs.render_letters(eval_n, seed=seed + EVAL_SEED_OFFSET)
        steps_per_epoch = -(-per_epoch // batch_size)
    else:
        classes = [str(d) for d in range(5)]
        x_train, y_train, x_eval, y_eval = _digits04(seed)
        steps_per_epoch = -(-len(y_train) // batch_size)
    model = SmallResNet(num_classes=len(classes))
    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9, nesterov=True, weight_decay=5e-4)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=lr, epochs=epochs, steps_per_epoch=steps_per_epoch)
    order = torch.Generator().manual_seed(seed)
    for epoch in range(epochs):
        if source == "glyphs":
            x_train, y_train = glyphs.render_letters(per_epoch, seed=seed * 1000 + epoch)
        perm = torch.randperm(len(y_train), generator=order)
        model.train()
        total, correct = 0.0, 0
        for i in range(0, len(perm), batch_size):
            idx = perm[i:i + batch_size]
            logits = model(x_train[idx])
            loss = F.cross_entropy(logits, y_train[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item() * len(idx)
            correct += (logits.argmax(1) == y_train[idx]).sum().item()
        print(f"epoch {epoch + 1}/{epochs}: train loss {total / len(perm):.4f}, train accuracy "
              f"{correct / len(perm):.4f}, {time.perf_counter() - start:.0f} s", flush=True)
    seconds = time.perf_counter() - start
    source_accuracy = accuracy(model, x_eval, y_eval)
    print(f"source accuracy on {len(y_eval)} held-out samples: {source_accuracy:.4f}", flush=True)

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    weights = out_dir / f"{name}.pt"
    state = {k: v.detach().to(torch.float32) if v.is_floating_point() else v for k, v in model.state_dict().items()}
    torch.save({"state_dict": state, "config": model.config, "classes": classes}, weights)
    record = {
        "name": name, "file": weights.name, "sha256": sha256_of(weights), "bytes": weights.stat().st_size,
        "command": command or "python -m cnnlab.pretrain " + " ".join(sys.argv[1:]),
        "source": source, "classes": classes, "seed": seed, "epochs": epochs,
        "images_per_epoch": per_epoch if source == "glyphs" else len(y_train),
        "batch_size": batch_size, "max_lr": lr, "optimizer": "SGD momentum 0.9 nesterov, weight decay 5e-4, one-cycle",
        "parameters": sum(p.numel() for p in model.parameters()),
        "training_seconds": round(seconds, 1), "torch_threads": torch.get_num_threads(),
        "source_accuracy": round(source_accuracy, 4), "eval_samples": len(y_eval),
        "eval_seed": seed + EVAL_SEED_OFFSET if source == "glyphs" else f"load_mnist_subset(seed={seed}) digits 0-4 after the first 2000",
        "versions": _versions(), "created_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "remake": f"make pretrain   (python -m cnnlab.pretrain --source {source} --name {name})",
    }
    with open(out_dir / f"{name}.json", "w", encoding="utf-8") as fh:
        json.dump(record, fh, indent=2)
        fh.write("\n")
    print(f"wrote {weights} ({record['bytes']:,} bytes, sha256 {record['sha256'][:12]}...)", flush=True)
    return record


def main(argv: list[str] | None = None) -> dict:
    """Command line: see ``python -m cnnlab.pretrain --help``."""
    parser = argparse.ArgumentParser(prog="python -m cnnlab.pretrain", description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", choices=SOURCES, default="glyphs")
    parser.add_argument("--name", default=None, help="checkpoint name (default: the source)")
    parser.add_argument("--epochs", type=int, default=None, help="default 6 (glyphs), 15 (digits04)")
    parser.add_argument("--per-epoch", type=int, default=25_600, help="rendered letters per epoch")
    parser.add_argument("--eval-n", type=int, default=10_000, help="fresh letters that measure accuracy")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(PRETRAINED_DIR), help="output folder")
    parser.add_argument("--tiny", action="store_true", help="a few seconds of training, for tests")
    args = parser.parse_args(argv)
    epochs = args.epochs or (6 if args.source == "glyphs" else 15)
    per_epoch, eval_n = args.per_epoch, args.eval_n
    if args.tiny:
        epochs, per_epoch, eval_n = 1, 256, 128
    command = "python -m cnnlab.pretrain " + " ".join(sys.argv[1:] if argv is None else argv)
    return pretrain(args.source, args.name, epochs=epochs, per_epoch=per_epoch, eval_n=eval_n, seed=args.seed,
                    out_dir=args.out, command=command.strip())


if __name__ == "__main__":
    main()
