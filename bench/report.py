"""Write the results: docs/benchmarks.json (every figure) and docs/benchmarks.md (tables made from it)."""
from __future__ import annotations

import json
from pathlib import Path

from bench.benchutil import SECTIONS, rounded

TITLES = {"conv": "1. Convolution speed", "series": "2. Executing the notebooks",
          "grading": "3. Autograding", "learning": "4. Learning: LeNet-5 variants of notebook 05"}


def write(results: dict, out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    json_path, md_path = out / "benchmarks.json", out / "benchmarks.md"
    json_path.write_text(json.dumps(rounded(results), indent=2) + "\n")
    by_hand = Path(__file__).resolve().parents[1] / "docs" / "benchmarks-by-hand.md"
    extra = "\n" + by_hand.read_text() if by_hand.exists() else ""  # measurements made outside `make bench`
    md_path.write_text(markdown(results) + extra)
    return md_path, json_path


def seconds(s: float | None) -> str:
    if s is None:
        return "-"
    if s < 1:
        return f"{s * 1e3:.3g} ms"
    if s < 120:
        return f"{s:.1f} s"
    return f"{s / 60:.1f} min"


def ratio(r: float | None) -> str:
    return "-" if r is None else (f"{r:,.0f}x" if r >= 100 else f"{r:.3g}x")


def met(value) -> str:
    return {True: "met", False: "**not met**", None: "not measured"}[value]


def table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c).replace("|", "/") for c in row) + " |" for row in rows]
    return lines + [""]


def caption(meta: dict) -> str:
    m, v = meta["machine"], meta["versions"]
    return (f"_Machine: {m['cpu']}, {m['usable_cpus']} cores ({m['logical_cpus']} logical), torch threads "
            f"{m['torch_threads']}, BLAS threads {m['blas_threads']}; Python {v['python']}, torch {v['torch']}, "
            f"numpy {v['numpy']}, nbgrader {v['nbgrader']}; {meta['date']}._\n")


def markdown(results: dict) -> str:
    meta = results["meta"]
    m, v = meta["machine"], meta["versions"]
    lines = ["# Benchmarks", "",
             f"Written by `make bench` (`{meta['command']}`) on {meta['date']}, mode **{meta['mode']}**, commit "
             f"`{meta['git_commit']}`; the whole run took {seconds(meta['total_seconds'])}. Do not edit by hand: "
             "rerun it. The same figures, machine-readable: [benchmarks.json](benchmarks.json).", "",
             f"- Machine: {m['cpu']}, {m['usable_cpus']} usable cores ({m['logical_cpus']} logical), torch "
             f"threads {m['torch_threads']}, BLAS threads {m['blas_threads']}, load average "
             f"{m['load_average_1min']} at the start; {m['platform']}",
             f"- Versions: Python {v['python']}, torch {v['torch']}, numpy {v['numpy']}, nbgrader {v['nbgrader']}, "
             f"nbclient {v['nbclient']}",
             "- Times are wall-clock (`time.perf_counter`), median of the runs shown. They are figures, not "
             "tests: on a shared machine, compare ratios measured side by side in one run.", "",
             "## Targets", ""]
    lines += table(["section", "target", "measured", "verdict"],
                   [[t["section"], t["target"], t["measured"], met(t["met"])] for t in results["targets"]])
    for name in SECTIONS:
        section = results[name]
        lines += [f"## {TITLES[name]}", ""]
        if section["status"] in ("skipped", "error"):
            lines += [f"{section['status'].capitalize()}: {section.get('reason', '')}", ""]
            continue
        lines += {"conv": conv_md, "series": series_md, "grading": grading_md, "learning": learning_md}[name](section)
        lines.append(caption(meta))
    return "\n".join(lines).rstrip() + "\n"


def _cell(entry: dict, scaled: bool = False) -> str:
    if "seconds" not in entry:
        return "not available"
    runs = entry["runs"]
    return f"{seconds(entry['seconds'])} ({runs} run{'s' if runs != 1 else ''}){' *' if scaled else ''}"


def conv_md(section: dict) -> list[str]:
    fwd, bwd = section["forward"], section["backward"]
    lines = [f"Reference solutions from `{fwd['source']}` (forward) and `{bwd['source']}` (backward), executed "
             "from their solution cells; float64 throughout, stride 1, padding 1; each output checked against "
             "PyTorch first (max abs diff).", "", "### Forward", ""]
    rows, notes = [], []
    for r in fwd["rows"]:
        naive, im2col = r["naive"], r["im2col"]
        scaled = naive.get("batch_timed", r["batch"]) < r["batch"]
        if scaled:
            notes.append(f"\\* naive loops on x{tuple(r['x'])}: timed on the first {naive['batch_timed']} of "
                         f"{r['batch']} images (one run on the whole batch would exceed the time budget), scaled "
                         "to the whole batch.")
        diffs = ", ".join(f"{e['max_abs_diff']:.1e}" if "max_abs_diff" in e else "-" for e in (naive, im2col))
        rows.append([f"{tuple(r['x'])} x {tuple(r['w'])}", _cell(naive, scaled), _cell(im2col), _cell(r["torch"]),
                     ratio(naive.get("ratio_to_torch")), ratio(im2col.get("ratio_to_torch")),
                     ratio(r.get("naive_over_im2col")), diffs])
    lines += table(["x x w", "naive loops", "im2col", "F.conv2d", "naive / torch", "im2col / torch",
                    "naive / im2col (speed-up)", "max abs diff (naive, im2col)"], rows)
    for impl, why in fwd.get("missing", {}).items():
        notes.append(f"`{impl}` not available: {why}")
    lines += [*notes, ""] if notes else []
    lines += ["### Backward", ""]
    if bwd["status"] != "ok":
        lines += ["Not available: " + "; ".join(f"`{k}`: {v}" for k, v in bwd["missing"].items()), ""]
        return lines
    rows = []
    for r in bwd["rows"]:
        ref = r["reference"]
        diffs = ", ".join(f"{d:.1e}" for d in ref["max_abs_diff_each"].values()) if "max_abs_diff_each" in ref \
            else ref.get("error", "-")
        rows.append([f"{tuple(r['x'])} x {tuple(r['w'])}", _cell(ref), _cell(r["torch"]),
                     ratio(ref.get("ratio_to_torch")), diffs])
    return lines + table(["x x w", "reference conv2d_backward", "torch autograd (backward only)",
                          "reference / torch", "max abs diff (dx, dw, db)"], rows)


def series_md(section: dict) -> list[str]:
    modes = section["modes"]
    rows = []
    for r in section["notebooks"]:
        cells = []
        for mode in modes:
            e = r[mode]
            text = seconds(e["seconds"])
            if e["error"]:
                text += f" (failed: {e['error']})"
            elif mode == "default" and e.get("over_5_min"):
                text += " **over 5 min**"
            cells.append(text)
        rows.append([f"`{r['id']}`", *cells])
    rows.append(["**total**", *(f"**{seconds(section['totals'][m]['seconds'])}**" for m in modes)])
    return ["Each solution notebook executed top to bottom in a fresh kernel (kernel start included), "
            "`CNNLAB_FAST=1` for FAST mode and `0` for default mode.", ""] + table(
        ["notebook", *(("FAST mode" if m == "fast" else "default mode") for m in modes)], rows)


def grading_md(section: dict) -> list[str]:
    lat, bat = section["latency"], section["batch"]
    lines = ["Each submission is one `nbgrader autograde` process (FAST mode, cell time limit from the course "
             "config), timed around `autograder.grading.grade_one`.", "", "### Latency per submission", ""]
    lines += table(["assignment", "submission", "latency", "score", "status"],
                   [[f"`{r['assignment']}`", r["student"], seconds(r["seconds"]),
                     f"{r['score']:g}/{r['max_score']:g}", r["status"]] for r in lat["submissions"]])
    lines += [f"Median {seconds(lat['median_s'])}, max {seconds(lat['max_s'])} over {lat['count']} submissions; "
              f"loading the assignments into the gradebook first took {seconds(lat['setup_s'])}.", ""]
    lines += [f"Skipped `{aid}`: {why}" for aid, why in lat["skipped"].items()]
    lines += ["", f"### Batch: {bat['size']} generated submissions of `{bat['assignment']}`", ""]
    if bat["status"] != "ok":
        return lines + [f"Not available: {bat.get('reason')}", ""]
    lines += [f"Solved notebooks with 0 to 3 graded functions replaced by random mutants from `tests/mutants/` "
              f"(seed 0). The whole batch took {seconds(bat['total_s'])} (median {seconds(bat['median_s'])}, max "
              f"{seconds(bat['max_s'])} per submission).", ""]
    return lines + table(["submission", "mistakes (mutants)", "score", "latency"],
                         [[r["student"], ", ".join(r["mistakes"]) or "none",
                           f"{r['score']:g}/{r['max_score']:g}", seconds(r["seconds"])] for r in bat["submissions"]])


def learning_md(section: dict) -> list[str]:
    if section["status"] != "ok":
        return [f"Not available: {section['reason']}", ""]

    def pct(x):  # a fraction (0.98) or already a percentage (98.0)
        return "-" if x is None else f"{100 * x if x <= 1 else x:.2f} %"

    return [f"From `lenet_results` of `{section['notebook']}` after its {section['mode']}-mode run.", ""] + table(
        ["variant", "test accuracy", "training time", "epochs"],
        [[r["variant"], pct(r["test_acc"]), seconds(r["train_seconds"]), r["epochs"] if r["epochs"] is not None
          else "-"] for r in section["variants"]])
