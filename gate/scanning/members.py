"""What an object member's key decides for the walk, computed once per distinct key.

A key gives its value (and, for positive context, everything below it) a context: "phone" makes digits
a phone number, "seed" makes them no one's. It names the keyed rules that read the value as a whole
(`KeyedRule`), whether the key is spelled in a pointer, and whether the key is itself personal data (an
identifier written as a name, `key_names`). The walk reads this for every member of every object, so
each key's answer is kept in a bounded per-process table.

The key-name reading runs the text scanner on the key's words; the walk passes that reading in
(`Names`), so this module needs nothing from the walk.
"""

from __future__ import annotations

from collections.abc import Callable

from gate.pointers import escape_token
from gate.scanning import key_names, pairs
from gate.scanning.context import POSITIVE_MASK, key_info
from gate.scanning.detectors import KEYED_RULES, KeyedRule
from gate.scanning.normalise import normalise

Rules = tuple[KeyedRule, ...]
# What an identifier-shaped key's words name: (entity, detector) pairs.
Named = tuple[tuple[str, str], ...]
# What a member's key decides: (key needs no scanning, pointer token, context its children inherit, the
# key's own negative context, rules for an ordinary parent, rules when the parent is a person, what an
# identifier-shaped key names (`key_names`), whether the key is never spelled in a pointer).
Member = tuple[bool, str, int, int, Rules, Rules, Named, bool]
# Reads a key's words ("Anna Kowalska") for what they name: the walk's text scan.
Names = Callable[[str], Named]

_CACHED_KEY_CHARS = 64


def _build(key: str, names: Names) -> Member:
    # The key's meaning is read from its normalised form ("phone" spelled with a Cyrillic U+0440 is a
    # phone key); its pointer token is always the original key, and a key that is not a plain
    # identifier is scanned itself.
    meant = normalise(key)
    info = key_info(meant)
    flags = info.flags
    rules = tuple(rule for rule in KEYED_RULES if rule.matches(info))
    if meant != key:
        # Greek or Cyrillic keys lose their words when look-alike letters are mapped to Latin ones
        # ("ημερομηνία_γέννησης"): what the key says as written counts too, positive context only, so a
        # disguise can add meaning but never take any away.
        written = key_info(key)
        flags |= written.flags & POSITIVE_MASK
        rules += tuple(rule for rule in KEYED_RULES if rule.matches(written) and rule not in rules)
    plain = info.plain and meant == key
    named: Named = ()
    if plain and (words := key_names.reading(key)):
        named = names(words)
    return (
        plain,
        escape_token(key),
        # Positive context is inherited; negative context ("seed", "version") is the key's own.
        flags & POSITIVE_MASK,
        flags & ~POSITIVE_MASK,
        tuple(r for r in rules if not r.owner_only),
        rules,
        named,
        not plain and key_names.name_shaped(meant),
    )


# Per-process table, read for every member: a plain dict, because a dict lookup costs a third of an
# lru_cache call (the walk reads it directly: `table`). Bounded: a full table is emptied and fills again
# with what is in use, so hostile keys can neither grow memory nor crowd out the usual entries for good
# (the plans' table: `plans`). Threads may race on the table: each entry is a pure function of its key,
# so a race costs time only.
_MAX_MEMBERS = 8192
table: dict[str, Member] = {}


def member(key: str, names: Names) -> Member:
    """What `key` decides (see the module docstring), from the table or computed and kept there;
    `names` reads an identifier-shaped key's words (asked only when the key is not in the table)."""
    found = table.get(key)
    if found is None:
        found = _build(key, names)
        # Only short keys are stored, so hostile long keys cannot fill memory.
        if len(key) <= _CACHED_KEY_CHARS:
            if len(table) >= _MAX_MEMBERS:
                table.clear()
            table[key] = found
    return found


def paired(pair: tuple[str, str, str], key: str, read: Member, names: Names) -> Member:
    """A name/value pair's member as read (`pairs`): its value's gains the context and rules of the name
    it carries; its name's, written as a field's name, loses those of the key it sits under."""
    label_key, value_key, label = pair
    plain, token, positive, own, rules, owner_rules, named, hide = read
    if key == value_key:
        _, _, label_positive, label_own, label_rules, label_owner_rules, _, _ = member(label, names)
        rules += tuple(rule for rule in label_rules if rule not in rules)
        owner_rules += tuple(rule for rule in label_owner_rules if rule not in owner_rules)
        return plain, token, positive | label_positive, own | label_own, rules, owner_rules, named, hide
    if key == label_key and pairs.names_a_field(label):
        return plain, token, 0, 0, (), (), named, hide
    return read
