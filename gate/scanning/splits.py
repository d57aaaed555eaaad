"""Values split across an object's strings, its keys, or a key and its value, read joined.

`{"a": "jane.doe", "b": "@example.com"}`, `{"jane.doe": "@example.com"}`, `{"jane": 1, ".doe@exa": 2,
"mple.com": 3}`, `{"+49 151": "23456789"}` and sibling containers (`{"a": ["jane.doe"], "b":
["@example.com"]}`) each hold an address or a number no single string holds. A split shows at a
boundary: a string that starts with "@", "+" or "." or ends with "@" (`is_fragment`), or a key that
ends a group of digits after a space (`key_is_fragment`: "DE89 3704", "+49 151"). Only objects with one
are read joined, so the common object pays two character tests per string. The walk reports what a
reading finds under the object's pointer, never a key's text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from gate.scanning.context import key_info
from gate.scanning.detectors.keyed import table, table_keys

FRAGMENT_STARTS = "@+."
MAX_FRAGMENT_CHARS = 254  # the longest address


def is_fragment(text: str) -> bool:
    """True if `text` looks like a part of a split value: it starts with "@", "+" or "." or ends with "@"."""
    return bool(text) and (text[0] in FRAGMENT_STARTS or text[-1] == "@")


def key_is_fragment(key: str) -> bool:
    """True if a key (one that is not a plain identifier) looks like a part of a split value: as a string
    does (`is_fragment`), or ending in a digit after a space ("DE89 3704", "+49 151", "0151 234")."""
    return is_fragment(key) or (" " in key and key[-1].isdigit())


# Parts read with keys or one level down: a split's parts are short, and the prompts beside them
# (hundreds of characters) would make every reading a second scan of the record.
MAX_PART_CHARS = 64


# A container read with its siblings holds few members: a part of a split, not a node of a workflow
# whose one field starts with "+" (a phone number there is found as it is).
MAX_SIBLING_PARTS = 4
# How far below an object its parts are read, through containers of at most MAX_SIBLING_PARTS members:
# `{"a": {"x": "jane.doe"}, "b": {"y": {"q": "@example.com"}}}` is read from its root, two levels down,
# and `{"n1": {"inputs": {"meta": {"text": "jane.doe"}}}, "n2": ...}` three. A reading thus holds the
# root's members and at most 4 + 16 + 64 strings below each (of MAX_PART_CHARS); it is made only for an
# object with a part at a boundary below it, which few records have.
MAX_SPLIT_LEVELS = 3


def reach(members: int, *, own: bool, nested: int) -> int:
    """How many levels below its parent an object's parts of a split value sit, for the parent to read
    (0 when the object is not small or they sit deeper than `MAX_SPLIT_LEVELS`): 1 for its own (`own`),
    one more than its children's (`nested`)."""
    if members > MAX_SIBLING_PARTS:
        return 0
    below = nested + 1 if nested and nested < MAX_SPLIT_LEVELS else 0
    return max(1 if own else 0, below)


def _short(value: Any) -> bool:
    return type(value) is str and len(value) <= MAX_FRAGMENT_CHARS


def _part(value: Any) -> bool:
    return type(value) is str and len(value) <= MAX_PART_CHARS


_DIGIT_KEY_CHARS = frozenset("0123456789 -()")


def _key_part(key: Any) -> bool:
    """A key that can be a part of a split value: one with a dot, "@", "+" or a space ("jane.doe"), or
    digits ("151"). A word is a field's name ("instagram": "@acme.shop" is a handle, not
    "instagram@acme.shop")."""
    return _part(key) and (
        "." in key
        or "@" in key
        or "+" in key
        or " " in key
        or (key[:1].isdigit() and set(key) <= _DIGIT_KEY_CHARS)
    )


def _handles_apart(parts: list[str]) -> list[str]:
    """Two handles in a row ("@acme.shop", "@acme.store") are two values, not "acme.shop@acme.store": a
    comma goes between them."""
    out: list[str] = []
    for part in parts:
        if out and part.startswith("@") and out[-1].startswith("@"):
            out.append(", ")
        out.append(part)
    return out


def readings(obj: dict[Any, Any], own: bool, nested: int) -> Iterator[list[str]]:
    """The sequences of strings of `obj` to read joined, in document order. When one of its own strings
    or keys is a fragment (`own`): its string values; its keys
    that can be parts (`_key_part`) with the string values between them (a value split across a key and
    its value); when a key is a fragment, its keys alone; and when a key is a fragment or a container
    below holds one `nested` levels down (at most `MAX_SPLIT_LEVELS`, through small containers), the
    same down to that level. Values of up to `MAX_FRAGMENT_CHARS`, and in the readings with keys
    `MAX_PART_CHARS`; sequences of fewer than two parts are left out."""
    values, pairs, keys = [], [], []
    if own:
        values = [value for value in obj.values() if _short(value)]
        keys = [key for key in obj if _part(key)] if any(key_is_fragment(str(key)) for key in obj) else []
        if any(_key_part(key) for key in obj):  # else the values' reading holds all there is
            pairs = [p for key, value in obj.items() for p in ((key,) if _key_part(key) else ()) + (value,)]
            pairs = [part for part in pairs if _part(part)]
    found: list[list[str]] = []
    # Down to the deepest level always: the part beside a fragment may sit deeper than the fragment.
    down = _levels_down(obj, MAX_SPLIT_LEVELS) if nested or keys else []
    for parts in (values, pairs, keys, down):
        if len(parts) >= 2 and parts not in found:
            found.append(parts)
            yield _handles_apart(parts)


def _levels_down(obj: dict[Any, Any], levels: int) -> list[str]:
    """Keys that can be parts and strings, this object's and its child containers', `levels` deep
    ("jane.doe": {"@example.com": 1}, "a": ["jane.doe"], "b": ["@example.com"]; at two levels
    "b": {"y": {"q": "@example.com"}}); below the first level only through small containers."""
    parts: list[Any] = []
    for key, value in obj.items():
        parts.extend((key,) if _key_part(key) else ())
        parts.extend(_below(value, levels))
    return [part for part in parts if _part(part)]


def _below(value: Any, levels: int) -> list[Any]:
    """The parts `value` holds down to `levels` deep (its keys that can be parts, and its members)."""
    if isinstance(value, dict):
        members: list[Any] = []
        for key, member in value.items():
            members.extend((key,) if _key_part(key) else ())
            members.extend(_deeper(member, levels))
        return members
    if isinstance(value, list):
        return [part for member in value for part in _deeper(member, levels)]
    return [value]


def _deeper(member: Any, levels: int) -> list[Any]:
    small = isinstance(member, dict | list) and len(member) <= MAX_SIBLING_PARTS
    return _below(member, levels - 1) if levels > 1 and small else [member]


# An address kept as its parts, as mail and CRM systems store one: {"user": "maria.garcia", "domain":
# "gmail.com"}. Neither part holds an "@", so no reading above joins them.
# Not "host" ({"host": "api.example.com", "user": "svc"} is a connection) nor "account".
_LOCAL_PART_KEYS = ("user", "username", "local", "local_part", "localpart", "mailbox", "login")


def address_parts(obj: dict[Any, Any]) -> list[str] | None:
    """The parts of an e-mail address `obj` keeps under a local-part key and "domain", joined by "@"
    (`["maria.garcia", "@", "gmail.com"]`), or None: a domain is a dotted name, a local part a short
    string without "@" or spaces."""
    domain = obj.get("domain")
    if not isinstance(domain, str) or not _word_like(domain) or "." not in domain:
        return None
    for key in _LOCAL_PART_KEYS:
        local = obj.get(key)
        if isinstance(local, str) and local and _word_like(local):
            return [local, "@", domain]
    return None


def _word_like(text: str) -> bool:
    return len(text) <= MAX_FRAGMENT_CHARS and " " not in text and "@" not in text


# An address kept as its lines or its fields (addr23): ["Lipová 214/9", "280 02 Kolín", "Česko"],
# [{"name": "address_line_1", "value": "..."}, {"name": "city", "value": "..."}]. Joined without a
# separator (as the readings above are), its parts would run together ("Court4350 Toowoomba"): they are
# read with ", " between them, as an address is written on one line.
_LINE_SEPARATOR = ", "
MAX_ADDRESS_LINES = 6


# The names of an address's fields (data/keys.toml, in every language it knows, as location_keys reads
# them): a street's, [address] and [address_line] (one of these must be among them: a city and a country
# alone are no address), and the others', [postcode] and [address_part]; as written in lower case and as
# `context.key_info` reads a key.
def _fields(*sections: str) -> frozenset[str]:
    written = {word.lower() for section in sections for words in table(section).values() for word in words}
    return frozenset(written).union(*(table_keys(section) for section in sections))


_STREET_FIELDS = _fields("address", "address_line")
_OTHER_FIELDS = _fields("postcode", "address_part")


def address_in_list(value: list[Any] | tuple[Any, ...], pair_of: Any) -> list[str] | None:
    """The address an array keeps as its lines (`address_lines`) or as {name, value} fields
    (`address_fields`), its parts with ", " between them, or None."""
    return address_fields(value, pair_of) if type(value[0]) is dict else address_lines(value)


def address_lines(lines: list[Any] | tuple[Any, ...]) -> list[str] | None:
    """The strings of an array read as an address's lines, with ", " between them, or None: two to
    `MAX_ADDRESS_LINES` short strings of words, one of them with a digit (a house number, a postcode)."""
    if not 2 <= len(lines) <= MAX_ADDRESS_LINES:
        return None
    if not all(type(line) is str and 0 < len(line) <= MAX_PART_CHARS for line in lines):
        return None
    if not any(any(char.isdigit() for char in line) for line in lines):
        return None
    return _separated(lines)


def address_fields(fields: list[Any] | tuple[Any, ...], pair_of: Any) -> list[str] | None:
    """The values of an array of {name, value} fields (`pair_of`: `pairs.pair_of`) whose names say an
    address's street and another of its parts, with ", " between them, or None."""
    named = []
    for field in fields:
        pair = pair_of(field) if isinstance(field, dict) else None
        if pair is not None:
            named.append((pair[2], field[pair[1]]))
    return _address_values(named)


def address_members(obj: dict[Any, Any]) -> list[str] | None:
    """The values of an object whose keys say an address's street and another of its parts ({"street":
    ..., "postcode": ..., "city": ...}), with ", " between them, or None (`may_hold_address` first)."""
    return _address_values(list(obj.items()))


def may_hold_address(obj: dict[Any, Any]) -> bool:
    """True if one of `obj`'s keys, as written, is a street's field name (one set test, for every
    object)."""
    return not _STREET_FIELDS.isdisjoint(obj)


def _address_values(named: list[tuple[Any, Any]]) -> list[str] | None:
    values: list[str] = []
    street = False
    for raw_name, value in named:
        if type(raw_name) is not str or type(value) is not str or not value or len(value) > MAX_PART_CHARS:
            continue
        name = raw_name.strip().lower().replace(" ", "_").replace("-", "_")
        if name not in _STREET_FIELDS and name not in _OTHER_FIELDS:
            name = key_info(raw_name).norm  # "Straße", "addressLine1", "Código Postal"
        if name in _STREET_FIELDS:
            street = True
        elif name not in _OTHER_FIELDS:
            continue
        values.append(value)
    return _separated(values) if street and len(values) >= 2 else None


def _separated(parts: list[str] | tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if out:
            out.append(_LINE_SEPARATOR)
        out.append(part)
    return out
