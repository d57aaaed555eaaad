"""CUSTOMER_ID, BEHAVIORAL_DATA, DEVICE_ID and TRACKING_ID: entities that only the key can reveal.

`"customer_id": 48213` looks like any number and `"cart": [...]` like any list; the key is the
evidence. The keys are data (`data/keys.toml`), in the languages of the shops the gate serves
(`"Kundennummer"`, `"panier"`, `"閲覧履歴"`), read through the same normalisation as any key. An
identifier counts when its value is a non-empty scalar (or a list holding one); behavioural fields count
when they hold anything at all; a device identifier only when the value is shaped like one (hex, digits,
a UUID: one token), since `"mac"` is also a cosmetics brand.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from gate.scanning.context import key_info
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset, non_empty, non_empty_scalar


@cache
def _table() -> dict[str, dict[str, list[str]]]:
    text = resources.files("gate.scanning").joinpath("data", "keys.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def table(section: str) -> dict[str, list[str]]:
    """A class of `data/keys.toml` as written: language -> keys."""
    return _table()[section]


def table_keys(section: str) -> frozenset[str]:
    """Every key of a class of `data/keys.toml`, normalised as `context.key_info` reads keys (with and
    without underscores)."""
    names = {key_info(name).norm for language in _table()[section].values() for name in language}
    return keyset(" ".join(sorted(name for name in names if name)))


def _identifier(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return any(non_empty_scalar(item) for item in value)
    return non_empty_scalar(value)


# One token of 8 to 64 characters with at least four hex digits: a MAC, an IMEI, an advertising ID, a
# push token. Not free text, not a short word.
_DEVICE_TOKEN = re.compile(r"[0-9A-Za-z:.\-_+/=]{8,200}")
_MIN_DEVICE_DIGITS = 4


_GROUPED_DIGITS = re.compile(r"\d+(?: \d+)+")
_MIN_GROUPED_DIGITS = 14


def _device_value(value: Any) -> bool:
    if isinstance(value, list | tuple):
        return any(_device_value(item) for item in value)
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int):
        return value >= 10_000_000  # an IMEI or an Android ID written as a number
    if not isinstance(value, str):
        return False
    token = value.strip()
    if _GROUPED_DIGITS.fullmatch(token) is not None:
        # An IMEI or a SIM's ICCID as printed, in groups ("8944 5000 0012 3456 789")
        return sum(ch.isdigit() for ch in token) >= _MIN_GROUPED_DIGITS
    if _DEVICE_TOKEN.fullmatch(token) is None:
        return False
    return sum(ch in "0123456789abcdefABCDEF" for ch in token) >= _MIN_DEVICE_DIGITS and any(
        ch.isdigit() for ch in token
    )


KEYED_RULES: tuple[KeyedRule, ...] = (
    KeyedRule("CUSTOMER_ID", "customer_id.key", table_keys("customer_id"), _identifier),
    # {"customer": {"id": 7}}: a bare id is a customer id when its object describes a person.
    KeyedRule("CUSTOMER_ID", "customer_id.owner", keyset("id number no ref"), _identifier, owner_only=True),
    KeyedRule("BEHAVIORAL_DATA", "behavior.key", table_keys("behavior"), non_empty),
    KeyedRule("DEVICE_ID", "device_id.key", table_keys("device_id"), _device_value),
    # An ad click's id or a hashed e-mail or phone number kept for audience matching (`tracking`): an
    # identifier's shape, as a device id's.
    KeyedRule("TRACKING_ID", "tracking_id.key", table_keys("tracking_id"), _device_value),
)
