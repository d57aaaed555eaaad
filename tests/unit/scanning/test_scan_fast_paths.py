"""The scanner's shortcuts skip only work that could not find anything."""

from __future__ import annotations

import base64

import pytest

from gate.scanning import decoding
from gate.scanning.context import DOB, GEO, IP, NOT_NUMERIC, NOT_PERSON, PHONE, SSN
from gate.scanning.detectors import CONTEXT_MASK, TEXT_DETECTORS, Text, detectors_for
from gate.scanning.detectors.base import PatternDetector, PatternRule

SAMPLES = (
    "a jet black backpack on a concrete plinth, soft studio lighting",
    "Portrait of Maria Schmidt, 8k",
    "call me on +49 151 23456789",
    "4111 1111 1111 1111",
    "4076169871689",
    "DE89370400440532013000",
    "536-22-1234",
    "QQ 12 34 56 C",
    "born on 12/03/1985 in 386 Station Road, Denver, CO 80202",
    "Flat 2, Springfield, IL 62704",
    "Hauptstraße 5",
    "48.85837, 2.29448",
    "1.2345 , 4.5678",
    "48°51'29\"N 2°17'40\"E",
    "host 192.168.0.12",
    "fe80::1ff:fe23:4567:890a",
    "PHPSESSID=6dba1c50884adffa01738a06e8b26034",
    "Bearer\tabc123def456ghi789jkl",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
    "jane.doe@example.com",
    "am9obi5kb2VAZXhhbXBsZS5jb20=",
    "jane%40example.com",
    "CheckpointLoaderSimple",
    "2026-10-16T16:33:00Z",
    "DOB:12.03.1985",
    "d.ob 12/03/1985",
    "recommended based on your shopping",
    "user\tviewed the red shoes",
    "Maria\tSchmidt",
    "date of b\u0131rth: 12/03/1985",
    "user v\u0131ewed the red shoes",
    "your order hi\u017ftory",
    "PHP\u017fESSID=6dba1c50884adffa01738a06e8b26034",
    "photo of my\twife Zelda",
    "text\tme on 07911 123456",
    "born\nin\n1985",
    "DOB:1.2.85",
    "5 Baker Street",
    "my name  is Maria",
    "photo of my\u00a0wife Zelda",
    "1.2345;4.5678",
    "+1 650 - 253 - 0000",
    "call me: 0151 - 2345 - 6789",
    "phone 030 / 1234 / 5678",
    "港区六本木1-2-3",
    "〒106-0032",
    "강남구 테헤란로 123",
    "İstiklal Caddesi Sok. No:12",
    "Atatürk\tCad.\tNo:5",
    "MT70 MALT 0110 0A12 B45M TLCA ST00 1SX",
    "DPM++ 2M Karras",
    "dead:beef:cafe:babe:dead:beef:cafe:babe",
    "host fe::ab",
    "\uff14\uff10\uff17\uff16" * 3,  # full-width digits: Unicode "\\d", not ASCII
)
CONTEXTS = (0, NOT_NUMERIC, NOT_PERSON, PHONE | NOT_NUMERIC, GEO, DOB, IP, SSN)


def _rule_finds(rule: PatternRule, text: Text) -> bool:
    """What the rule finds when its fact shortcuts (`requires`) are ignored; its key `context` still
    counts, like a detector's `unless`: that is a decision, not a shortcut."""
    if rule.context and not rule.context & text.flags:
        return False
    if rule.when is not None and not rule.when(text):
        return False
    return any(rule.validate is None or rule.validate(m, text) for m in rule.pattern.finditer(text.value))


@pytest.mark.parametrize("value", SAMPLES)
@pytest.mark.parametrize("flags", CONTEXTS)
def test_skipped_detectors_and_rules_would_find_nothing(value: str, flags: int) -> None:
    """Facts are shortcuts only: a detector or rule left out for the facts it lacks finds nothing."""
    text = Text(value, flags)
    chosen = detectors_for(text.facts, flags & CONTEXT_MASK)
    # An entity may have more than one detector (LOCATION, SESSION_TOKEN): rules are compared as kept or
    # not, and other detectors by entity and type.
    kept_rules = {rule for d in chosen if isinstance(d, PatternDetector) for rule in d.rules}
    kept_others = {(d.entity, type(d)) for d in chosen if not isinstance(d, PatternDetector)}
    for detector in TEXT_DETECTORS:
        if detector.unless & flags:  # left out for the key context: a decision, not a shortcut
            continue
        if isinstance(detector, PatternDetector):
            for rule in detector.rules:
                if rule not in kept_rules:
                    assert not _rule_finds(rule, text), rule.name
        elif (detector.entity, type(detector)) not in kept_others:
            assert detector.detect(text) is None, detector.entity


@pytest.mark.parametrize(
    ("value", "flags", "entity"),
    [
        ("Flat 2, Springfield, IL 62704", 0, "LOCATION"),
        ("1.2345 , 4.5678", GEO, "LOCATION"),
        ("AB 12 34 56 C", 0, "UK_NINO"),
        ("536-22-1234", 0, "US_SSN"),
        ("d.ob 12/03/1985", 0, "DATE_OF_BIRTH"),
        ("12/03/1985", DOB, "DATE_OF_BIRTH"),
        ("recommended based on your shopping", 0, "BEHAVIORAL_DATA"),
        ("user\tviewed the red shoes", 0, "BEHAVIORAL_DATA"),
        ("Bearer\tabc123def456ghi789jkl", 0, "SESSION_TOKEN"),
    ],
)
def test_samples_are_found_through_the_narrowed_detectors(value: str, flags: int, entity: str) -> None:
    """The shortcut test above is not vacuous: these samples reach a rule that finds them."""
    text = Text(value, flags)
    found = {d.entity for d in detectors_for(text.facts, flags & CONTEXT_MASK) if d.detect(text)}
    assert entity in found


@pytest.mark.parametrize("value", SAMPLES)
def test_strings_rejected_fast_decode_to_nothing(value: str) -> None:
    if not decoding.may_be_encoded(value):
        assert decoding._decode_once(value) == []


def test_encoded_samples_are_not_rejected() -> None:
    assert decoding.decoded_variants("am9obi5kb2VAZXhhbXBsZS5jb20=") == [("john.doe@example.com", "base64")]
    assert decoding.decoded_variants("jane%40example.com") == [("jane@example.com", "url")]


def test_base64_that_is_not_utf8_is_not_text() -> None:
    # Mostly printable, but one byte is not UTF-8: refused, as a strict decode refuses it.
    token = base64.b64encode(b"hello world, some text \xff").decode()
    assert decoding.decoded_variants(token) == []


def test_a_sixteen_character_token_inside_text_is_decoded() -> None:
    # base64 of 12 bytes is 16 characters, the shortest token looked for inside free text.
    assert decoding.decoded_variants("send am9AZXguY29tLmRl now") == [("jo@ex.com.de", "base64")]
