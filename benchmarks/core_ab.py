"""Same-run A/B of the decision core between two builds, and its instruction counts per check.

The core's figure (`benchmarks.core`: gate / bare c2pa) moves 2-4% with this shared machine's load, as
much as a pass on the core saves, so a session-to-session comparison cannot tell code from machine. Two
load-proof measures, each of two interpreters (e.g. `.venv-bench/bin/python` of this tree and of an older
tree's compiled wheel), on one corpus written once:

  corpus DIR        write the benchmark's corpus (the same `build_image_cases`) and its dev PKI to DIR
  time DIR PY...    alternate the interpreters, one process each per round: each runs `run_core` (the
                    benchmark's own gate, bare and floor steps) and prints gate/bare and gate/floor; the
                    load average is printed beside every figure
  count DIR PY...   instructions per image under callgrind: each evaluation split at every check's start
                    and end and at every c2pa call (a client request dumps the counts since the last one),
                    the bare loop beside it; prints instructions per image per part, side by side

Nothing here changes what gate, bare or floor are: the steps are `benchmarks.core`'s. Run it with
`python -P benchmarks/core_ab.py ...` from the tree's root; each interpreter imports its own `gate`
(installed, not editable) and this tree's `benchmarks` (appended to `sys.path`, after site-packages).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import pickle
import re
import signal
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_MARK_C = "#include <valgrind/callgrind.h>\nvoid gate_mark(const char *l) { CALLGRIND_DUMP_STATS_AT(l); }\n"


def write_corpus(directory: Path, per_case: int) -> None:
    """The benchmark's image corpus and its PKI, pickled once so every process measures the same bytes."""
    from benchmarks.corpus_images import build_image_cases  # noqa: PLC0415
    from gate.provenance import create_dev_pki  # noqa: PLC0415

    directory.mkdir(parents=True, exist_ok=True)
    pki = create_dev_pki(directory / "pki")
    cases = build_image_cases(pki, per_case=per_case)
    payload = [(c.fmt, c.size_class, c.variant, c.images) for c in cases]
    (directory / "cases.pickle").write_bytes(pickle.dumps(payload))
    files = {"root": pki.root_ca, "chain": pki.signer_chain, "key": pki.signer_key}
    (directory / "pki.json").write_text(json.dumps({k: str(v) for k, v in files.items()}))


def _load(directory: Path) -> tuple[Any, Any, list[Any]]:
    """(pipeline, bare, cases) built as `benchmarks.run` builds them."""
    from benchmarks.core import BareC2pa  # noqa: PLC0415
    from benchmarks.corpus_images import ImageCase  # noqa: PLC0415
    from gate.provenance import SignerConfig, TrustAnchors  # noqa: PLC0415
    from gate.worker.assembly import PipelineSpec  # noqa: PLC0415

    files = {k: Path(v) for k, v in json.loads((directory / "pki.json").read_text()).items()}
    root, chain, key = files["root"], files["chain"], files["key"]
    spec = PipelineSpec(trust_anchors=(root,), signer_chain=chain, signer_key=key)
    bare = BareC2pa(TrustAnchors.from_pem_file(root), SignerConfig.from_files(chain, key))
    cases = [ImageCase(*fields) for fields in pickle.loads((directory / "cases.pickle").read_bytes())]
    return spec.build(), bare, cases


def child_time(directory: Path, reps: int, min_seconds: float) -> None:
    """One process's measurement: `run_core` on the corpus; prints one JSON line."""
    from benchmarks.core import run_core  # noqa: PLC0415

    pipeline, bare, cases = _load(directory)
    load_before = os.getloadavg()[0]
    got = run_core(pipeline, bare, cases, reps=reps, min_seconds=min_seconds)
    per_case = {c["case"]: c["ratio_gate_over_bare"]["median"] for c in got["cases"]}
    print(
        json.dumps(
            {
                "gate_over_bare": got["overall_ratio_gate_over_bare"]["median"],
                "gate_over_floor": got["overall_ratio_gate_over_floor"]["median"],
                "per_case": per_case,
                "load": [load_before, os.getloadavg()[0]],
            }
        )
    )


class _Marks:
    """Callgrind client requests naming what ran since the previous one (no-ops outside valgrind)."""

    def __init__(self, library: Path) -> None:
        self._mark = ctypes.CDLL(str(library)).gate_mark
        self._mark.argtypes = [ctypes.c_char_p]
        self.prefix = "junk"
        self.region = "junk"

    def end(self, label: str) -> None:
        self._mark(f"{self.prefix}|{label}".encode())


def _marked_check(marks: _Marks, check: Any) -> Any:
    class Marked:
        name, version = check.name, check.version

        def run(self, ctx: Any) -> Any:
            marks.end(marks.region)  # run_check's bookkeeping before this check (and after the last)
            marks.region = f"check:{check.name}"
            try:
                return check.run(ctx)
            finally:
                marks.end(marks.region)
                marks.region = "bookkeeping"

    return Marked()


def _marked_call(marks: _Marks, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        marks.end(marks.region)
        try:
            return function(*args, **kwargs)
        finally:
            marks.end(f"c2pa:{name}")

    return call


def child_count(directory: Path, library: Path, per_image: int, only: str) -> None:
    """Under callgrind: every image of every case (of `only`, comma-separated names, when given) evaluated
    `per_image` times, gate then bare, marked."""
    import c2pa  # noqa: PLC0415

    from benchmarks.core import gate_step  # noqa: PLC0415
    from gate.provenance import data_hashed  # noqa: PLC0415

    pipeline, bare, cases = _load(directory)
    # Under callgrind a check runs 50-100 times slower: a budget that ran out would count the timeout's
    # path, not the check's (the same alarm code runs, armed for an hour). A SIGALRM that valgrind
    # delivers after the evaluation restored the handler is then ignored, not fatal.
    pipeline.timeout_s = 3600.0
    signal.signal(signal.SIGALRM, lambda signum, frame: None)
    if only:
        cases = [case for case in cases if case.name in only.split(",")]
    marks = _Marks(library)
    pipeline.checks = tuple(_marked_check(marks, check) for check in pipeline.checks)
    c2pa.Reader.try_create = staticmethod(_marked_call(marks, "read", c2pa.Reader.try_create))
    c2pa.Reader.json = _marked_call(marks, "json", c2pa.Reader.json)
    c2pa.Builder.sign = _marked_call(marks, "sign", c2pa.Builder.sign)
    data_hashed.sign_embeddable = _marked_call(marks, "sign", data_hashed.sign_embeddable)
    gate = gate_step(pipeline)
    for case in cases:  # warm: the first evaluation of a kind pays for imports and caches
        for data in case.images:
            gate(data, case.media_type)
            bare.process(data, case.media_type)
    for _ in range(3):  # the marks' own cost, measured back to back
        marks.prefix, marks.region = "calibrate", "empty"
        marks.end("junk")
        marks.end("empty")
    for case in cases:
        for data in case.images:
            for _ in range(per_image):
                marks.prefix, marks.region = "junk", "junk"
                marks.end("junk")
                marks.prefix, marks.region = f"{case.name}|gate", "pipeline"
                gate(data, case.media_type)
                marks.end("pipeline")
                marks.prefix, marks.region = f"{case.name}|bare", "python"
                bare.process(data, case.media_type)
                marks.end("python")
    marks.prefix = "junk"
    marks.end("junk")


_TRIGGER = re.compile(r"^desc: Trigger: Client Request: (.*)$", re.M)
_TOTALS = re.compile(r"^totals: (\d+)$", re.M)


def count(
    directory: Path, python: str, per_image: int, work: Path, only: str = ""
) -> dict[str, dict[str, float]]:
    """Instructions per image for each case and part: {case: {"gate|check:image": n, ...}}."""
    library = work / "libmark.so"
    if not library.exists():
        source = work / "mark.c"
        source.write_text(_MARK_C)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    out = work / f"cg-{os.getpid()}-{abs(hash(python))}"
    out.mkdir()
    command = [
        "valgrind", "--tool=callgrind", "--dump-line=no", f"--callgrind-out-file={out}/cg.%p",
        python, "-P", str(Path(__file__).resolve()),
        "_count", str(directory), str(library), str(per_image), only,
    ]  # fmt: skip
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    images: dict[str, int] = {}
    for dump in out.iterdir():
        text = dump.read_text(errors="replace")
        trigger, totals = _TRIGGER.search(text), _TOTALS.search(text)
        dump.unlink()
        if trigger is None or totals is None:
            continue
        case, _, part = trigger.group(1).partition("|")
        sums[case][part] += int(totals.group(1))
        if part == "bare|python":
            images[case] = images.get(case, 0) + 1
    out.rmdir()
    mark_cost = sums["calibrate"]["empty"] / 3
    result: dict[str, dict[str, float]] = {"marks": {"one mark": mark_cost}}
    for case, parts in sums.items():
        if case in ("junk", "calibrate"):
            continue
        n = images[case]
        # Each part's count holds one mark's cost (the request that ends it); taken off.
        result[case] = {part: total / n - mark_cost for part, total in sorted(parts.items())}
    return result


def _side(parts: dict[str, float], side: str) -> float:
    return sum(v for k, v in parts.items() if k.startswith(side + "|"))


def show_counts(runs: dict[str, dict[str, dict[str, float]]]) -> None:
    """Instructions per image (thousands): per case, per part, each interpreter side by side."""
    names = list(runs)
    cases = [c for c in next(iter(runs.values())) if c != "marks"]
    print("thousand instructions per image; " + " | ".join(f"{i}: {n}" for i, n in enumerate(names)))
    totals: dict[str, list[float]] = {n: [0.0, 0.0] for n in names}
    for case in cases:
        parts = sorted({p for n in names for p in runs[n].get(case, {})})
        print(f"\n{case}")
        for part in parts:
            row = [runs[n].get(case, {}).get(part, 0.0) / 1000 for n in names]
            print(f"  {part:32s} " + " ".join(f"{v:10.1f}" for v in row))
        for n in names:
            gate, bare = _side(runs[n][case], "gate"), _side(runs[n][case], "bare")
            totals[n][0] += gate
            totals[n][1] += bare
        sides = [(_side(runs[n][case], "gate"), _side(runs[n][case], "bare")) for n in names]
        print("  gate - bare (thousands)          " + " ".join(f"{(g - b) / 1000:10.1f}" for g, b in sides))
        print("  gate / bare                      " + " ".join(f"{g / b:10.3f}" for g, b in sides))
    print("\nwhole corpus (one image of each case): gate / bare instructions")
    for n in names:
        gate, bare = totals[n]
        print(f"  {n}: gate {gate / 1e6:.2f} M, bare {bare / 1e6:.2f} M, gate/bare {gate / bare:.4f}")


def main(argv: list[str] | None = None) -> int:
    """Command line: corpus, time, count (and the children they start)."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "_time":
        child_time(Path(args[1]), int(args[2]), float(args[3]))
        return 0
    if args and args[0] == "_count":
        child_count(Path(args[1]), Path(args[2]), int(args[3]), args[4])
        return 0
    parser = argparse.ArgumentParser(
        prog="python -P benchmarks/core_ab.py", description=__doc__.split("\n")[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    corpus = sub.add_parser("corpus", help="write the corpus and PKI to DIR")
    corpus.add_argument("dir", type=Path)
    corpus.add_argument("--per-case", type=int, default=3)
    timing = sub.add_parser("time", help="alternate interpreters, gate/bare per process")
    timing.add_argument("dir", type=Path)
    timing.add_argument("pythons", nargs="+")
    timing.add_argument("--rounds", type=int, default=6)
    timing.add_argument("--reps", type=int, default=5)
    timing.add_argument("--min-seconds", type=float, default=0.15)
    counting = sub.add_parser("count", help="instructions per image and part under callgrind")
    counting.add_argument("dir", type=Path)
    counting.add_argument("pythons", nargs="+")
    counting.add_argument("--per-image", type=int, default=2)
    counting.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    counting.add_argument("--json", type=Path, help="also write the counts here")
    opts = parser.parse_args(args)
    if opts.command == "corpus":
        write_corpus(opts.dir, opts.per_case)
    elif opts.command == "time":
        _time(opts)
    else:
        with tempfile.TemporaryDirectory(prefix="core-ab-") as work:
            runs = {py: count(opts.dir, py, opts.per_image, Path(work), opts.cases) for py in opts.pythons}
        if opts.json:
            opts.json.write_text(json.dumps(runs, indent=1))
        show_counts(runs)
    return 0


def _time(opts: argparse.Namespace) -> None:
    got: dict[str, list[dict[str, Any]]] = {py: [] for py in opts.pythons}
    for round_ in range(opts.rounds):
        order = opts.pythons if round_ % 2 == 0 else opts.pythons[::-1]
        for py in order:
            command = [py, "-P", str(Path(__file__).resolve()), "_time", str(opts.dir), str(opts.reps)]
            line = (
                subprocess.run([*command, str(opts.min_seconds)], check=True, capture_output=True, text=True)
                .stdout.strip()
                .splitlines()[-1]
            )
            row = json.loads(line)
            got[py].append(row)
            print(
                f"round {round_} {py}: gate/bare {row['gate_over_bare']:.3f} gate/floor "
                f"{row['gate_over_floor']:.3f} (load {row['load'][0]:.1f}-{row['load'][1]:.1f})",
                flush=True,
            )
    for py, rows in got.items():
        ratios = sorted(r["gate_over_bare"] for r in rows)
        floors = sorted(r["gate_over_floor"] for r in rows)
        print(
            f"{py}: gate/bare median {statistics.median(ratios):.3f} [{ratios[0]:.3f}-{ratios[-1]:.3f}], "
            f"gate/floor median {statistics.median(floors):.3f} [{floors[0]:.3f}-{floors[-1]:.3f}]"
        )


if __name__ == "__main__":
    sys.path.append(str(ROOT))  # this tree's benchmarks; the interpreter's own (installed) gate first
    sys.exit(main())
