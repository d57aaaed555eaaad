"""Label hygiene: what may become a Prometheus label value, and what never may."""

from __future__ import annotations

import pytest

from gate.observe.labels import (
    SourceLabels,
    entity_label,
    name_label,
    reason_code_label,
    sha256_label,
    topic_label,
)


@pytest.mark.parametrize(
    ("source", "label"),
    [
        ("shop-a", "shop-a"),
        ("  Shop-A ", "shop-a"),
        ("partner.feed_2", "partner.feed_2"),
        ("alice@example.com", "invalid"),
        ("Alice Smith", "invalid"),
        ("+49 170 1234567", "invalid"),
        ("0301234567", "invalid"),  # a run of digits looks like a phone or customer number
        ("shop-2024", "shop-2024"),
        ("", "invalid"),
        ("-leading-dash", "invalid"),
        ("a" * 48, "a" * 48),
        ("a" * 49, "invalid"),
        ("shop/../etc", "invalid"),
        ('shop"}', "invalid"),
    ],
)
def test_source_format(source: str, label: str) -> None:
    assert SourceLabels(max_distinct=100)(source) == label


def test_source_cap_admits_first_come_then_other() -> None:
    labels = SourceLabels(max_distinct=2)
    assert [labels(s) for s in ("a", "b", "c", "a", "b", "d")] == ["a", "b", "other", "a", "b", "other"]


def test_source_invalid_values_do_not_use_up_the_cap() -> None:
    labels = SourceLabels(max_distinct=1)
    assert labels("bob@example.com") == "invalid"
    assert labels("shop") == "shop"


def test_source_allow_list() -> None:
    labels = SourceLabels(allowed=["Shop-A", "studio"])
    assert labels("shop-a") == "shop-a"
    assert labels("studio") == "studio"
    assert labels("unknown-system") == "other"
    assert labels("x@y.z") == "invalid"


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("provenance.manifest_missing", "provenance.manifest_missing"),
        ("pii.email.in_prompt", "pii.email.in_prompt"),
        ("provenance", "invalid_code"),
        ("Provenance.missing", "invalid_code"),
        ("pii.email1", "invalid_code"),
        ("pii..email", "invalid_code"),
        ("pii.email\n", "invalid_code"),
        ("pii.alice@example.com", "invalid_code"),
        ("a." + "b" * 200, "invalid_code"),
    ],
)
def test_reason_code(code: str, label: str) -> None:
    assert reason_code_label(code) == label


@pytest.mark.parametrize(
    ("name", "label"),
    [("allow", "allow"), ("c2pa.provenance", "c2pa.provenance"), ("Allow", "invalid"), ("", "invalid")],
)
def test_name_label(name: str, label: str) -> None:
    assert name_label(name) == label


def test_topic_and_digest() -> None:
    assert topic_label("images.ingest-v1") == "images.ingest-v1"
    assert topic_label("bad topic") == "invalid"
    assert sha256_label("AB" * 32) == "ab" * 32
    assert sha256_label("abc") == "invalid"


@pytest.mark.parametrize(
    ("entity", "label"),
    [
        ("EMAIL_ADDRESS", "EMAIL_ADDRESS"),
        ("US_SSN", "US_SSN"),
        ("email_address", "invalid"),  # detectors name types in upper case; anything else is not one
        ("jane@example.com", "invalid"),
        ("EMAIL ADDRESS", "invalid"),
        ("A" * 49, "invalid"),
        ("", "invalid"),
    ],
)
def test_entity_label(entity: str, label: str) -> None:
    assert entity_label(entity) == label
