"""The decision core's instructions per evaluation, counted by callgrind: core speed work on a shared machine.

    python -P benchmarks/core_instructions.py DIR [--side gate|bare] [--passes N] [--cases A,B] [--out FILE]

DIR is a corpus written by `benchmarks/core_ab.py corpus DIR` (the benchmark's own `build_image_cases`
and its dev PKI). This runs itself under `valgrind --tool=callgrind` with instrumentation off, builds
the pipeline as `benchmarks.run` does, evaluates every image once (warm: imports, caches, the first
c2pa call), switches instrumentation on (`callgrind_control -i on` on its own process), evaluates
every image `--passes` times with `benchmarks.core`'s own steps (the gate's, with a fresh prompt per
evaluation, or bare c2pa's) and stops. The report: instructions per evaluation, and the callgrind
file (`--out`) for `callgrind_annotate --inclusive=yes FILE` to see which native functions they went to
(c2pa-rs, OpenSSL's SHA-256, zlib, the interpreter). `core_ab.py count` splits the same work by check.

Run it with the build to measure on the path: the source tree from its root with `-P` and
PYTHONPATH=., or `.venv-bench/bin/python -P` for the compiled wheel. PYTHONHASHSEED is fixed at 0.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
from pathlib import Path

from benchmarks import callgrind

_ROOT = Path(__file__).resolve().parents[1]


def _measured(directory: Path, side: str, passes: int, only: str) -> None:
    """Inside valgrind: warm pass, instrumentation on, the counted passes, instrumentation off."""
    sys.path.append(str(_ROOT))
    from benchmarks.core import gate_step  # noqa: PLC0415 - after the build to measure is first
    from benchmarks.core_ab import _load  # noqa: PLC0415

    pipeline, bare, cases = _load(directory)
    # Under callgrind a check runs 50-100 times slower: its budget must not run out (that would count
    # the timeout's path, not the check's); a late SIGALRM is ignored rather than fatal.
    pipeline.timeout_s = 3600.0
    signal.signal(signal.SIGALRM, lambda signum, frame: None)
    if only:
        cases = [case for case in cases if case.name in only.split(",")]
    step = gate_step(pipeline) if side == "gate" else bare.process
    work = [(data, case.media_type) for case in cases for data in case.images]
    for data, media_type in work:
        step(data, media_type)
    callgrind.instrument(on=True)
    for _ in range(passes):
        for data, media_type in work:
            step(data, media_type)
    callgrind.instrument(on=False)
    print(f"evaluations={passes * len(work)}", file=sys.stderr)


def main(argv: list[str]) -> int:
    """Run the counted passes under callgrind and print instructions per evaluation (module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--side", default="gate", choices=("gate", "bare"))
    parser.add_argument("--passes", type=int, default=2)
    parser.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inside:
        _measured(args.dir, args.side, args.passes, args.cases)
        return 0
    if (why := callgrind.missing()) is not None:
        print(why, file=sys.stderr)
        return 2
    out = args.out or Path(f"/tmp/core-{args.side}.callgrind")
    inside = [str(args.dir), "--side", args.side, "--passes", str(args.passes), "--cases", args.cases]
    done = callgrind.run_self(__file__, [*inside, "--inside"], out)
    instructions = callgrind.totals(out)
    evaluations = re.search(r"^evaluations=(\d+)$", done.stderr, re.MULTILINE)
    if done.returncode or instructions is None or evaluations is None:
        print(done.stderr[-2000:], file=sys.stderr)
        return 1
    count = int(evaluations.group(1))
    print(f"{args.side}: {count} evaluations, {instructions:,} instructions in the counted passes,")
    print(f"{instructions / count:,.0f} an evaluation; callgrind_annotate --inclusive=yes {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
