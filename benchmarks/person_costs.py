"""What PERSON costs on the strings it is asked about, and which of its sub-rules pay it.

    python -P benchmarks/person_costs.py [--corpora europe:2000,sample:150,generated:1000] [--passes 5]

Run it with the build to measure first on the path (an unpacked compiled wheel on PYTHONPATH, or the
source tree for the pure build); the report names the file `person` was loaded from.

1. PERSON's `detect` on the `Text` of every distinct string it is asked about (normalised, under its
   key's context, as `plans.chances` plans it; its cue bits computed first, as the plan's gates leave
   them), each call timed alone and its fastest of `--passes` kept (a call the scheduler interrupted is
   slower, never faster): us per record of the corpus, strings without a finding and with one apart.
2. Its sub-rules, each timed over the clean strings that reach it (CPU time, the fastest of `--passes`
   loops; the loop here is interpreted, so each row carries a call's overhead): where a clean string's
   cost goes.

A map for the next change, not a benchmark: the scanner's rate stays in `benchmarks/scanner.py`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from benchmarks.scanner_costs import _leaves, _records
from gate.scanning import plans, walk
from gate.scanning.detectors import person
from gate.scanning.detectors.base import HAS_CAPITALS, Text
from gate.scanning.detectors.person_greeting import has_opening, has_signoff_from
from gate.scanning.detectors.person_patterns import NAME_SHAPE, PAIR_START, standalone
from gate.scanning.normalise import normalise

_Asked = tuple[str, int, int, str, str | None]  # value, flags, facts, cue view, what detect said


def asked(records: list[dict[str, object]]) -> list[_Asked]:
    """The distinct strings of `records` PERSON is asked about, with its answer."""
    strings = sorted({(key, value) for record in records for _, key, value in _leaves(record)})
    out = []
    for key, value in strings:
        _, _, positive, own, *_ = walk._member(key)
        chances = plans.chances(normalise(value), positive | own)
        if chances is not None and any(d.entity == "PERSON" for d in chances[1]):
            text = chances[0]
            out.append((text.value, text.flags, text.facts, text.lower, person.DETECTOR.detect(text)))
    return out


def _text(item: _Asked) -> Text:
    text = Text(item[0], item[1], item[2], item[3])
    text.cue_bits()
    return text


def per_call(items: list[_Asked], passes: int) -> tuple[float, float]:
    """(ns on strings without a finding, ns on strings with one): each call's fastest of `passes`."""
    best = [1 << 62] * len(items)
    for _ in range(passes):
        for index, item in enumerate(items):
            text = _text(item)
            start = time.perf_counter_ns()
            person.DETECTOR.detect(text)
            best[index] = min(best[index], time.perf_counter_ns() - start)
    clean = sum(took for took, item in zip(best, items, strict=True) if item[4] is None)
    return clean, sum(best) - clean


def _pairs(text: Text) -> None:
    detector, value, pos = person.DETECTOR, text.value, 0
    while (pair := PAIR_START.search(value, pos)) is not None:
        pos = pair.end()
        last = NAME_SHAPE.match(value, pos)
        if last is not None and standalone(value, pair.start(), last.end()):
            first_end = pair.start() + len(pair.group().rstrip())
            detector._is_name(value, pair.start(), first_end, last, False)


def sub_rules() -> dict[str, Callable[[Text], object]]:
    """The sub-rules a clean capitalised string reaches, by name."""
    d = person.DETECTOR
    greeted = d._greeted
    return {
        "capitalised pairs (PAIR_START, _is_name)": _pairs,
        "particle names": lambda t: person._has_particle(t) and person._PARTICLE_THEN_NAME.search(t.value),
        "pairs in capitals / lower case": lambda t: d._caps_or_lower(t, False),
        "greetings, closings, quotations": lambda t: (
            (d._greeting(t) and greeted.find(t.value))
            or (has_opening(t) and greeted.saluted(t.value))
            or (has_signoff_from(t) and greeted.signed_from(t.value))
            or greeted.quoted(t.value)
        ),
        "cue words (PERSON_CUES, cued.find)": lambda t: (
            person.PERSON_CUES.may_be_found(t.value, t.lower, t.cue_bits())
            and person.PERSON_CUES.found(t.value)
            and d._cued.find(t.value)
        ),
        "reversed 'Surname, Given'": lambda t: ", " in t.value and d._reversed(t.value),
        "slots": d._slots.find,
        "joined, initialled": lambda t: d._joined.found(t.value) or d._initialled.find(t.value),
        "printed or labelled": d._printed_or_labelled,
        "other scripts (not ASCII)": lambda t: (
            not t.value.isascii()
            and (d._scripts.find(t.value) or d._indic.find(t.value) or d._titled.find(t.value))
        ),
    }


def by_sub_rule(items: list[_Asked], records: int, passes: int) -> list[tuple[str, float]]:
    """(sub-rule, CPU us per record) over the clean capitalised strings, most costly first."""
    texts = [_text(item) for item in items if item[4] is None and item[2] & HAS_CAPITALS]
    rows = []
    for name, rule in sub_rules().items():
        fastest = float("inf")
        for _ in range(passes):
            start = time.process_time()
            for text in texts:
                rule(text)
            fastest = min(fastest, time.process_time() - start)
        rows.append((name, fastest / records * 1e6))
    return sorted(rows, key=lambda row: -row[1])


def main(argv: list[str]) -> int:
    """Print both tables for each corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default="europe:2000,sample:150,generated:1000")
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"person from {person.__file__}")
    for corpus, count in (part.split(":") for part in args.corpora.split(",")):
        records = _records(corpus, int(count))
        items = asked(records)
        clean, found = per_call(items, args.passes)
        print(
            f"\n{corpus}: {len(records)} records, {len(items)} strings asked, "
            f"{sum(item[4] is not None for item in items)} found; us a record: clean "
            f"{clean / len(records) / 1000:.2f}, found {found / len(records) / 1000:.2f}"
        )
        for name, micros in by_sub_rule(items, len(records), args.passes):
            print(f"  {micros:6.2f}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
