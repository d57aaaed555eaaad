"""`gate incidents update|close` arguments: a person's free text is refused when it holds personal data
(the type named, never the value), consequences take ENTITY=TEXT, ids are checked before any read."""

from __future__ import annotations

import argparse

import pytest

from gate.cli.incidents import _consequence, _one, _text
from gate.errors import ConfigError


@pytest.mark.parametrize(
    ("value", "entity"),
    [
        ("jane.roe@example.org", "EMAIL_ADDRESS"),
        ("+49 30 901820", "PHONE_NUMBER"),
        ("DE89 3704 0044 0532 0130 00", "IBAN_CODE"),
    ],
)
def test_personal_data_in_free_text_is_refused_by_type(value: str, entity: str) -> None:
    with pytest.raises(ConfigError) as refused:
        _text("note", f"the customer wrote from {value} about it")
    message = str(refused.value)
    assert entity in message and "incident record" in message and "--note" in message
    assert value not in message and value.rsplit(maxsplit=1)[-1] not in message


@pytest.mark.parametrize(
    "text", ["CDN cache purged for 8 images", "Authority reference SA-2026-0042", "takedown confirmed by ops"]
)
def test_plain_text_passes(text: str) -> None:
    assert _text("note", f"  {text} ") == text


def test_too_long_text_says_the_limit() -> None:
    with pytest.raises(ConfigError, match="1 to 2000 characters"):
        _text("nature", "x" * 2001)
    assert _text("note", None) is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("EMAIL_ADDRESS=phishing attempts", ("EMAIL_ADDRESS", "phishing attempts")),
        (" PHONE_NUMBER = unwanted calls ", ("PHONE_NUMBER", "unwanted calls")),
        ("phishing attempts", None),
        ("email=phishing", None),
        ("EMAIL_ADDRESS=", None),
    ],
)
def test_consequences_take_entity_equals_text(given: str, expected: tuple[str, str] | None) -> None:
    if expected is None:
        with pytest.raises(ConfigError, match="ENTITY=TEXT"):
            _consequence(given)
    else:
        assert _consequence(given) == expected


def test_consequence_text_is_scanned_and_never_echoed() -> None:
    with pytest.raises(ConfigError) as refused:
        _consequence("EMAIL_ADDRESS=write to jane.roe@example.org")
    assert "EMAIL_ADDRESS" in str(refused.value) and "jane" not in str(refused.value)


def test_a_malformed_incident_id_is_refused_before_reading() -> None:
    with pytest.raises(ConfigError, match="not an incident id"):
        _one(argparse.Namespace(incident_id="jane.roe@example.org"))
