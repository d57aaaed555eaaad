"""Differential check for scanner speed work: the findings of two builds on the same corpora, compared.

A shortcut in the scanner (a prefilter, a fact, a cheaper form of a regex) must never change what it
finds. Unit tests pin each shortcut against the test it stands in for; this compares the whole scanner,
finding by finding (entity, pointer, detector name), on the benchmark's generated corpus, the European
corpus and the world names corpus, with seeds other than the benchmark's too:

    python -P benchmarks/scanner_diff.py dump OUT.pickle      # run from the tree to measure (cwd first)
    python -P benchmarks/scanner_diff.py compare A.pickle B.pickle

`-P` and the current directory first on the path: the `gate` of the tree it is run from is the one
measured (a copy of main's tree gives the "before"). Exits 1 when any record's findings differ.

The Faker corpora depend on the interpreter's string hashing (a record made after the other corpora
differs between processes), so `dump` runs under PYTHONHASHSEED=0 and keeps a digest of each record:
records whose inputs differ are counted apart, never compared.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

Findings = list[tuple[str, str, str]]
Scanned = tuple[str, Findings]  # (digest of the record's parameters, its findings)

# (name, records) makers: the benchmark's own corpora at their seeds, and larger ones at another seed.
_SIZES = (
    ("generated", 5000, 2026),
    ("generated-seed7", 20000, 7),
    ("europe", 5000, 2026),
    ("europe-seed7", 20000, 7),
)


def _corpora() -> list[tuple[str, Callable[[], Sequence[Any]]]]:
    from benchmarks.corpus_locales import generate_locale_corpus  # noqa: PLC0415 - Faker is slow to import
    from benchmarks.corpus_names_world import generate_world_names  # noqa: PLC0415
    from benchmarks.corpus_params import generate_corpus  # noqa: PLC0415

    made: list[tuple[str, Callable[[], Sequence[Any]]]] = []
    for name, count, seed in _SIZES:
        maker = generate_corpus if name.startswith("generated") else generate_locale_corpus
        made.append((name, partial(maker, count, seed=seed)))
    made.append(("world-names", lambda: generate_world_names(200)))
    return made


def dump(out: Path) -> None:
    """Scan every corpus with the `gate` on the path; write {corpus: [(input digest, findings)]}."""
    from gate.scanning import scan_parameters  # noqa: PLC0415 - the tree's own, after the path is set
    from gate.scanning.seen import forget_clean  # noqa: PLC0415

    result: dict[str, list[Scanned]] = {}
    for name, make in _corpora():
        forget_clean()
        result[name] = [
            (
                hashlib.sha256(json.dumps(record.params, sort_keys=True, default=str).encode()).hexdigest(),
                sorted((f.entity, f.path, f.detector) for f in scan_parameters(record.params)),
            )
            for record in make()
        ]
    out.write_bytes(pickle.dumps(result))


def compare(before: Path, after: Path) -> int:
    """Print per corpus how many records' findings differ (and the first few); 1 if any do."""
    a: dict[str, list[Scanned]] = pickle.loads(before.read_bytes())
    b: dict[str, list[Scanned]] = pickle.loads(after.read_bytes())
    differing = 0
    for name, records in a.items():
        pairs = list(zip(records, b.get(name, []), strict=False))
        same_input = [(x[1], y[1]) for x, y in pairs if x[0] == y[0]]
        diffs = [(x, y) for x, y in same_input if x != y]
        found = sum(len(x) for x, _ in same_input)
        print(
            f"{name}: {len(same_input)} records compared ({len(records) - len(same_input)} with other "
            f"inputs), {found} findings, {len(diffs)} records differ"
        )
        for x, y in diffs[:5]:
            print(f"  before {x}\n  after  {y}")
        differing += len(diffs)
    return 1 if differing else 0


def main(argv: list[str]) -> int:
    """`dump OUT` or `compare A B` (see the module docstring)."""
    if len(argv) == 2 and argv[0] == "dump":
        if os.environ.get("PYTHONHASHSEED") != "0":
            os.execve(
                sys.executable, [sys.executable, "-P", *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"}
            )
        sys.path.insert(0, os.getcwd())
        dump(Path(argv[1]))
        return 0
    if len(argv) == 3 and argv[0] == "compare":
        return compare(Path(argv[1]), Path(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
