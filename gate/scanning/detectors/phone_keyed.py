"""PHONE_NUMBER under a key that names a phone number, whatever `phonenumbers` says of it.

In text a number must be valid somewhere, or any run of digits would be someone's phone. Under
`{"customer": {"phone": ...}}` the key has said what the value is: a number no carrier has been given
(`555 0100`, Faker's and test data's numbers), a short national number (Luxembourg's six digits, a
New Zealand `446-1003`) or one typed with a wrong prefix is still a person's phone as the shop stored
it. So a value there counts when it is written as a phone number is, whole: digits (6 to 15) in groups
with the separators people type, an optional "+" or "00" and an extension. Keys that say phone but hold
something else (`phone_model`, `mobile_version`, `phone_case`) are not read so, nor is a run of one digit
(`0000000`) or a date.
"""

from __future__ import annotations

import re

from gate.scanning.context import PHONE, KeyInfo, key_fragments
from gate.scanning.detectors.keyed_rule import KeyedRule, date_shaped, written_value

_MIN_DIGITS, _MAX_DIGITS = 6, 15
# A phone number as people type one, the whole value: "+44 (0)20 7946 0958", "446-1003", "81 77 89",
# "(+57) 609 319 17 35".
_SHAPE = re.compile(
    r"(?:tel:|phone:)?[ \t]*(?:\+|00)?[ \t]*(?:\(\+?\d{1,4}\)[ \t]*)?\d[\d \t().\-/]{4,24}\d"
    r"(?:[ \t]*(?:ext\.?|x|#)[ \t]*\d{1,6})?",
    re.IGNORECASE,
)
# Words of keys that say phone and mean a device, an app or a layout, not a number.
_NOT_A_NUMBER = frozenset(
    (
        "model", "models", "case", "cases", "brand", "type", "app", "apps", "version", "banner", "format",
        "os", "screen", "size", "layout", "image", "width", "height", "view", "template", "theme", "menu",
        "category", "accessory", "accessories", "cover", "charger", "holder", "stand", "mount", "plan",
        "verified", "verification", "country", "prefix", "count", "id", "ids", "os_version", "make",
    )
)  # fmt: skip


# (numbers19) Phone words of keys that `context.PHONE` does not hold: the compounds of English in Asia and
# Africa ("cellphone", "handphone"), Chile's "fono", Spanish "celular", and the words of the
# scripts of South and South-East Asia, anywhere in a key ("मोबाइल_नंबर", "เบอร์โทรศัพท์").
_MORE_PHONE_WORDS = frozenset(
    ("cellphone", "cellphones", "cellular", "handphone", "handphones", "hp_no", "fono", "celular",
     "celphone", "mobileno", "mobile_no", "phoneno", "telno", "tel_no", "sdt", "so_dien_thoai",
     "dien_thoai", "nomor_hp", "no_hp", "nomor_telepon", "telepon", "telefon_bimbit", "bimbit")
)  # fmt: skip
_MORE_PHONE_FRAGMENTS = key_fragments(
    "मोबाइल", "फ़ोन", "फोन", "दूरभाष", "মোবাইল", "ফোন", "மொபைல்", "தொலைபேசி", "మొబైల్", "ఫోన్", "ಮೊಬೈಲ್",
    "મોબાઇલ", "ਮੋਬਾਈਲ", "മൊബൈൽ", "โทรศัพท์", "เบอร์โทร", "มือถือ", "ဖုန်း", "ទូរស័ព្ទ", "ໂທລະສັບ",
)  # fmt: skip


def says_phone(key: KeyInfo) -> bool:
    """Whether the key names a phone: `context.PHONE`, or a word or script of `_MORE_PHONE_WORDS`."""
    if key.flags & PHONE:
        return True
    norm = key.norm
    if norm in _MORE_PHONE_WORDS or norm.replace("_", "") in _MORE_PHONE_WORDS:
        return True
    if norm.isascii():
        return bool(set(norm.split("_")) & _MORE_PHONE_WORDS)
    return any(part in norm for part in _MORE_PHONE_FRAGMENTS)


class PhoneKeyRule(KeyedRule):
    """`KeyedRule` on every key that names a phone number (see the module docstring)."""

    __slots__ = ()

    def matches(self, key: KeyInfo) -> bool:
        """True if the key says phone (`says_phone`) and none of its words says a device or a layout."""
        return says_phone(key) and not set(key.norm.split("_")) & _NOT_A_NUMBER


def phone_shaped(value: object) -> bool:
    """`value` (a string, or an integer) is written as a whole phone number is."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return False
    written = written_value(value)
    if len(written) > 40 or _SHAPE.fullmatch(written) is None or date_shaped(written):
        return False
    digits = [ch for ch in written if ch.isdigit()]
    return _MIN_DIGITS <= len(digits) <= _MAX_DIGITS and len(set(digits)) > 1


# A key that names a way to reach someone without saying which ("contact", "Kontakt", "contacto"): what
# it holds is an address, a name or a number. A number there is read as a phone's when it is written as
# one: a "+" or "00", groups, or nine digits or more ("contact": 4711 is a record's id more often).
_CONTACT = frozenset(
    ("contact", "contacts", "kontakt", "kontakte", "kontaktdaten", "contacto", "contactos", "contatto",
     "contatti", "contato", "contatos", "kontakty", "kontaktas", "kontakti", "yhteystiedot", "iletisim",
     "elerhetoseg", "coordonnees", "reach", "callback")
)  # fmt: skip
# ... unless another word of the key says what the contact is, or that it is no number.
_CONTACT_OTHER = _NOT_A_NUMBER | frozenset(
    ("name", "names", "person", "email", "mail", "address", "form", "page", "us", "reason", "method",
     "preference", "preferences", "channel", "time", "date", "hours", "owner", "role", "title", "list")
)  # fmt: skip
_MIN_BARE_DIGITS = 9


class ContactKeyRule(KeyedRule):
    """`KeyedRule` on a key that names a contact of no stated kind (see `_CONTACT`)."""

    __slots__ = ()

    def matches(self, key: KeyInfo) -> bool:
        """True if a word of the key says contact and none says what kind, or no number."""
        words = set(key.norm.split("_"))
        return bool(words & _CONTACT) and not words & _CONTACT_OTHER


def contact_phone_shaped(value: object) -> bool:
    """`value` is a string written as a phone number is, with a "+"/"00", groups, or nine digits or more."""
    if not isinstance(value, str) or not phone_shaped(value):
        return False
    written = value.strip()
    return (
        written.startswith(("+", "00", "("))
        or any(ch in written for ch in " -./")
        or sum(ch.isdigit() for ch in written) >= _MIN_BARE_DIGITS
    )


KEYED_RULES: tuple[KeyedRule, ...] = (
    PhoneKeyRule("PHONE_NUMBER", "phone.key", frozenset(), phone_shaped),
    ContactKeyRule("PHONE_NUMBER", "phone.contact_key", frozenset(), contact_phone_shaped),
)
