"""Instructions per pattern rule: which of `PatternDetector`'s regexes (and their checks) cost the most.

    python -P benchmarks/pattern_instructions.py [europe|generated|sample] [--records N] [--top N]

callgrind sees every rule's search as one call site (`re.Pattern.search`), so this first scans the
corpus once (warm) and once more with a `PatternDetector.detect` that records, per rule, the strings
it searched; then, under `valgrind --tool=callgrind` with instrumentation off, it replays each rule on
its strings three times: nothing (the toggling's own cost), the search alone, and the search with the
rule's check (as `detect` runs it), switching instrumentation on around each and dumping after it. The
report: per rule, its strings and the instructions of its searches and of search and check, costliest
first. Run it from the tree to measure (the source tree with `-P` and PYTHONPATH=.); PYTHONHASHSEED
is fixed at 0. Written by patternfast26 (session 26), whose own harness lived in /tmp.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import callgrind

_ROOT = Path(__file__).resolve().parents[1]
_MODES = ("none", "search", "full")


def _record(corpus: str, records: int) -> dict[tuple[str, str, int], list[tuple[str, int, int, str]]]:
    """{(entity, rule name, index in its detector): [(value, flags, facts, cue view)]} of one scan."""
    sys.path.append(str(_ROOT))
    from benchmarks.scanner_costs import _records, scan_all  # noqa: PLC0415 - after the build is first
    from gate.scanning import lexicon  # noqa: PLC0415
    from gate.scanning.detectors import TEXT_DETECTORS, base  # noqa: PLC0415

    # A rule's place in its detector as registered (`detect` runs on detectors narrowed to fewer rules).
    index_of = {
        id(rule): index
        for detector in TEXT_DETECTORS
        if isinstance(detector, base.PatternDetector)
        for index, rule in enumerate(detector.rules)
    }
    calls: dict[tuple[str, str, int], list[tuple[str, int, int, str]]] = {}
    plain = base.PatternDetector.detect

    def detect(self: Any, text: Any) -> str | None:
        facts, flags = text.facts, text.flags
        if not self.needs & facts or self.requires & facts != self.requires or self.unless & flags:
            return None
        for rule in self.rules:
            if not rule.applies(facts, flags) or (rule.when is not None and not rule.when(text)):
                continue
            pattern = rule.pattern
            if isinstance(pattern, lexicon.CuedPattern) and not pattern.may_match(
                text.value, text.lower, text.cue_bits()
            ):
                continue
            calls.setdefault((self.entity, rule.name, index_of[id(rule)]), []).append(
                (text.value, text.flags, text.facts, text.lower)
            )
            if _found(rule, text):
                return str(rule.name)
        return None

    corpus_records = _records(corpus, records)
    scan_all(corpus_records, True)
    base.PatternDetector.detect = detect  # type: ignore[method-assign]
    try:
        scan_all(corpus_records, True)
    finally:
        base.PatternDetector.detect = plain  # type: ignore[method-assign]
    return calls


def _found(rule: Any, text: Any) -> bool:
    """Whether `rule` has a valid match in `text`, as `PatternDetector.detect` reads it."""
    from gate.scanning.detectors import base  # noqa: PLC0415

    first = rule.pattern.search(text.value)
    if first is None:
        return False
    if rule.validate is None or rule.validate(first, text):
        return True
    return any(rule.validate(match, text) for match in base._after(rule.pattern, text.value, first))


def _replay(calls_file: Path) -> None:
    """Inside valgrind: each rule on its strings, one dump per (rule, mode)."""
    sys.path.append(str(_ROOT))
    from gate.scanning.detectors import TEXT_DETECTORS, base  # noqa: PLC0415

    with calls_file.open("rb") as handle:
        calls = pickle.load(handle)  # written by this script a moment ago
    rules = {
        (d.entity, r.name, i): r
        for d in TEXT_DETECTORS
        if isinstance(d, base.PatternDetector)
        for i, r in enumerate(d.rules)
    }
    for key, strings in sorted(calls.items()):
        rule = rules[key]
        texts = [base.Text(value, flags, facts, lower) for value, flags, facts, lower in strings]
        for text in texts:  # warm: lazy tables, caches of the checks
            _found(rule, text)
        for mode in _MODES:
            callgrind.instrument(on=True)
            if mode == "search":
                for text in texts:
                    rule.pattern.search(text.value)
            elif mode == "full":
                for text in texts:
                    _found(rule, text)
            callgrind.instrument(on=False, dump=True)


def main(argv: list[str]) -> int:
    """Record, replay under callgrind, and print the table (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="europe", choices=("europe", "generated", "sample"))
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--replay", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.replay:
        _replay(args.replay)
        return 0
    if (why := callgrind.missing()) is not None:
        print(why, file=sys.stderr)
        return 2
    calls = _record(args.corpus, args.records)
    with tempfile.TemporaryDirectory() as folder:
        calls_file = Path(folder) / "calls.pickle"
        calls_file.write_bytes(pickle.dumps(calls))
        out = Path(folder) / "out"
        done = callgrind.run_self(__file__, ["--replay", str(calls_file)], out)
        if done.returncode:
            print(done.stderr[-2000:], file=sys.stderr)
            return 1
        dumps = sorted(Path(folder).glob("out.*"), key=lambda path: int(path.suffix[1:]))
        totals = [callgrind.totals(dump) for dump in dumps]
        if None in totals:
            print("a callgrind dump holds no count", file=sys.stderr)
            return 1
    rows = []
    for index, key in enumerate(sorted(calls)):
        none, search, full = (int(count or 0) for count in totals[3 * index : 3 * index + 3])
        rows.append((full - none, search - none, key, len(calls[key])))
    rows.sort(reverse=True)
    print(f"{args.corpus}: {args.records} records; instructions of each rule's searches, and with its check")
    print(f"{'search+check':>14} {'search':>13} {'strings':>7}  rule")
    for full, search, (entity, name, index), strings in rows[: args.top]:
        print(f"{full:>14,} {search:>13,} {strings:>7}  {entity} {name} (#{index})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
