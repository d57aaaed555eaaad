"""The European corpus: reproducible, spread over 20+ locales, every entity planted, values valid."""

from __future__ import annotations

import json
import random

from stdnum import iban

from benchmarks.corpus_locales import ENTITIES, IBAN_COUNTRIES, LOCALES, generate_locale_corpus, make_iban
from benchmarks.corpus_params import resolve
from benchmarks.scanner_locales import report_lines, run_locales


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    first = [json.dumps(r.params, sort_keys=True) for r in generate_locale_corpus(60, seed=1)]
    again = [json.dumps(r.params, sort_keys=True) for r in generate_locale_corpus(60, seed=1)]
    other = [json.dumps(r.params, sort_keys=True) for r in generate_locale_corpus(60, seed=2)]
    assert first == again
    assert first != other


def test_twenty_locales_every_entity_and_labels_point_at_values() -> None:
    records = generate_locale_corpus(600)
    assert len(LOCALES) >= 20
    assert {r.style for r in records} == {locale.code for locale in LOCALES}
    assert {label.entity for r in records for label in r.labels} == set(ENTITIES)
    assert 0.3 < sum(bool(r.labels) for r in records) / len(records) < 0.5
    for record in records:
        for label in record.labels:
            assert isinstance(resolve(record.params, label.pointer), str)


def test_planted_ibans_cover_the_registry_and_are_valid() -> None:
    rng = random.Random(5)
    assert len(IBAN_COUNTRIES) > 80
    lengths = set()
    for country, _ in IBAN_COUNTRIES:
        value = make_iban(rng, country)
        assert iban.is_valid(value), value
        lengths.add(len(iban.compact(value)))
    assert min(lengths) <= 16 and max(lengths) >= 32  # Norway's 15 to Russia's 33


def test_the_report_names_every_entity_and_locale() -> None:
    result = run_locales(generate_locale_corpus(240), reps=1)
    text = "\n".join(report_lines(result))
    assert all(entity in text for entity in result["accuracy"]["recall_by_entity"])
    assert all(f"| {locale.code} |" in text for locale in LOCALES)
    assert set(result["goals"]) == {"recall", "fp_records", "records_per_s"}
