"""A rule that reads an entity from the key a value sits under (`{"email": ...}`, `{"customer": {"name":
...}}`), and the value tests such rules share: the value must say something for the key to count."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from gate.scanning.context import KeyInfo, key_info
from gate.scanning.normalise import normalise


@dataclass(frozen=True, slots=True)
class KeyedRule:
    """An entity implied by the key itself when the value under it is non-empty.

    `keys` are normalised key names (see `context.key_info`); with `owner_only`, the rule applies only
    when the parent key describes a person (`{"customer": {"name": ...}}`).
    """

    entity: str
    name: str
    keys: frozenset[str]
    accepts: Callable[[Any], bool]
    owner_only: bool = False
    # Words of scripts without spaces (or with prefixed words) that cover a key wherever they occur in
    # it: "顧客住所", "お客様の生年月日", "رقم_الهاتف".
    fragments: tuple[str, ...] = ()

    def matches(self, key: KeyInfo) -> bool:
        """True if the rule covers this key (the value still has to be accepted)."""
        if any(name in self.keys or name.replace("_", "") in self.keys for name in {key.norm, key.local}):
            return True
        norm = key.norm
        return bool(self.fragments) and not norm.isascii() and any(part in norm for part in self.fragments)


def keyset(words: str) -> frozenset[str]:
    """Normalised key names from a space-separated list, with and without underscores."""
    names = words.split()
    return frozenset(names) | frozenset(name.replace("_", "") for name in names)


def non_empty_scalar(value: Any) -> bool:
    """A string with visible characters or a non-zero number (booleans and null are not identifiers)."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int | float):
        return value != 0
    return False


def non_empty(value: Any) -> bool:
    """A non-empty scalar, or a container holding anything."""
    if isinstance(value, dict | list | tuple):
        return len(value) > 0
    return non_empty_scalar(value)


def key_names(words: Iterable[str]) -> frozenset[str]:
    """`keyset` of `words`, and each as `context.key_info` reads keys ("アレルギー" loses its voicing marks
    there, "Konfession" is lower-cased)."""
    listed = list(words)
    return keyset(" ".join(listed)) | frozenset(key_info(word).norm for word in listed)


def stated(value: Any, none: frozenset[str]) -> bool:
    """Something said under a key whose name tells what it is (a condition, a religion): a true boolean,
    or a string that is not one of `none` ("none", "prefer not to say"), in a list or an object too."""
    if isinstance(value, list | tuple):
        return any(stated(item, none) for item in value)
    if isinstance(value, dict):
        return any(stated(item, none) for item in value.values())
    if isinstance(value, bool) or value is None:
        return bool(value)
    return isinstance(value, str) and bool(value.strip()) and value.strip().lower() not in none


_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")


def written_value(value: str | int) -> str:
    """`value` as the scanner reads it: normalised (full-width digits, look-alikes) only when it is not
    ASCII, since a keyed rule is asked on every pass over every value under its keys."""
    text = str(value)
    return (text if text.isascii() else normalise(text)).strip()


def date_shaped(written: str) -> bool:
    """`written` is a date in digits ("2024-01-15", "15.01.2024"), whatever a key says it should hold."""
    return _DATE.fullmatch(written) is not None
