"""Section 1: convolution speed. The course's reference solutions against torch.nn.functional.conv2d.

Forward: `conv2d_naive` (Python loops over output pixels) and `conv2d_im2col` (one matrix product)
from notebook 02's solution cells, against `F.conv2d`. Backward: `conv2d_backward` from notebook 04
(after its `conv2d_forward`), against torch autograd on `F.conv2d`. All in float64 (the course's
NumPy dtype; torch gets the same float64 arrays), stride 1, padding 1. Each output is checked against
torch (max abs difference) before it is timed. The naive loops are slow: they get fewer runs (within
a time budget) and, when one run on the whole batch would take longer than the budget, they are timed
on the first images of the batch and the time is scaled to the whole batch (the table says so).
"""
from __future__ import annotations

import time

import numpy as np
import torch
import torch.nn.functional as F

from autograder.reference import load_functions

from bench.benchutil import COURSE, ROOT, median_time

FORWARD_NB = COURSE.source("02-convolution-layer")
BACKWARD_NB = COURSE.source("04-backprop")
SHAPES = [((8, 3, 32, 32), (16, 3, 3, 3)), ((32, 16, 28, 28), (32, 16, 3, 3)), ((1, 64, 56, 56), (64, 64, 3, 3))]
TINY_SHAPES = [((2, 3, 8, 8), (4, 3, 3, 3)), ((1, 8, 10, 10), (8, 8, 3, 3))]
PAD = 1
TARGET_RATIO = 3.0  # reference im2col forward within 3x of F.conv2d


class Settings:
    def __init__(self, tiny: bool):
        self.shapes = TINY_SHAPES if tiny else SHAPES
        # (max timed runs, seconds budget per measurement)
        self.fast = (1, 0.0) if tiny else (50, 3.0)      # im2col, torch, reference backward
        self.naive = (1, 0.0) if tiny else (5, 20.0)     # naive loops: a single run can take seconds


def _inputs(x_shape, w_shape, seed=0):
    rng = np.random.default_rng(seed)
    return rng.standard_normal(x_shape), rng.standard_normal(w_shape), rng.standard_normal(w_shape[0])


def _max_diff(a, b) -> float:
    return float(np.max(np.abs(np.asarray(a) - np.asarray(b))))


def _attempt(fn, *args):
    """(result, None) or (None, 'ErrorName: message'): a half-finished solution must not stop the run."""
    try:
        return fn(*args), None
    except Exception as exc:
        return None, f"{type(exc).__name__}: {str(exc)[:200]}"


def _time_naive(naive, x, w, b, settings):
    """Time the loops on as many images as fit the budget; returns (entry fields, output for the check)."""
    repeats, budget = settings.naive
    n = x.shape[0]
    start = time.perf_counter()
    _, err = _attempt(lambda: naive(x[:1], w, b, pad=PAD))  # one image: what would the whole batch cost?
    one = time.perf_counter() - start
    if err:
        return {"error": err}, None
    batch = n if budget == 0 or one * n <= budget else max(1, int(budget // one))
    out, err = _attempt(lambda: naive(x[:batch], w, b, pad=PAD))  # the check run doubles as warm-up
    if err:
        return {"error": err}, None
    seconds, runs = median_time(lambda: naive(x[:batch], w, b, pad=PAD), repeats, budget, warmup=False)
    return {"seconds": seconds * n / batch, "runs": runs, "batch_timed": batch}, out


def forward(settings: Settings) -> dict:
    funcs, missing = load_functions(FORWARD_NB, ["conv2d_naive", "conv2d_im2col"])
    rows = []
    for x_shape, w_shape in settings.shapes:
        x, w, b = _inputs(x_shape, w_shape)
        xt, wt, bt = (torch.from_numpy(a) for a in (x, w, b))
        with torch.no_grad():
            expected = F.conv2d(xt, wt, bt, padding=PAD).numpy()
            t_torch, n_torch = median_time(lambda: F.conv2d(xt, wt, bt, padding=PAD), *settings.fast)
        row = {"x": list(x_shape), "w": list(w_shape), "batch": x_shape[0],
               "torch": {"seconds": t_torch, "runs": n_torch}}
        if "conv2d_im2col" in funcs:
            fn = funcs["conv2d_im2col"]
            out, err = _attempt(lambda: fn(x, w, b, pad=PAD))
            if err:
                row["im2col"] = {"error": err}
            else:
                seconds, runs = median_time(lambda: fn(x, w, b, pad=PAD), *settings.fast)
                row["im2col"] = {"seconds": seconds, "runs": runs, "max_abs_diff": _max_diff(out, expected)}
        else:
            row["im2col"] = {"error": "not available: " + missing["conv2d_im2col"]}
        if "conv2d_naive" in funcs:
            entry, out = _time_naive(funcs["conv2d_naive"], x, w, b, settings)
            if out is not None:
                entry["max_abs_diff"] = _max_diff(out, expected[:entry["batch_timed"]])
            row["naive"] = entry
        else:
            row["naive"] = {"error": "not available: " + missing["conv2d_naive"]}
        for impl in ("naive", "im2col"):
            if "seconds" in row[impl]:
                row[impl]["ratio_to_torch"] = row[impl]["seconds"] / t_torch
        if "seconds" in row["naive"] and "seconds" in row["im2col"]:
            row["naive_over_im2col"] = row["naive"]["seconds"] / row["im2col"]["seconds"]
        rows.append(row)
        print(f"  forward x{x_shape} w{w_shape}: " + ", ".join(
            f"{k} {row[k]['seconds'] * 1e3:.2f} ms" if "seconds" in row[k] else f"{k} -"
            for k in ("naive", "im2col", "torch")), flush=True)
    return {"source": str(FORWARD_NB.relative_to(ROOT)), "rows": rows,
            "status": "ok" if funcs else "not available", "missing": missing}


def backward(settings: Settings) -> dict:
    funcs, missing = load_functions(BACKWARD_NB, ["conv2d_forward", "conv2d_backward"])
    result = {"source": str(BACKWARD_NB.relative_to(ROOT)), "rows": [], "missing": missing}
    if missing:
        result["status"] = "not available"
        return result
    fwd, bwd = funcs["conv2d_forward"], funcs["conv2d_backward"]
    for x_shape, w_shape in settings.shapes:
        x, w, b = _inputs(x_shape, w_shape)
        row = {"x": list(x_shape), "w": list(w_shape), "batch": x_shape[0]}
        xt, wt, bt = (torch.from_numpy(a).requires_grad_() for a in (x, w, b))
        y = F.conv2d(xt, wt, bt, padding=PAD)
        dout = np.random.default_rng(1).standard_normal(tuple(y.shape))
        dout_t = torch.from_numpy(dout)
        expected = [g.numpy() for g in torch.autograd.grad(y, (xt, wt, bt), dout_t)]

        def torch_graph():
            return F.conv2d(xt, wt, bt, padding=PAD)

        t_torch, n_torch = median_time(lambda y: torch.autograd.grad(y, (xt, wt, bt), dout_t), *settings.fast,
                                       setup=torch_graph)
        row["torch"] = {"seconds": t_torch, "runs": n_torch}
        forward_out, err = _attempt(lambda: fwd(x, w, b, 1, PAD))
        grads, err = (None, err) if err else _attempt(lambda: bwd(dout, forward_out[1]))
        if err:
            row["reference"] = {"error": err}
        else:
            seconds, runs = median_time(lambda: bwd(dout, forward_out[1]), *settings.fast)
            diffs = {name: _max_diff(g, e) for name, g, e in zip(("dx", "dw", "db"), grads, expected)}
            row["reference"] = {"seconds": seconds, "runs": runs, "max_abs_diff": max(diffs.values()),
                                "max_abs_diff_each": diffs, "ratio_to_torch": seconds / t_torch}
        result["rows"].append(row)
        print(f"  backward x{x_shape} w{w_shape}: reference "
              + (f"{row['reference']['seconds'] * 1e3:.2f} ms" if "seconds" in row["reference"] else "-")
              + f", torch {t_torch * 1e3:.2f} ms", flush=True)
    result["status"] = "ok"
    return result


def run(tiny: bool = False) -> dict:
    settings = Settings(tiny)
    result = {"dtype": "float64", "stride": 1, "pad": PAD, "forward": forward(settings),
              "backward": backward(settings)}
    ratios = [r["im2col"]["ratio_to_torch"] for r in result["forward"]["rows"] if "ratio_to_torch" in r["im2col"]]
    complete = len(ratios) == len(settings.shapes) and not tiny  # the target is about the shapes
    result["targets"] = [{
        "target": f"reference im2col forward within {TARGET_RATIO:g}x of F.conv2d (every shape)",
        "measured": (f"worst {max(ratios):.2f}x" + (" (tiny shapes: no verdict)" if tiny else "")) if ratios
        else "not available",
        "met": (max(ratios) <= TARGET_RATIO) if complete else None}]
    return result
