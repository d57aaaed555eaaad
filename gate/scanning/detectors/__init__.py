"""The detector registry: the order here is the order of findings for one value."""

from __future__ import annotations

from gate.scanning.detectors import (
    behavior,
    card,
    dob,
    email,
    iban,
    ip,
    keyed,
    location,
    national_id,
    person,
    phone,
    session,
)
from gate.scanning.detectors.base import KeyedRule, Text, TextDetector

TEXT_DETECTORS: tuple[TextDetector, ...] = (
    email.DETECTOR,
    phone.DETECTOR,
    card.DETECTOR,
    iban.DETECTOR,
    national_id.US_SSN,
    national_id.UK_NINO,
    ip.DETECTOR,
    location.DETECTOR,
    dob.DETECTOR,
    person.DETECTOR,
    session.DETECTOR,
    behavior.DETECTOR,
)

KEYED_RULES: tuple[KeyedRule, ...] = (
    *keyed.KEYED_RULES,
    *person.KEYED_RULES,
    *session.KEYED_RULES,
    *dob.KEYED_RULES,
    *location.KEYED_RULES,
)

ENTITIES: frozenset[str] = frozenset([d.entity for d in TEXT_DETECTORS] + [r.entity for r in KEYED_RULES])

__all__ = ["ENTITIES", "KEYED_RULES", "TEXT_DETECTORS", "KeyedRule", "Text", "TextDetector"]
