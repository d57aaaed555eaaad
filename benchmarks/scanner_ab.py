"""Two builds of the scanner, timed in alternation on the same corpora: the ratio of their CPU per record.

    python benchmarks/scanner_ab.py OLD_SITE NEW_SITE [--rounds 10] [sample:150 europe:2000 ...]

Each SITE is a directory whose `gate` is imported first (an unpacked compiled wheel, as the compiled
build test makes them; or a source tree for the pure build). One worker process per build keeps its
corpora and warm caches; the driver asks them in turn (old, new, then new, old, ...) for one measured
burst each (CPU time, at least 0.6 s of passes, the table of clean strings emptied before every pass)
and prints per corpus both medians and the median of the paired ratios old/new with their range.
On a shared machine absolute figures move with the load; the paired ratios move far less.
The corpora come from this tree's `benchmarks` (the same records for both builds).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

_ROOT = Path(__file__).resolve().parents[1]
_BURST_SECONDS = 0.6


def _worker() -> None:
    """Answer each "corpus count" line on stdin with one burst's CPU us per record and the walk's file."""
    sys.path.append(str(_ROOT))
    from benchmarks.scanner_costs import _records, scan_all  # noqa: PLC0415 - after the site is first
    from gate.scanning import walk  # noqa: PLC0415

    corpora: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for line in sys.stdin:
        corpus, count = line.split()
        records = corpora.get((corpus, int(count)))
        if records is None:
            records = corpora[(corpus, int(count))] = _records(corpus, int(count))
            scan_all(records, True)
        start, passes = time.process_time(), 0
        while time.process_time() - start < _BURST_SECONDS:
            scan_all(records, True)
            passes += 1
        micros = (time.process_time() - start) / passes / len(records) * 1e6
        print(micros, walk.__file__, flush=True)


def main(argv: list[str]) -> int:
    """Start one worker per build and print the paired ratios (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("corpora", nargs="*", default=["sample:150", "europe:2000", "generated:1000"])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_intermixed_args(argv)
    workers = {}
    for name, site in (("old", args.old), ("new", args.new)):
        env = dict(os.environ, PYTHONPATH=site, PYTHONHASHSEED="0")
        workers[name] = subprocess.Popen(
            [sys.executable, "-P", __file__, "--worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=_ROOT,
        )  # fmt: skip
    for corpus in args.corpora:
        times: dict[str, list[float]] = {"old": [], "new": []}
        for index in range(args.rounds):
            for name in ("old", "new") if index % 2 == 0 else ("new", "old"):
                worker = workers[name]
                assert worker.stdin is not None and worker.stdout is not None
                worker.stdin.write(corpus.replace(":", " ") + "\n")
                worker.stdin.flush()
                micros, walk_file = worker.stdout.readline().split()
                times[name].append(float(micros))
                if index == 0 and corpus == args.corpora[0]:
                    print(f"{name}: {walk_file}")
        ratios = [old / new for old, new in zip(times["old"], times["new"], strict=True)]
        print(
            f"{corpus}: old {statistics.median(times['old']):.1f} new {statistics.median(times['new']):.1f}"
            f" us/record; old/new {statistics.median(ratios):.3f} [{min(ratios):.3f}-{max(ratios):.3f}]",
            flush=True,
        )
    for worker in workers.values():
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--worker"]:
        _worker()
        sys.exit(0)
    sys.exit(main(sys.argv[1:]))
