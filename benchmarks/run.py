"""`python -m benchmarks.run --quick|--full [--only core,scanner,e2e,memory,profile,pixels] [--build B]`.

Writes benchmarks/results/latest.json (machine, versions, commit, config, every number), latest.md and PNG
plots. `--quick` keeps to about 10 minutes on 2 cores (smaller corpora, 3 repetitions, 10k events for
memory); `--full` uses 5+ repetitions and checks memory after 10k and 100k events.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from benchmarks import environment, report
from benchmarks.build import BUILDS, require_build
from benchmarks.corpus_images import build_image_cases, write_cases
from benchmarks.corpus_params import generate_corpus

PARTS = ("core", "scanner", "e2e", "memory", "profile", "pixels")
RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Config:
    """Sizes of one benchmark run."""

    mode: str
    reps: int
    core_images_per_case: int
    core_min_seconds: float
    scanner_records: int
    presidio_sample: int
    e2e_events: int
    e2e_reps: int
    e2e_batches: tuple[int, ...]  # the batching curve's fixed sizes
    e2e_curve_events: int
    e2e_latency_s: float
    memory_checkpoints: tuple[int, ...]
    memory_every: int
    profile_seconds: float
    pixels_text_every: int = 2  # every n-th combination of the labelled text set (1: all 288 images)
    pixels_e2e_events: int = 80
    e2e_curve_rounds: int = 3  # each batch size of the curve drained once a round, the order rotated


# The core ratio sits near its target, so even the quick run gives it 7 repetitions of 0.25 s per side
# and case (about 90 s): with 5 of 0.15 s, a stretch of contention moved a run's median by +-3%.
# Each point of the batching curve drains 1,200 events (about 2-3 s at 400-600 images/s): with 400, a drain
# lasted about a second, and a start-up stall or a slow first commit moved one point by a quarter (one quiet
# run went 411 / 311 / 461 images/s at batch 1 / 4 / 16). Even at 1,200 two quiet runs in three had a point
# fall 15-20% below the one before (452 after 546; 441 after 533): the curve is now drained in rounds, every
# size once a round in a rotated order, and judged on ratios paired inside each round (`batching_curve`).
QUICK = Config(
    "quick", 3, 2, 0.25, 5000, 150, 1500, 5, (1, 4, 16, 64, 256), 1200, 3.0, (2_000, 10_000), 1000, 5.0
)
FULL = Config(
    "full",
    7,
    4,
    0.5,
    20000,
    500,
    2000,
    5,
    (1, 4, 16, 64, 256),
    3000,
    8.0,
    (10_000, 100_000),
    5000,
    20.0,
    1,
    240,
    e2e_curve_rounds=5,
)


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the selected parts and write the results."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="about 10 minutes on 2 cores (default)")
    size.add_argument("--full", action="store_true", help="more repetitions, 100k events for memory")
    parser.add_argument(
        "--only", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="results directory")
    parser.add_argument(
        "--build",
        choices=BUILDS,
        default="any",
        help="the build of gate to measure: stop unless the imported one is compiled (mypyc) or pure",
    )
    args = parser.parse_args(argv)
    build = require_build(args.build)
    _log(f"measuring the {build['kind']} build of gate ({build['package']})")
    config = FULL if args.full else QUICK
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = sorted(set(parts) - set(PARTS))
    if unknown:
        parser.error(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(PARTS)}")
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results: dict[str, Any] = {
        "mode": config.mode,
        "config": asdict(config),
        "parts": parts,
        "machine": environment.machine(),
        "versions": environment.versions(),
        "git": environment.git_commit(Path(__file__).resolve().parent.parent),
        "build": build,
    }
    with tempfile.TemporaryDirectory(prefix="gate-bench-") as tmp:
        _run_parts(config, parts, Path(tmp), args.out, results)
    results["elapsed_s"] = time.monotonic() - started
    results["plots"] = report.plots(results, args.out)
    (args.out / "latest.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    (args.out / "latest.md").write_text(report.markdown(results))
    _log(f"done in {results['elapsed_s']:.0f} s; wrote {args.out / 'latest.json'} and latest.md")
    return 0


def _run_parts(config: Config, parts: list[str], tmp: Path, out: Path, results: dict[str, Any]) -> None:
    from gate.provenance import SignerConfig, TrustAnchors, create_dev_pki  # noqa: PLC0415
    from gate.worker.assembly import PipelineSpec  # noqa: PLC0415 - keep --help fast

    pki = create_dev_pki(tmp / "pki")
    spec = PipelineSpec(
        trust_anchors=(pki.root_ca,), signer_chain=pki.signer_chain, signer_key=pki.signer_key
    )
    cases = []
    if {"core", "profile", "e2e", "memory", "pixels"} & set(parts):
        _log("generating the image corpus")
        cases = build_image_cases(pki, per_case=config.core_images_per_case)
    if "core" in parts:
        from benchmarks.core import BareC2pa, run_core  # noqa: PLC0415

        _log("part 1: decision core vs bare c2pa")
        bare = BareC2pa(
            TrustAnchors.from_pem_file(pki.root_ca), SignerConfig.from_files(pki.signer_chain, pki.signer_key)
        )
        results["core"] = run_core(
            spec.build(), bare, cases, reps=max(config.reps, 7), min_seconds=config.core_min_seconds
        )
    if "profile" in parts:
        from benchmarks.profiling import profile_core  # noqa: PLC0415

        _log("profiling the decision core")
        results["profile"] = profile_core(spec.build(), cases, seconds=config.profile_seconds, out_dir=out)
    if "scanner" in parts:
        results["scanner"] = _scanner(config)
    if "pixels" in parts:
        from benchmarks.pixels import run_pixels  # noqa: PLC0415

        _log("part 5: pixel checks (OCR, faces)")
        results["pixels"] = run_pixels(text_every=config.pixels_text_every, reps=config.reps, log=_log)
    if {"e2e", "memory", "pixels"} & set(parts):
        _streaming(config, parts, pki, cases, tmp, out, results)


def _scanner(config: Config) -> dict[str, Any]:
    from benchmarks.scanner import PresidioDetector, presidio_available, run_scanner  # noqa: PLC0415

    _log("part 2: parameter scanner vs Presidio")
    records = generate_corpus(config.scanner_records)
    missing = presidio_available()
    if missing:
        _log(f"PRESIDIO NOT INSTALLED - measuring the gate's scanner alone: {missing}")
    presidio = None if missing else PresidioDetector()
    measured = run_scanner(
        records, reps=max(config.reps, 5), presidio_sample=config.presidio_sample, presidio=presidio
    )
    measured["presidio_missing"] = missing
    from benchmarks.corpus_locales import generate_locale_corpus  # noqa: PLC0415
    from benchmarks.scanner_locales import run_locales  # noqa: PLC0415

    _log("part 2b: parameter scanner on the European corpus")
    locale_records = generate_locale_corpus(config.scanner_records)
    measured["locales"] = run_locales(locale_records, reps=max(config.reps, 5))
    return measured


def _streaming(
    config: Config,
    parts: list[str],
    pki: Any,
    cases: list[Any],
    tmp: Path,
    out: Path,
    results: dict[str, Any],
) -> None:
    from benchmarks.corpus_params import PLANTS  # noqa: PLC0415
    from benchmarks.e2e import Payload, run_e2e  # noqa: PLC0415
    from benchmarks.memory import MemoryEvent, run_memory  # noqa: PLC0415
    from gate.broker import EmbeddedBroker  # noqa: PLC0415

    small = [c for c in cases if c.size_class == "50KB"]
    log_dir = tmp / "logs"  # gate stderr; kept only for the run
    log_dir.mkdir(exist_ok=True)
    with EmbeddedBroker() as broker:
        if "e2e" in parts:
            _log("part 3: end to end through the embedded broker")
            payloads = [Payload(c.images[0], c.media_type) for c in small]
            results["e2e"] = run_e2e(
                broker.bootstrap_servers, pki, payloads, events=config.e2e_events, reps=config.e2e_reps,
                curve_batches=config.e2e_batches, curve_events=config.e2e_curve_events,
                curve_rounds=config.e2e_curve_rounds, latency_s=config.e2e_latency_s, log_dir=log_dir,
                broker_pid=broker.pid,
            )  # fmt: skip
        if "pixels" in parts:
            from benchmarks.pixels import run_pixels_e2e  # noqa: PLC0415

            _log("part 5: end to end with pixel checks on for a quarter of the events")
            results["pixels"]["e2e"] = run_pixels_e2e(
                broker.bootstrap_servers, pki, [Payload(c.images[0], c.media_type) for c in small],
                events=config.pixels_e2e_events, reps=config.e2e_reps, log_dir=log_dir,
            )  # fmt: skip
        if "memory" in parts:
            _log(f"part 4: memory over {max(config.memory_checkpoints):,} events")
            files = write_cases(small, tmp / "assets")
            from benchmarks.corpus_images import PARAMETERS  # noqa: PLC0415

            email = PLANTS["EMAIL_ADDRESS"][0]
            import random  # noqa: PLC0415

            dirty = {**PARAMETERS, "customer_email": email(random.Random(1))}
            by_name = {c.name: c for c in small}
            mix: list[MemoryEvent] = []
            for name, paths in files.items():
                case = by_name[name]
                if case.variant == "signed":
                    mix += [MemoryEvent(paths[0], case.media_type, True)] * 3
                    mix.append(MemoryEvent(paths[0], case.media_type, True, dirty))
                else:
                    mix += [MemoryEvent(paths[0], case.media_type, False)] * 3  # real photo: approved as is
                    mix.append(MemoryEvent(paths[0], case.media_type, True))  # synthetic: the gate signs
            results["memory"] = run_memory(
                broker.bootstrap_servers, pki, mix, checkpoints=list(config.memory_checkpoints),
                every=config.memory_every, store_dir=tmp / "store", log_dir=log_dir,
            )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
