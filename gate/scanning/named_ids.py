"""(ids26) An identity number after its scheme's name in a string of name=value pairs or in a URL's path.

`customer=Anna;pesel=88022003018;ship=express` (a note an integration writes, a cookie, a log line) and
`https://crm.example.com/customers/pesel/88022003018/orders` (a REST path) name their value as an
object's key does, but read as text the number is a word after another word. The pairs whose name names
an id scheme (`id_parts.part_of`: `pesel`, `rodne_cislo`, `rrn_front`) are returned as an object, which
the walk reads as it reads a query string's parameters (`query_strings`): keyed rules, and a number
split over two names (`id_parts`). Names that name no scheme (`order_id=...`) are left out, so an order
number that happens to pass an id's check stays an order number.
"""

from __future__ import annotations

import re

from gate.scanning.context import key_info
from gate.scanning.id_parts import part_of, valid

MAX_PAIRS = 16
# name=value, the pair split from its neighbours by ; & , | or a space (a query string's "?" too).
_PAIR = re.compile(r"(?<![\w.\-])([^\W\d][\w.\-]{0,40})=([\w.\-/]{1,40})")
# /name/value/ in a URL's path.
_SEGMENTS = re.compile(r"/([^\W\d][\w.\-]{0,40})/([\w.\-]{1,40})(?=[/?#\s]|$)")

# Names of an identity number that name no country's scheme: passed on for the keyed rules, which ask
# the number under them for a form or a check (`id_keyed`, `world_id`).
_GENERIC_NAMES = frozenset(
    (
        "id_card", "idcard", "id_number", "national_id", "nationalid", "personal_id", "citizen_id",
        "identity_number",
    )
)  # fmt: skip
_NEXT_DIGITS = re.compile(r"/(\d{1,12})(?=[/?#\s]|$)")


def named_ids(text: str) -> dict[str, str] | None:
    """The name=value pairs and /name/value path segments of `text` whose name names an id scheme or an
    id card, name to value (a repeated name's later values under "name.N"), or None when there is none."""
    readings = ([_PAIR] if "=" in text else []) + ([_SEGMENTS] if "://" in text else [])
    found: dict[str, str] = {}
    for reading in readings:
        for match in reading.finditer(text):
            name, value = match.group(1), match.group(2)
            part = part_of(name)
            if part is None or not part[0]:
                if key_info(name).norm not in _GENERIC_NAMES:  # those the keyed rules check
                    continue
            elif reading is _SEGMENTS and (rest := _NEXT_DIGITS.match(text, match.end())) is not None:
                # A number written with a slash ("rodne_cislo/460122/4738"): the slash is the path's too.
                whole = f"{value}/{rest.group(1)}"
                if not valid(part[0], [value]) and valid(part[0], [whole]):
                    value = whole
            found[name if name not in found else f"{name}.{len(found)}"] = value
            if len(found) >= MAX_PAIRS:
                return found
    return found or None
