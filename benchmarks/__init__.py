"""Benchmarks of the gate: decision core vs bare c2pa, scanner vs Presidio, end to end, memory.

Run with `make bench-quick` (under 10 minutes on 2 cores) or `make bench`; results go to
`benchmarks/results/` (latest.json, latest.md, PNG plots). Every comparison is a ratio measured in the
same run, so machine noise cancels; see `benchmarks.stats`.
"""
