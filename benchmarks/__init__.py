"""Benchmarks: scripts printing figures, run as `python -m benchmarks.NAME`."""
