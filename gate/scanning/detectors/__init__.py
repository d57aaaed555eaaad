"""The detector registry: the order here is the order of findings for one value."""

from __future__ import annotations

import functools
import operator
from dataclasses import replace

from gate.scanning.detectors import (
    account,
    bank_account,
    behavior,
    behavior_keys,
    card,
    card_words,
    credentials,
    crypto_wallet,
    customer,
    device,
    dob,
    email,
    european_id,
    health,
    iban,
    iban_keyed,
    id_document,
    id_keyed,
    ip,
    keyed,
    location,
    location_codes,
    mrz,
    national_id,
    person,
    person_joined,
    person_keyed,
    person_local_part,
    person_lone,
    person_owner,
    phone,
    phone_keyed,
    phone_words,
    session,
    social,
    special_category,
    tracking,
    vehicle_plate,
    vin,
    world_id,
    world_id_cued,
)
from gate.scanning.detectors.base import PatternDetector, Text, TextDetector, text_facts
from gate.scanning.detectors.keyed_rule import KeyedRule

TEXT_DETECTORS: tuple[TextDetector, ...] = (
    email.DETECTOR,
    phone_words.with_spelled(phone.DETECTOR),
    card.DETECTOR,
    card_words.DETECTOR,
    iban.DETECTOR,
    bank_account.DETECTOR,
    crypto_wallet.DETECTOR,
    national_id.US_SSN,
    national_id.UK_NINO,
    european_id.DETECTOR,
    world_id.DETECTOR,
    mrz.DETECTOR,
    # (one detector for both: each is a NATIONAL_ID pattern detector on the same texts, and a call costs)
    replace(id_document.DETECTOR, rules=id_document.DETECTOR.rules + world_id_cued.DETECTOR.rules),
    ip.DETECTOR,
    location.DETECTOR,
    location_codes.DETECTOR,
    dob.DETECTOR,
    person.DETECTOR,
    session.DETECTOR,
    session.SECRET_KEYS,
    session.LOWER_SECRET_KEYS,
    credentials.DETECTOR,
    behavior.DETECTOR,
    device.DETECTOR,
    tracking.DETECTOR,
    social.DETECTOR,
    health.DETECTOR,
    *special_category.DETECTORS,
    customer.DETECTOR,
    account.DETECTOR,
    vehicle_plate.DETECTOR,
    vin.DETECTOR,
)

KEYED_RULES: tuple[KeyedRule, ...] = (
    *keyed.KEYED_RULES,
    *behavior_keys.KEYED_RULES,
    *phone_keyed.KEYED_RULES,
    *id_keyed.KEYED_RULES,
    *iban_keyed.KEYED_RULES,
    *person_keyed.KEYED_RULES,
    *person_owner.KEYED_RULES,
    *person_lone.KEYED_RULES,
    *person_joined.KEYED_RULES,
    *person_local_part.KEYED_RULES,
    *account.KEYED_RULES,
    *session.KEYED_RULES,
    *dob.KEYED_RULES,
    *location.KEYED_RULES,
    *social.KEYED_RULES,
    *health.KEYED_RULES,
    *special_category.KEYED_RULES,
    *world_id.KEYED_RULES,
    *world_id_cued.KEYED_RULES,
    *id_document.KEYED_RULES,
    *vin.KEYED_RULES,
)


# The key context flags that decide which detectors and rules apply: some detector's `unless`, some
# rule's `context`.
CONTEXT_MASK = functools.reduce(
    operator.or_,
    [detector.unless for detector in TEXT_DETECTORS]
    + [rule.context for d in TEXT_DETECTORS if isinstance(d, PatternDetector) for rule in d.rules],
)


def detectors_for(facts: int, context: int) -> tuple[TextDetector, ...]:
    """The text detectors with a chance on a string with these `Text.facts` under key context
    `context` (`flags & CONTEXT_MASK`), in registry order: one of their `needs` facts holds, none of
    their `unless` flags, and each is narrowed to the rules that can match (`TextDetector.narrowed`).

    Not cached here: the walk keeps the table, per (facts, context) pair, which holds no text.
    """
    chosen = []
    for detector in TEXT_DETECTORS:
        if detector.needs & facts and not detector.unless & context:
            narrowed = detector.narrowed(facts, context)
            if narrowed is not None:
                chosen.append(narrowed)
    return tuple(chosen)


ENTITIES: frozenset[str] = frozenset([d.entity for d in TEXT_DETECTORS] + [r.entity for r in KEYED_RULES])

__all__ = [
    "CONTEXT_MASK",
    "ENTITIES",
    "KEYED_RULES",
    "TEXT_DETECTORS",
    "KeyedRule",
    "Text",
    "TextDetector",
    "detectors_for",
    "text_facts",
]
