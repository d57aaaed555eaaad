"""The scanner's instructions on one pass over a corpus, counted by callgrind: speed work on a shared machine.

    python -P benchmarks/scanner_instructions.py [europe|generated|sample] [--records N] [--out FILE]

CPU time moves with the machine's load (a busy 2-core machine spreads a 2% lever over +-20%); the
number of instructions a pass executes does not. This runs itself under `valgrind --tool=callgrind`
with instrumentation off, builds the corpus and scans it once (warm caches, the table of clean
strings then emptied), switches instrumentation on (`callgrind_control -i on` on its own process),
scans the corpus once more and stops. The report: instructions for the pass and per record, and the
callgrind file (`--out`, default /tmp/scanner-<corpus>.callgrind) for `callgrind_annotate
--inclusive=yes FILE` to see where they went.

Run it with the build to measure first on the path, as `scanner_costs.py` (the source tree from its
own directory with `-P` and PYTHONPATH=., or `.venv-bench/bin/python -P` for the compiled wheel).
PYTHONHASHSEED is fixed at 0, so two builds scan the same records in the same order.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks import callgrind

_ROOT = Path(__file__).resolve().parents[1]


def _measured(corpus: str, records: int) -> None:
    """Inside valgrind: warm pass, instrumentation on, the counted pass, instrumentation off."""
    sys.path.append(str(_ROOT))
    from benchmarks.scanner_costs import _records, scan_all  # noqa: PLC0415 - after the build is first

    corpus_records = _records(corpus, records)
    scan_all(corpus_records, True)
    callgrind.instrument(on=True)
    scan_all(corpus_records, True)
    callgrind.instrument(on=False)


def main(argv: list[str]) -> int:
    """Run the counted pass under callgrind and print its instruction count (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="europe", choices=("europe", "generated", "sample"))
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inside:
        _measured(args.corpus, args.records)
        return 0
    if (why := callgrind.missing()) is not None:
        print(why, file=sys.stderr)
        return 2
    out = args.out or Path(f"/tmp/scanner-{args.corpus}.callgrind")
    done = callgrind.run_self(__file__, [args.corpus, "--records", str(args.records), "--inside"], out)
    instructions = callgrind.totals(out)
    if done.returncode or instructions is None:
        print(done.stderr[-2000:], file=sys.stderr)
        return 1
    print(f"{args.corpus}: {args.records} records, {instructions:,} instructions in the counted pass,")
    print(f"{instructions / args.records:,.0f} a record; callgrind_annotate --inclusive=yes {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
