"""Measure how fast the course convolves, runs and grades, and how well notebook 05 learns.

    python -m bench                      # everything; writes docs/benchmarks.md and docs/benchmarks.json
    python -m bench --tiny --out /tmp/b  # seconds-scale smoke run (what bench/test_bench.py runs)
    python -m bench --sections conv,grading

Sections (one module each in the bench package): conv (conv_speed.py), series (series.py), grading
(grading.py), learning (learning.py); report.py writes the two files. `make bench` runs the full
benchmark, which must finish within 40 minutes on a 2-core machine (issue 8): most of it executes
the notebooks in default mode (the series), then autogrades 2 submissions per released assignment
and a batch of 20. Run it on a quiet machine. Figures are printed and written, never asserted.
A section that fails is written as "error" (the others still run) and the exit status is 1.

--tiny: tiny convolution shapes and one run each; the series in FAST mode for notebook 01 only;
grading of 01's solution and release plus a batch of 2; learning skipped (it needs notebook 05 in
default mode). Its figures mean nothing; it exists so that the scripts cannot rot.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from bench import benchutil, conv_speed, grading, learning, report, series
from bench.benchutil import COURSE, ROOT, SECTIONS


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiny", action="store_true", help="a quick smoke run; its figures mean nothing")
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="folder for benchmarks.md/.json (docs/)")
    parser.add_argument("--sections", default=",".join(SECTIONS),
                        help=f"comma-separated subset of {','.join(SECTIONS)} (default: all)")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch and BLAS threads for the convolution section (default: the libraries' own)")
    args = parser.parse_args(argv)
    args.sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = set(args.sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections {sorted(unknown)}; choose from {','.join(SECTIONS)}")
    return args


def set_threads(n: int | None) -> None:
    if n:
        import torch
        from threadpoolctl import threadpool_limits

        torch.set_num_threads(n)
        threadpool_limits(limits=n)


def main(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    set_threads(args.threads)
    started = time.perf_counter()
    ids = COURSE.ids()  # whatever solutions/ holds now; notebooks are still being written
    meta = {"date": benchutil.now(), "mode": "tiny" if args.tiny else "full", "sections_run": args.sections,
            "command": "python -m bench" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:])),
            "git_commit": benchutil.git_commit(), "assignments": ids,
            "machine": benchutil.machine(), "versions": benchutil.versions(), "section_seconds": {}}
    print(f"benchmark ({meta['mode']}) on {meta['machine']['cpu']}, {meta['machine']['usable_cpus']} cores; "
          f"assignments: {', '.join(ids) or 'none'}", flush=True)
    results: dict = {"meta": meta}
    learn_id = learning.notebook_id(ids)
    series_ids = [i for i in ids if i == grading.BATCH_ASSIGNMENT] if args.tiny else ids
    series_modes = ("fast",) if args.tiny else series.MODES
    executed: dict = {}

    def section(name, fn):
        if name not in args.sections:
            results[name] = {"status": "skipped", "reason": "not in --sections", "targets": []}
            return
        print(f"\n== {name} ==", flush=True)
        start = time.perf_counter()
        try:
            results[name] = {"status": "ok", **fn()}  # its own status (e.g. "not available") wins
        except Exception as exc:  # one broken section must not lose the others
            traceback.print_exc()
            results[name] = {"status": "error", "reason": f"{type(exc).__name__}: {exc}"[:500], "targets": []}
        meta["section_seconds"][name] = time.perf_counter() - start

    def run_series():
        extra = {(learn_id, "default"): learning.EXTRA_CELL} if "learning" in args.sections and learn_id else {}
        result, runs = series.run(series_ids, series_modes, extra)
        executed.update(runs)
        return result

    def run_learning():
        if args.tiny:
            return learning.not_available("skipped in --tiny mode (needs notebook 05 in default mode)", learn_id)
        if learn_id and (learn_id, "default") in executed:  # the series ran it, with the extra cell
            row = next(r for r in results["series"]["notebooks"] if r["id"] == learn_id)
            return learning.from_run(learn_id, executed[(learn_id, "default")], row["default"]["error"])
        return learning.run(learn_id)

    section("conv", lambda: conv_speed.run(tiny=args.tiny))
    section("series", run_series)
    section("grading", lambda: grading.run(ids, tiny=args.tiny))
    section("learning", run_learning)
    results["targets"] = [{"section": name, **t} for name in SECTIONS for t in results[name].get("targets", [])]
    meta["total_seconds"] = time.perf_counter() - started
    md, js = report.write(results, args.out)
    print(f"\nwrote {md} and {js} in {meta['total_seconds'] / 60:.1f} min", flush=True)
    for t in results["targets"]:
        verdict = {True: "met", False: "NOT MET", None: "not measured"}[t["met"]]
        print(f"  [{verdict}] {t['section']}: {t['target']}: {t['measured']}")
    return 1 if any(results[name]["status"] == "error" for name in SECTIONS) else 0

