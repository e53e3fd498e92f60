"""Benchmarks of the course: `python -m bench` (or `make bench`) writes docs/benchmarks.md and .json.

They print figures and ratios; nothing here is a pass/fail test of a time. `bench/test_bench.py` only checks
that the scripts run and write well-formed files.
"""
