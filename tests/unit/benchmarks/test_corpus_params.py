"""The labelled generation-parameter corpus: reproducible, labels that point at what was planted."""

from __future__ import annotations

import json

import pytest
from stdnum import ean, iban, luhn

from benchmarks.corpus_params import PLANTS, Label, LabelledRecord, generate_corpus, resolve, scalar_pointers
from benchmarks.scanner import score


def test_same_seed_same_corpus_other_seed_other_corpus() -> None:
    first = [json.dumps(r.params, sort_keys=True) for r in generate_corpus(50, seed=1)]
    again = [json.dumps(r.params, sort_keys=True) for r in generate_corpus(50, seed=1)]
    other = [json.dumps(r.params, sort_keys=True) for r in generate_corpus(50, seed=2)]
    assert first == again
    assert first != other


def test_a_share_of_records_is_labelled_and_every_entity_type_is_planted() -> None:
    records = generate_corpus(1000)
    dirty = [r for r in records if r.labels]
    assert 0.25 < len(dirty) / len(records) < 0.45
    assert {label.entity for r in dirty for label in r.labels} == set(PLANTS)
    assert {r.style for r in records} == {"a1111", "comfyui", "diffusers", "dalle"}


def test_every_label_points_at_a_string_in_the_record() -> None:
    for record in generate_corpus(300):
        for label in record.labels:
            value = resolve(record.params, label.pointer)
            assert isinstance(value, str) and value
            assert label.pointer in scalar_pointers(record.params)


def test_planted_numbers_are_valid_and_hard_negatives_too() -> None:
    # Plants carry real check digits, so a detector that validates them is not cheated.
    rng_records = generate_corpus(2000)
    cards = [
        resolve(r.params, lab.pointer)
        for r in rng_records
        for lab in r.labels
        if lab.entity == "CREDIT_CARD" and lab.pointer.rsplit("/", 1)[-1] == "payment_card"
    ]
    ibans = [
        resolve(r.params, lab.pointer)
        for r in rng_records
        for lab in r.labels
        if lab.entity == "IBAN_CODE" and lab.pointer.rsplit("/", 1)[-1] == "refund_iban"
    ]
    assert cards and ibans
    assert all(luhn.is_valid(c.replace(" ", "")) for c in cards)
    assert all(iban.is_valid(i) for i in ibans)
    gtins = [r.params["product"]["gtin"] for r in rng_records if "product" in r.params]
    assert gtins and all(ean.is_valid(g) for g in gtins)


@pytest.mark.parametrize(
    ("found", "recall", "fp_values"),
    [
        (set(), 0.0, 0),
        ({("EMAIL_ADDRESS", "/prompt")}, 1.0, 0),
        ({("PERSON", "/prompt")}, 0.0, 0),  # wrong type on a labelled value: neither recall nor FP
        ({("EMAIL_ADDRESS", "/prompt"), ("PHONE_NUMBER", "/seed")}, 1.0, 1),
    ],
)
def test_score_counts_recall_and_false_positives_per_value(
    found: set[tuple[str, str]], recall: float, fp_values: int
) -> None:
    record = LabelledRecord(
        {"prompt": "bag for jane@example.com", "seed": 42, "steps": 30},
        (Label("EMAIL_ADDRESS", "/prompt"),),
    )
    result = score([record], [found])
    assert result["recall"] == recall
    assert result["counts"]["fp_values"] == fp_values
    assert result["counts"]["unlabelled_values"] == 2
