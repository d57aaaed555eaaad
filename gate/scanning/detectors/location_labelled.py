# ruff: noqa: RUF001, RUF002 - text of other scripts, on purpose
"""LOCATION: an address after its label ("ship to", "Lieferadresse", "配送先", "آدرس", "szállítási cím",
"ঠিকানা", the `address_label` words of data/cues.toml), by its shape rather than by the words of one
language (the addr17 round):

- parts between commas (Latin, Arabic "،", Chinese "、", Ethiopic "፣", Myanmar "၊") or on their own
  lines, one of which holds a house, flat or postcode number in any digits: "г. Новосибирск, пр-т Карла
  Маркса, д. 30", "বাড়ি ১২, রোড ৫, ধানমন্ডি", "Av. Providencia 1208, depto 502, Providencia";
- a postcode and a town without a house number: "Gartenweg, 24837 Schleswig";
- Chinese, Japanese and Korean addresses without a number: an administrative unit (都道府県市区町村,
  省市区县, 시도구군) among their characters ("長野県北佐久郡軽井沢町", "제주특별자치도 제주시 연동").

The label alone flags nothing, and what follows it must not be a measure, a date or a link:
"Adresse: siehe Rechnung", "cím: Boldog születésnapot, 2026", "address: 30 x 40 cm, 2 pcs".
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.detectors.base import HAS_DIGIT, HAS_NON_ASCII, PatternRule, Text

_SEPARATORS = ",\u060c\u3001\uff0c\u1363\u104a\n"
_PART_SPLIT = re.compile(f"[{_SEPARATORS}]")
# Between the label and the address: a colon, markup of Markdown and HTML, quotes, a line break.
_LEAD = re.compile(r"(?:[\s:：*#>|\"'«“„\-]|<[^<>]{1,20}>)*")
_TAGS = re.compile(r"<[^<>]{1,20}>")
_BODY = 110
# A number as an address holds one: a house, flat or postcode number, in any digits, not a measure, a
# price or a quantity ("30 x 40 cm", "2 pcs", "€ 49", "19:00").
_NUMBER = re.compile(
    r"(?<![\d.:/])\d{1,6}(?:[/\-]\d{1,5})?[a-zA-Z]?(?![\d:]|\s?(?:[x×%€$£]|cm|mm|ml|kg|g\b|pcs|h\b|min\b|oz|in\b))"
)
_NOT_ADDRESS = re.compile(r"@|https?:|www\.|\d\s?[x×]\s?\d|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_CJK_UNIT = re.compile(
    r"[\u4e00-\u9fff\u3041-\u30ff]{0,8}[都道府県市区町村郡省县縣區][\u4e00-\u9fff\u3041-\u30ff]{2,}"
    r"|[가-힣]{1,10}(?:시|도|구|군)\s+[가-힣]{1,10}(?:시|구|군|동|읍|면|로|길)"
)
_MIN_PARTS = 2


def _body(value: str, end: int) -> str:
    """The text after a label: its lead (colon, markup) skipped, up to a blank line or a new field."""
    lead = _LEAD.match(value, end)
    start = lead.end() if lead is not None else end
    body = value[start : start + _BODY]
    if "<" in body:
        body = _TAGS.sub("\n", re.sub(r",?\s*<br\s*/?>", "\n", body, flags=re.IGNORECASE))
    return body.split("\n\n", 1)[0].split("\n\n", 1)[0]


def _addressed(match: re.Match[str], text: Text) -> bool:
    """True when the text after the label of `match` has an address's shape (see the module)."""
    value, end = text.value, match.end()
    if end < len(value) and value[end].isalnum() and not value[end - 1].isspace():
        return False  # the label is the start of a longer word ("Adressbuch", "addressed")
    body = _body(value, end)
    if not body or _NOT_ADDRESS.search(body) is not None:
        return False
    if _CJK_UNIT.match(body) is not None:
        return True
    parts = [part.strip(" .;") for part in _PART_SPLIT.split(body)[:5]]
    parts = [part for part in parts if part]
    numbered = [part for part in parts if _NUMBER.search(part) and not _YEAR.fullmatch(part)]
    return len(parts) >= _MIN_PARTS and bool(numbered) and parts[0][:1].isalnum()


_LABELLED = lexicon.Cues("address_label").then("")


def _may_hold(text: Text) -> bool:
    # A number, or (Chinese, Japanese and Korean addresses need none) a letter that is not ASCII.
    return bool(text.facts & (HAS_DIGIT | HAS_NON_ASCII))


RULES = (
    PatternRule(
        "location.labelled_address",
        _LABELLED,
        _addressed,
        when=_may_hold,
    ),
)
