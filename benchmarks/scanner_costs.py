"""Where the scanner's CPU time goes, on the benchmark's corpora: by phase, by key, by detector.

    python -P benchmarks/scanner_costs.py [generated|europe|sample] [--records N]

Run it with the build to measure first on the path (the compiled wheel: `.venv-bench/bin/python -P`, or
an unpacked wheel on PYTHONPATH); the report names the build. All figures are CPU time (`process_time`)
per record of the corpus, so a busy machine moves them less than wall time; medians of a few passes.
"sample" is the 150 records the Presidio ratio is measured on (the first of the generated corpus).

1. Phases. The full pass as the benchmark times it (the table of clean strings emptied first); the same
   pass with the table kept from the pass before, where only strings with a finding are read again
   (they are never held); and that pass with every detector switched off, which leaves the walk itself.
   Their differences: strings read for the first time and found clean, strings with a finding, the walk.
2. By key: every distinct string of the corpus scanned alone under its own key (and parent key), the
   table emptied each time: the CPU per record that values under each key cost, and how many hold a
   finding. Inherited key context beyond the parent and split values read joined are left out.
3. By detector: each detector's `detect` timed on the `Text` of every distinct string it is asked
   about (normalised, under its key's context; wall time, the fastest of a few passes): us per record.
4. Set-up: the same distinct strings taken through the walk's per-string stages one stage at a time
   (`normalise`; the facts, the plan and the `Text`; the decoders' check and their variants; every
   detector of the plan), each stage timed over all of them, the fastest of a few passes: what a
   string costs before any detector reads it, against what the detectors cost. (The loops here are
   interpreted: a per-detector test added to the detectors' stage costs more than in the compiled walk.)

A map for the next change, not a benchmark: the ratio against Presidio stays in `benchmarks/scanner.py`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import gate.scanning.detectors as registry
from gate.scanning import scan_parameters
from gate.scanning import seen as seen_tables
from gate.scanning import walk as walk_module
from gate.scanning.decoding import decoded_variants, may_be_encoded
from gate.scanning.detectors.base import Text
from gate.scanning.normalise import normalise

try:
    from gate.scanning import plans as plans_module
except (
    ImportError
):  # a build of the sixteenth session or before (the plan table was the walk's): `scanner_ab`
    plans_module = None  # type: ignore[assignment]  # reads `scan_all` only; the stage costs need it

_PASS_SECONDS = 0.5  # CPU per measured pass, at least: shorter ones are timer and scheduler noise
_PASSES = 5


class _Off:
    """A detector that never has a chance (`narrowed` is None): the walk runs without its work."""

    def __init__(self, entity: str, needs: int, unless: int) -> None:
        self.entity, self.needs, self.unless = entity, needs, unless

    def narrowed(self, facts: int, context: int) -> _Off | None:
        return None

    def detect(self, text: Any) -> str | None:
        return None


def _cpu_per_record(records: list[dict[str, Any]], *, forget: bool, seconds: float) -> float:
    """Median CPU microseconds per record over `_PASSES` measured passes (each of several sweeps)."""
    for record in records:
        scan_parameters(record)
    start = time.process_time()
    scan_all(records, forget)
    sweeps = max(1, round(seconds / max(time.process_time() - start, 1e-6)))
    out = []
    for _ in range(_PASSES):
        start = time.process_time()
        for _ in range(sweeps):
            scan_all(records, forget)
        out.append((time.process_time() - start) / sweeps / len(records) * 1e6)
    return statistics.median(out)


def scan_all(records: list[dict[str, Any]], forget: bool) -> None:
    """One pass of the scanner over `records`, as the benchmark makes it when `forget`."""
    if forget:
        seen_tables.forget_clean()
    for record in records:
        scan_parameters(record)


def phases(records: list[dict[str, Any]], seconds: float = _PASS_SECONDS) -> list[tuple[str, float]]:
    """(what, CPU us per record) of the phases in the module docstring; each measured pass takes at
    least `seconds` of CPU. The detectors are switched back on before it returns."""
    full = _cpu_per_record(records, forget=True, seconds=seconds)
    kept = _cpu_per_record(records, forget=False, seconds=seconds)
    detectors = registry.TEXT_DETECTORS
    registry.TEXT_DETECTORS = tuple(_Off(d.entity, d.needs, d.unless) for d in detectors)
    plans_module._plans.clear()
    try:
        walk_only = _cpu_per_record(records, forget=False, seconds=seconds)
        reading_only = _cpu_per_record(records, forget=True, seconds=seconds)
    finally:
        registry.TEXT_DETECTORS = detectors
        plans_module._plans.clear()
        seen_tables.forget_clean()
    return [
        ("full pass (as the benchmark times it)", full),
        ("strings read for the first time, found clean", full - kept),
        ("strings with a finding (read on every pass)", kept - walk_only),
        ("the walk (keys, clean-table lookups, numbers)", walk_only),
        ("no detectors: normalise, facts, decoding, walk", reading_only),
    ]


def _leaves(value: Any, key: str = "", parent: str = "") -> Iterator[tuple[str, str, str]]:
    if isinstance(value, dict):
        for member, child in value.items():
            yield from _leaves(child, str(member), key)
    elif isinstance(value, list):
        for child in value:
            yield from _leaves(child, key, parent)
    elif isinstance(value, str):
        yield parent, key, value


def _cpu(action: Callable[[], object], repeat: int) -> float:
    start = time.process_time()
    for _ in range(repeat):
        action()
    return (time.process_time() - start) / repeat


def by_key(records: list[dict[str, Any]], repeat: int = 50) -> list[tuple[str, float, int, int]]:
    """(key, CPU us per record, distinct strings, strings with a finding), most costly first."""
    seen: set[tuple[str, str, str]] = set()
    cost: dict[str, float] = {}
    count: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for record in records:
        for leaf in _leaves(record):
            if leaf in seen:
                continue  # met again in a pass, a clean string is one table lookup
            seen.add(leaf)
            parent, key, value = leaf
            document = {parent: {key: value}} if parent else {key: value}

            def scan(document: dict[str, Any] = document) -> object:
                seen_tables.forget_clean()
                return scan_parameters(document)

            cost[key] = cost.get(key, 0.0) + _cpu(scan, repeat)
            count[key] += 1
            found[key] += bool(scan_parameters(document))
    return [
        (key, seconds / len(records) * 1e6, count[key], found[key])
        for key, seconds in sorted(cost.items(), key=lambda item: -item[1])
    ]


def by_detector(records: list[dict[str, Any]], passes: int = 5) -> list[tuple[str, float, int]]:
    """(detector, CPU us per record, strings it is asked about), most costly first.

    Each string's detectors run one after another as in the walk, so the caches they share (the
    last text's cue words and word starts) are as warm as there; each call is timed once per pass and
    its fastest pass kept (a call the scheduler interrupted is slower, never faster)."""
    strings = sorted({(key, value) for record in records for _, key, value in _leaves(record)})
    texts = []
    for key, value in strings:
        _, _, positive, own, *_ = walk_module._member(key)
        chances = plans_module.chances(normalise(value), positive | own)
        if chances is not None:
            texts.append(chances[:2])
    best: dict[tuple[int, int], int] = {}
    for _ in range(passes):
        for index, (text, detectors) in enumerate(texts):
            for position, detector in enumerate(detectors):
                start = time.perf_counter_ns()
                detector.detect(text)
                took = time.perf_counter_ns() - start
                slot = (index, position)
                best[slot] = min(best.get(slot, took), took)
    cost: Counter[str] = Counter()
    asked: Counter[str] = Counter()
    for (index, position), took in best.items():
        detector = texts[index][1][position]
        name = detector.entity
        if name == "NATIONAL_ID":  # two detectors report it: name the class
            name += f" ({type(detector).__name__})"
        cost[name] += took
        asked[name] += 1
    return [(name, nanos / 1000 / len(records), asked[name]) for name, nanos in cost.most_common()]


def set_up(records: list[dict[str, Any]], passes: int = 5) -> list[tuple[str, float]]:
    """(stage, us per record) of the walk's per-string stages on the distinct strings of `records`, each
    under its key's context (as `by_detector`): the fastest of `passes` timed loops per stage."""
    strings = sorted({(key, value) for record in records for _, key, value in _leaves(record)})
    read = []
    for key, value in strings:
        _, _, positive, own, *_ = walk_module._member(key)
        read.append((value, positive | own))
    meant = [(normalise(value), flags) for value, flags in read]
    planned = [chances for value, flags in meant if (chances := plans_module.chances(value, flags))]
    # As the walk does, a detector whose cue words the text lacks is not called (`plans.cue_gate`).

    def normalising() -> None:
        for value, _ in read:
            normalise(value)

    def planning() -> None:
        for value, flags in meant:
            plans_module.chances(value, flags)

    def decoding() -> None:
        for value, _ in meant:
            if may_be_encoded(value):
                decoded_variants(value)

    def detecting() -> None:
        for text, detectors, gates in planned:
            fresh = Text(text.value, text.flags, text.facts, text.lower)  # no cue bits held from before
            for detector, gate in zip(detectors, gates, strict=True):
                if not gate or fresh.cue_bits() & gate:
                    detector.detect(fresh)

    rows = []
    for what, stage in (
        ("normalise", normalising),
        ("facts, plan and Text (`_chances`)", planning),
        ("decoders: may_be_encoded, and the variants where it may", decoding),
        ("every detector of each plan", detecting),
    ):
        fastest = min(_wall(stage) for _ in range(passes))
        rows.append((what, fastest / len(records) * 1e6))
    return rows


def _wall(stage: Callable[[], None]) -> float:
    start = time.perf_counter()
    stage()
    return time.perf_counter() - start


def _records(corpus: str, count: int) -> list[dict[str, Any]]:
    sys.path.insert(0, ".")
    from benchmarks.corpus_locales import generate_locale_corpus  # noqa: PLC0415 - Faker is slow
    from benchmarks.corpus_params import generate_corpus  # noqa: PLC0415

    if corpus == "europe":
        return [r.params for r in generate_locale_corpus(count)]
    made = generate_corpus(max(count, 150) if corpus == "sample" else count)
    return [r.params for r in (made[:150] if corpus == "sample" else made)]


def main(argv: list[str]) -> int:
    """Print the three tables of the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="sample", choices=("sample", "generated", "europe"))
    parser.add_argument("--records", type=int, default=1000)
    args = parser.parse_args(argv)
    records = _records(args.corpus, args.records)
    print(f"{args.corpus}: {len(records)} records, scanner from {walk_module.__file__}")
    print("\nphases (CPU us per record)")
    for what, micros in phases(records):
        print(f"  {micros:7.1f}  {what}")
    print("\nby key, each distinct string alone (CPU us per record; strings; with a finding)")
    for key, micros, strings, with_finding in by_key(records)[:25]:
        print(f"  {micros:7.2f}  {strings:6}  {with_finding:6}  {key[:40]}")
    print("\nby detector, on the strings it is asked about (us per record; strings)")
    for name, micros, asked in by_detector(records):
        print(f"  {micros:7.2f}  {asked:6}  {name}")
    print("\nset-up against detectors, distinct strings stage by stage (us per record)")
    for what, micros in set_up(records):
        print(f"  {micros:7.2f}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
