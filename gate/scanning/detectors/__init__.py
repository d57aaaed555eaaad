"""The detector registry: the order here is the order of findings for one value."""

from __future__ import annotations

import functools
import operator

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


# The key context flags some detector has as `unless`.
UNLESS_MASK = functools.reduce(operator.or_, (detector.unless for detector in TEXT_DETECTORS))


@functools.cache
def detectors_for(facts: int, context: int) -> tuple[TextDetector, ...]:
    """The text detectors with a chance on a string with these `Text.facts` under key context
    `context`, in registry order: one of their `needs` facts holds and none of their `unless` flags.

    Pass `flags & UNLESS_MASK` as `context`: the table is cached per argument pair, and so stays small
    (12 bits of facts, a few flags) and holds no text.
    """
    return tuple(d for d in TEXT_DETECTORS if d.needs & facts and not d.unless & context)


ENTITIES: frozenset[str] = frozenset([d.entity for d in TEXT_DETECTORS] + [r.entity for r in KEYED_RULES])

__all__ = [
    "ENTITIES",
    "KEYED_RULES",
    "TEXT_DETECTORS",
    "KeyedRule",
    "Text",
    "UNLESS_MASK",
    "TextDetector",
    "detectors_for",
]
