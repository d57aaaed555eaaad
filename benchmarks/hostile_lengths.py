"""What a long hostile string costs the scanner: one short unit repeated up to the length limit.

    python -P benchmarks/hostile_lengths.py [--chars N] [--languages K] [--top T] [--out FILE]

A prompt may hold up to `max_string_chars` (100,000) characters. A rule that reads the whole text again
for every cue word, label or dash it finds costs time in the square of the length: such a prompt took
minutes of CPU (session 25: quoted signatures, person_signed; labels every few characters, the cue-word
patterns' windows). This sweep builds texts of one unit repeated, from units the scanner reacts to:
every ASCII punctuation mark alone, after and before a letter; and, for every cue class of
gate/scanning/data/cues.toml, the first cue word of a few of its languages followed by a name and each
of a few separators (":", "=", " -", a closing quote, a new line, a comma, a full stop). Each text is
scanned once (`scan_parameters`, the table of clean strings emptied) and its CPU time divided by that
of prose of the same length measured in the same run: the ratio, not the seconds, is the figure (the
machine is shared). The report lists the worst units and how many exceed 10x and 50x prose.

Run it with the build to measure first on the path (`.venv-bench/bin/python -P` for the compiled wheel).
A map for the next change, not a test: the unit tests hold the linear readings by counting work.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import string
import sys
import time
from collections.abc import Iterator

from gate.errors import ScanLimitExceeded
from gate.scanning import lexicon, scan_parameters
from gate.scanning import seen as seen_tables

_SEPARATORS = (":", "=", " -", "”", "\n", ",", ".")
_PROSE = "A linen shirt in ocean blue, soft and light, for warm days by the sea. "


def units(languages: int, seed: int = 25) -> Iterator[str]:
    """The units to repeat (see the module docstring)."""
    for mark in string.punctuation:
        yield mark
        yield "a" + mark
        yield mark + "a "
    chooser = random.Random(seed)
    for words in lexicon.table().values():
        codes = sorted(words)
        picked = ["en"] if "en" in words else []
        picked += chooser.sample([code for code in codes if code != "en"], min(languages, len(codes) - 1))
        for code in picked:
            if not words[code]:
                continue
            cue = words[code][0].rstrip("*")
            yield cue + " "
            for separator in _SEPARATORS:
                yield f"{cue} Anna Berg{separator} "


def cost(text: str) -> float:
    """CPU seconds to scan `text` as a prompt (a limit reached counts its time too)."""
    seen_tables.forget_clean()
    start = time.process_time()
    with contextlib.suppress(ScanLimitExceeded):
        scan_parameters({"prompt": text})
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    """Run the sweep and print (or write) the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=90_000, help="length of each text (default 90,000)")
    parser.add_argument("--languages", type=int, default=2, help="languages a cue class besides English")
    parser.add_argument("--top", type=int, default=25, help="how many of the worst units to list")
    parser.add_argument("--out", help="write the report here as well")
    args = parser.parse_args(argv)
    cost("warm up: Anna Berg, 10115 Berlin")
    prose = _PROSE * (args.chars // len(_PROSE))
    baseline = min(cost(prose) for _ in range(3))
    rows: list[tuple[float, float, str]] = []
    for unit in dict.fromkeys(units(args.languages)):
        seconds = cost(unit * max(1, args.chars // len(unit)))
        rows.append((seconds / baseline, seconds, unit))
    rows.sort(reverse=True)
    lines = [
        f"hostile lengths: {len(rows)} units, {args.chars:,} characters each; prose {baseline:.3f} s CPU",
        f"over 10x prose: {sum(ratio > 10 for ratio, _, _ in rows)}; over 50x: "
        f"{sum(ratio > 50 for ratio, _, _ in rows)}; worst {rows[0][0]:.1f}x ({rows[0][1]:.2f} s)",
        "",
        "   ratio  CPU s  unit",
    ]
    lines += [f"{ratio:8.1f} {seconds:6.2f}  {unit!r}" for ratio, seconds, unit in rows[: args.top]]
    report = "\n".join(lines)
    print(report)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            out.write(report + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
