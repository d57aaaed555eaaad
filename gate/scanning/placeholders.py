"""Values that stand for no one: what a pipeline writes where personal data would go but is absent.

A key such as `customer_id` or `customer_name` is evidence only of what its value would be. Pipelines
that already anonymise write `"guest"`, `"anonymous"`, `"[REDACTED]"`, `"n/a"`, `"0"` there, and
personalisation templates that were not rendered leave their variable: `"{{customer.firstname}}"`,
`"%LASTNAME%"`, `"*|FNAME|*"`. None of these is anyone's data, so a keyed rule does not count them
(`seen.accepts`). The value's own text is still scanned like any other: a name or a number written
inside brackets is found by the text rules, and a template variable counts as one only when it is
made of field words (`first_name`, `Vorname`, `email`), never when it is free text in brackets
(`[Maria Schmidt]`). The words of absence and the field words are data (`data/placeholders.txt`,
`data/placeholder_fields.txt`), in the shops' languages.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

# The longest value read: longer values are data or free text, not a placeholder.
_MAX_CHARS = 48

# A template variable filling the whole value: {{ x }}, {x}, ${x}, #{x}, %x%, *|x|*, <x>, [x], [[x]],
# :x, @x@, __x__. The inner part is letters, digits and field separators only.
_TEMPLATE = re.compile(
    r"\{\{\s*(?P<a>[^{}]+?)\s*\}\}|[$#]?\{\s*(?P<b>[^{}]+?)\s*\}|%(?P<c>[^%]+)%|\*\|(?P<d>[^|]+)\|\*"
    r"|<\s*(?P<e>[^<>]+?)\s*>|\[\[?\s*(?P<f>[^\[\]]+?)\s*\]\]?|__(?P<g>[^_].*?)__|@(?P<h>[^@]+)@|:(?P<i>\w+)"
)
# What may stand between template variables that fill a value together.
_SEPARATORS = re.compile(r"(?<=[}%*>\]_@])[\s,;/|-]+(?=[{$#%*<\[_@:])")
# The inner part of a template variable: field words joined by dots, underscores, hyphens, spaces.
_FIELD_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_INNER = re.compile(r"[\w .\-|]+", re.UNICODE)
# Repeats of one masking character: "***", "xxx", "---", "000", "###".
_MASK = re.compile(r"([*xX\-_#0.?•·])\1*")
# Brackets and quotes an absence word may be wrapped in: "[REDACTED]", "<none>", "(unknown)".
_WRAP = "[]<>(){}\"'«»“”„‘’*_ "  # noqa: RUF001 - typographic quotes, on purpose


@cache
def _lines(name: str) -> frozenset[str]:
    text = resources.files("gate.scanning").joinpath("data", name).read_text(encoding="utf-8")
    words = (unicodedata.normalize("NFKC", line.split("#", 1)[0]) for line in text.splitlines())
    return frozenset(_fold(word) for word in words if word.strip())


def _fold(text: str) -> str:
    """`text` (already NFKC) case-folded, its runs of white space one space."""
    return " ".join(text.casefold().split())


def _absence_words() -> frozenset[str]:
    return _lines("placeholders.txt")


def _field_words() -> frozenset[str]:
    return _lines("placeholder_fields.txt")


@cache
def _longest_field_word() -> int:
    return max(len(word) for word in _field_words())


def _field_word(word: str, fields: frozenset[str]) -> bool:
    """True if `word` is a field word or field words run together (`customerfirstname`, `fname`)."""
    if word in fields:
        return True
    # ends[i]: word[:i] splits into field words (each at most the longest listed one).
    longest = _longest_field_word()
    ends = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        ends[end] = any(
            ends[start] and word[start:end] in fields for start in range(max(0, end - longest), end)
        )
    return ends[-1]


def _names_a_field(inner: str) -> bool:
    """True if a template variable's inner part is made of field words only: `customer.first_name`,
    `FNAME`, `Prénom`, `your name here`; not `Maria Schmidt`, not `Name Maria`."""
    if _INNER.fullmatch(inner) is None:
        return False
    fields = _field_words()
    words = [word.casefold() for word in _FIELD_WORDS.findall(inner)]
    return bool(words) and all(_field_word(word, fields) for word in words)


def is_placeholder(value: object) -> bool:
    """True if `value` is a string that stands for no one: a word of absence (`guest`, `anonym`,
    `[REDACTED]`, `n/a`), a mask (`***`, `000`), or an unrendered template variable naming a field."""
    if type(value) is not str or len(value) > _MAX_CHARS:
        return False
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return False
    if _MASK.fullmatch(text) is not None:
        return True
    if _fold(text.strip(_WRAP)) in _absence_words():
        return True
    # One variable, or several side by side ("{{first_name}} {{last_name}}", "%LAST%, %FIRST%").
    parts = [part for part in _SEPARATORS.split(text) if part]
    return all(_template_of_a_field(part) for part in parts)


def _template_of_a_field(text: str) -> bool:
    template = _TEMPLATE.fullmatch(text)
    if template is None:
        return False
    inner = next(group for group in template.groups() if group is not None)
    return _names_a_field(inner) or _fold(inner) in _absence_words()


def stands_for_no_one(value: object) -> bool:
    """True for a placeholder string, or a non-empty list whose items are all placeholders or empty
    (`["guest"]`): what a keyed rule must not count as the key's entity."""
    if type(value) is str:
        return is_placeholder(value)
    if isinstance(value, list | tuple) and value:
        return all(
            is_placeholder(item) or (type(item) is str and not item.strip()) or item is None for item in value
        )
    return False
