"""What the scanner finds in one value, for the truth tables of the scanning tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gate.scanning import scan_parameters


def entities(value: object, key: str = "prompt") -> set[str]:
    """The entity types `scan_parameters` finds in `{key: value}`."""
    return {f.entity for f in scan_parameters({key: value})}


def strings(value: Any) -> Iterator[str]:
    """Every key and string of a JSON value, in document order."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield str(key)
            yield from strings(child)
    elif isinstance(value, list):
        for child in value:
            yield from strings(child)
    elif isinstance(value, str):
        yield value


def corpus_texts(count: int, seed: int) -> list[str]:
    """The distinct keys and strings of `count` records of each labelled corpus (generation parameters
    and the European locales) and the locale cue cases, sorted: what differential tests read."""
    from benchmarks.corpus_locales import generate_locale_corpus  # noqa: PLC0415 - slow, only when asked
    from benchmarks.corpus_params import generate_corpus  # noqa: PLC0415
    from tests.unit.scanning.test_scan_locale_cues import CLEAN, FOUND  # noqa: PLC0415 - it imports this module

    records = generate_corpus(count, seed=seed) + generate_locale_corpus(count, seed=seed)
    texts = {text for record in records for text in strings(record.params)}
    return sorted(texts | {text for _, text in FOUND} | set(CLEAN))
