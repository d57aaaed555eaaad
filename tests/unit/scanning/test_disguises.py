# ruff: noqa: RUF001  (the cases are ambiguous characters on purpose)
"""The disguises the scanner missed until `gate/scanning/disguises.py` (issue 12, section 1), by class.

Each class: values that hide an entity (all were approved before), then neighbours that must stay
clean. A property test plants random addresses and phone numbers under random disguises in random clean
text; another feeds clean text made of the same characters and expects no finding.
"""

from __future__ import annotations

import hashlib
import uuid

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from stdnum import iban

from gate.scanning import scan_parameters
from gate.scanning.disguises import disguised_readings, top_level_domains
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import entities

EMAIL, PHONE, CARD, IBAN, PERSON = "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "PERSON"
ADDRESS, NUMBER = "jane.doe@example.com", "+4915123456789"


def spaced(text: str, gap: str = " ") -> str:
    return gap.join(text)


def hexed(text: str, sep: str = "", prefix: str = "", codec: str = "utf-8") -> str:
    return sep.join(f"{prefix}{byte:02x}" for byte in text.encode(codec))


# One character per space, ideographic space, Hangul filler, no-break space, tab, line break; a wider
# gap between words ("J o h n   S m i t h").
SPACED = [
    *((spaced(ADDRESS, gap), EMAIL) for gap in (" ", "\u3000", "\u3164", "\xa0", "\u2009", "\t", "\n", "  ")),
    *((spaced(NUMBER, gap), PHONE) for gap in (" ", "\u3000", "\u115f", "\u3164")),
    ("call me on " + spaced(NUMBER) + " after six", PHONE),
    ("tel: " + spaced("0151 2345 6789".replace(" ", "")), PHONE),
    ("write to " + spaced(ADDRESS) + " today", EMAIL),
    ("j a n e   a t   e x a m p l e   d o t   c o m", EMAIL),  # spaced, then spelled
    (spaced("4111111111111111"), CARD),
    (spaced("DE89370400440532013000"), IBAN),
    ("J o h n   S m i t h", PERSON),
]

# Hex of text: plain, "0x", bytes separated by spaces, colons, dashes or commas, UTF-16, in a sentence.
HEX = [
    (hexed(ADDRESS), EMAIL),
    (hexed(ADDRESS).upper(), EMAIL),
    ("0x" + hexed(ADDRESS), EMAIL),
    (hexed(ADDRESS, " "), EMAIL),
    (hexed(ADDRESS, ":"), EMAIL),
    (hexed(ADDRESS, "-"), EMAIL),
    (hexed(ADDRESS, ", ", "0x"), EMAIL),
    (hexed(ADDRESS, " ", "0x"), EMAIL),
    (hexed(ADDRESS, codec="utf-16-le"), EMAIL),
    (hexed(ADDRESS, codec="utf-16"), EMAIL),
    ("contact " + hexed(ADDRESS) + " for the shoot", EMAIL),
    (hexed(NUMBER), PHONE),
    ("call " + hexed(NUMBER, " "), PHONE),
    (hexed("jöhn.müller@bücher.de"), EMAIL),
]

# Escapes not covered before: CSS, Python's \U and \N{...}, C octal, quoted-printable.
ESCAPED = [
    ("jane.doe\\40 example.com", EMAIL),
    ("jane.doe\\000040example.com", EMAIL),
    ("jane.doe\\40\texample\\2e com", EMAIL),
    ("".join(f"\\{ord(c):x} " for c in ADDRESS), EMAIL),
    ("jane.doe\\U00000040example.com", EMAIL),
    ("jane.doe\\N{COMMERCIAL AT}example.com", EMAIL),
    ("jane.doe\\100example.com", EMAIL),
    ("jane.doe=40example.com", EMAIL),
    ("jane.doe=40example=2Ecom", EMAIL),
    ("".join(f"={b:02X}" for b in ADDRESS.encode()), EMAIL),
    ("call =2B49 151 23456789", PHONE),
    ("jane.doe&#64example.com", EMAIL),  # an HTML entity without ";" (already read; kept as a neighbour)
]

# "@" and "." written with delimiters, brackets of other scripts, "#", or a space beside them.
AT_FORMS = ("-at-", "_at_", "~at~", "*at*", "|at|", "=at=", ":at:", "'at'", '"at"', "`at`", "+at+", "--at--",
            "__at__", " -at- ", " _at_ ", "-AT-", "_At_", "-@-", "_@_", "«at»", "\u2039at\u203a", "⟨at⟩",
            "【at】", "〔at〕", "「at」", "『at』", "《at》", "〈at〉", "⦅at⦆", "(a)", "[a]", "«@»", "#",
            "@ ", " @", "（at）", "［a］")  # fmt: skip
ADDRESSES = [(f"jane.doe{at}example.com", EMAIL) for at in AT_FORMS] + [
    ("jane.doe@example .com", EMAIL),
    ("jane.doe@example. com", EMAIL),
    ("jane.doe@example . com", EMAIL),
    ("jane.doe@ example .co .uk", EMAIL),
    ("jane.doe-at-example-dot-com", EMAIL),
    ("jane.doe_at_example_dot_co_dot_uk", EMAIL),
    ("jane.doe@example-dot-com", EMAIL),
    ("jane.doe=40example-dot-com", EMAIL),  # an escape, then a spelled dot: two layers
    ("JANE.DOE-AT-EXAMPLE.COM", EMAIL),
    ("JANE.DOE AT EXAMPLE. COM", EMAIL),  # a spaced dot in capitals is still an address
    ("jane.doe @example.com", EMAIL),
    ("write to jane.doe-at-example.com or call", EMAIL),
    ("jane.doe-at-bücher.de", EMAIL),
    ("jane.doe_at_example.com", EMAIL),
]

# IBANs in lower or mixed case (the checksum keeps this as strict as for capitals).
CASES = [
    ("de89 3704 0044 0532 0130 00", IBAN), ("De89370400440532013000", IBAN),
    ("de89-3704-0044-0532-0130-00", IBAN), ("iban: gb29 nwbk 6016 1331 9268 19", IBAN),
    ("pay to nl91abna0417164300 today", IBAN), ("fr14 2004 1010 0505 0001 3m02 606", IBAN),
    ("no93 8601 1117 947", IBAN), ("Gb29Nwbk60161331926819", IBAN),
    ("mt84malt011000012345mtlcast001s", IBAN), (spaced("de89370400440532013000"), IBAN),
]  # fmt: skip

ALL = SPACED + HEX + ESCAPED + ADDRESSES + CASES


@pytest.mark.parametrize(("value", "entity"), ALL, ids=lambda v: ascii(v)[:48] if isinstance(v, str) else v)
def test_a_disguised_value_is_found(value: str, entity: str) -> None:
    assert entity in entities(value)


@pytest.mark.parametrize(("value", "entity"), ALL[:: len(ALL) // 12], ids=lambda v: ascii(v)[:40])
def test_the_finding_names_the_original_pointer_and_no_value(value: str, entity: str) -> None:
    findings = scan_parameters({"a": {"b": ["x", value]}})
    assert [(f.entity, f.path) for f in findings if f.entity == entity] == [(entity, "/a/b/1")]
    assert all("jane" not in f.detector and "4915" not in f.detector for f in findings)


CLEAN = [
    # one-character words that are not a value spelled out
    "sizes S M L XL", "12.5 x 8 in", "grade A B C D E F", "1 2 3 4 5 6 7 8 9 10", "a b c d e f g h",
    "x x x x x x", "3 x 2 = 6", "I am a b c", "A / B testing", "step 1 2 3 go", "1 2 3 4 5 6 7 8 9 0 1 2",
    "\u3000".join("ロゴ入りのバッグ"), "我 爱 你 们 的 包",
    # hex that is not text: hashes, UUIDs, colours, IPv6 addresses, keys (a MAC is a DEVICE_ID)
    hashlib.sha256(b"x").hexdigest(), hashlib.sha1(b"y").hexdigest(), hashlib.md5(b"z").hexdigest(),
    str(uuid.UUID(int=0x397A7623935548408670CFCCE1FD3D9)), "#A1B2C3", "0xFF00AA", "deadbeefcafebabe",
    "00:1A:2B:3C", "model hash 31e35c80fc", "4096 4096 2048",
    "0x00 0x01 0x02 0x03 0x04 0x05 0x06", "de ad be ef ca fe ba be",
    "sha256:" + hashlib.sha256(b"q").hexdigest(),
    "id 6dba1c50884adffa01738a06e8b26034", "seed 18446744073709551615 steps 30",
    # backslashes and "=" that are not escapes
    "C:\\tools\\dave\\bin\\model.ckpt", "\\d+\\.\\d+", "\\alpha + \\beta", "width=40px height=2E", "a=b&c=d",
    # "at", "#" and "@" that are not an address
    "look-at-me", "coffee_at_home", "look-at-me.png", "meet at 10.30", "look-at-me. Art deco style",
    "look at me. Art deco style", "shot at home. Photo by the studio",
    "#hashtag #sale", "item #12.5", "C#.NET", "follow us @acme.studio", "photo by @jane.doe", "@2x.png",
    "logo@2x.png", "model@v2.safetensors", "(a) red (b) blue", "option [a] or [b]", "stay at home .",
    "price: 40 . 00", "mail.at.example.com", "https://example.com/blog/at/home.html",
    "the cat sat-at-the.mat",
    # lower-case letters and digits shaped like an IBAN whose checksum fails
    "de89 3704 0044 0532 0130 01", "sku ab12 3456 7890 1234 5678", "sd15 1024 1024 0007 5000 30",
    "ab12cd34ef56ab78cd90ef12ab34cd56", "rev 2024 0312 1530 0000 12",
]  # fmt: skip


@pytest.mark.parametrize("value", CLEAN)
def test_neighbours_stay_clean(value: str) -> None:
    assert entities(value) == set()


def test_the_top_level_domains_come_from_the_public_suffix_list() -> None:
    tlds = top_level_domains()
    assert {"com", "de", "uk", "photo", "studio", "рф"} <= tlds
    assert not {"png", "jpg", "safetensors", "then", "home"} & tlds


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (spaced(ADDRESS), ADDRESS),
        ("J o h n   S m i t h", "John Smith"),
        ("j  a  n  e  .  d  o  e", "jane.doe"),
        ("a b   c   d   e   f   g", "ab cdefg"),  # read to the end: the second pass is the same
        ("12.5 x 8 in", "12.5 x 8 in"),
        ("a b c d", "a b c d"),
        ("(j a n e @ x . d e), thanks", "(jane@x.de), thanks"),
    ],
)
def test_normalise_joins_one_character_words(typed: str, read: str) -> None:
    assert normalise(typed) == read
    assert normalise(read) == read


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (hexed("jane@x.de"), ("jane@x.de", "hex")),
        ("jane.doe\\40 example.com", ("jane.doe@example.com", "escape")),
        ("jane.doe-at-example.com", ("jane.doe@example.com", "address")),
        ("jane.doe=40example-at-x.com", ("jane.doe@example-at-x.com", "escape")),
        ("jane.doe=40example-dot-com", ("jane.doe@example-dot-com", "escape")),  # read further as a variant
        ("look-at-me", None),
        (hashlib.sha256(b"x").hexdigest(), None),
        ("euler_a", None),
    ],
)
def test_readings_truth_table(text: str, reading: tuple[str, str] | None) -> None:
    readings = disguised_readings(text)
    assert (readings[0] if readings else None) == reading


# --- properties ------------------------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_TLDS = ("com", "de", "org", "net", "io", "fr", "co.uk")
_addresses = st.builds(
    lambda local, dot, domain, tld: f"{local}{dot}{local[::-1]}@{domain}.{tld}",
    st.text(_LETTERS, min_size=2, max_size=8),
    st.sampled_from(("", ".", "_")),
    st.text(_LETTERS, min_size=3, max_size=10),
    st.sampled_from(_TLDS),
)
# German mobile numbers: +49 15x and eight digits are valid (phonenumbers).
_eight_digits = st.from_regex(r"[0-9]{8}", fullmatch=True)
_phones = st.builds(lambda mid, rest: f"+49 15{mid} {rest}", st.sampled_from("1279"), _eight_digits)
_CLEAN_WORDS = ("red", "leather", "bag", "on", "a", "marble", "table", "soft", "light", "8k", "x", "b", "-",
                "_", "#1", "(a)", "ff00aa", "at", "home", "look-at-me", "v2.1", "=", "\\", "2e", "of", "i",
                "s", "m")  # fmt: skip
_clean_text = st.lists(st.sampled_from(_CLEAN_WORDS), max_size=12).map(" ".join)


def _disguise(kind: str, value: str, gap: str) -> str:
    if kind == "spaced":
        return (gap if gap != ":" else " ").join(value.replace(" ", ""))
    if kind == "hex":
        return hexed(value, gap if gap in (" ", ":") else "")
    if kind == "css":
        return value.replace("@", "\\40 ").replace("+", "\\2b ")
    if kind == "qp":
        return value.replace("@", "=40").replace("+", "=2B")
    if kind == "at":
        return value.replace("@", "-at-" if gap == " " else "_at_")
    return value.replace("@", "#") if "@" in value else value


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(_addresses.map(lambda a: (a, EMAIL)), _phones.map(lambda p: (p, PHONE))),
    st.sampled_from(("spaced", "hex", "css", "qp", "at", "hash")),
    st.sampled_from((" ", "\u3000", "\u3164", ":", "\t")),
    _clean_text,
    _clean_text,
)
def test_a_planted_value_is_found_under_any_disguise(
    planted: tuple[str, str], kind: str, gap: str, before: str, after: str
) -> None:
    value, entity = planted
    hidden = _disguise(kind, value, gap)
    # (Digits right after a phone number make it another number: the clean text is set apart.)
    text = f"{before} {'call ' if entity == PHONE else ''}{hidden}, {after}".strip()
    assert entity in entities(text), text


@settings(max_examples=500, deadline=None)
@given(_clean_text)
def test_clean_text_of_the_same_characters_yields_no_finding(text: str) -> None:
    assert entities(text) == set()


# Country, then a template of its BBAN: "9" a digit, "a" a letter.
# (Countries whose BBAN has a check of its own are kept only when it passes: `assume`.)
_BBANS = {"de": "999999999999999999", "gb": "aaaa99999999999999", "nl": "aaaa9999999999",
          "at": "9999999999999999", "ch": "99999999999999999", "ie": "aaaa99999999999999"}  # fmt: skip


def _filled(template: str, draw: st.DrawFn) -> str:
    return "".join(draw(st.sampled_from("0123456789" if c == "9" else _LETTERS)) for c in template)


@st.composite
def _ibans(draw: st.DrawFn) -> str:
    country = draw(st.sampled_from(sorted(_BBANS)))
    bban = _filled(_BBANS[country], draw).upper()
    number = country.upper() + iban.calc_check_digits(country.upper() + "00" + bban) + bban
    assume(iban.is_valid(number))
    cased = (
        "".join(c.lower() if draw(st.booleans()) else c for c in number)
        if draw(st.booleans())
        else number.lower()
    )
    grouped = " ".join(cased[i : i + 4] for i in range(0, len(cased), 4)) if draw(st.booleans()) else cased
    return grouped


@settings(max_examples=200, deadline=None)
@given(_ibans(), _clean_text)
def test_an_iban_in_any_case_is_found_and_a_wrong_digit_is_not(number: str, before: str) -> None:
    assert IBAN in entities(f"{before} {number}, thanks".strip())
    position = max(i for i, c in enumerate(number) if c.isdigit())
    wrong = number[:position] + str((int(number[position]) + 1) % 10) + number[position + 1 :]
    assert IBAN not in entities(wrong)


# A value split across an object's strings: read joined, in order, under the object's pointer.
SPLIT_OBJECTS = [
    ({"a": "jane.doe", "b": "@example.com"}, EMAIL),
    ({"user": "jane.doe@", "domain": "example.com"}, EMAIL),
    ({"local": "jane.doe", "at": "@", "domain": "example.com", "steps": 30}, EMAIL),
    ({"a": "jane.doe@example", "b": ".com"}, EMAIL),
    ({"prefix": "+49", "rest": "151 23456789"}, PHONE),
    ({"cc": "+49", "seed": 7, "n": "15123456789"}, PHONE),
]


@pytest.mark.parametrize(("obj", "entity"), SPLIT_OBJECTS, ids=str)
def test_a_value_split_across_an_objects_strings_is_found_under_the_object(
    obj: dict[str, object], entity: str
) -> None:
    findings = scan_parameters({"contact": obj})
    assert [(f.entity, f.path) for f in findings] == [(entity, "/contact")]
    assert findings[0].detector.endswith("+joined")


def test_a_member_that_holds_the_entity_is_not_reported_again_for_the_object() -> None:
    findings = scan_parameters({"c": {"a": "jane.doe@example.com", "b": "@home"}})
    assert [(f.entity, f.path) for f in findings] == [(EMAIL, "/c/a")]


@pytest.mark.parametrize(
    "obj",
    [
        {"handle": "@acme", "brand": "Acme"},
        {"handle": "@acme.studio", "name": "studio shot"},
        {"version": "1.0", "ext": ".png", "name": "logo"},
        {"model": "sd_xl_base_1.0", "suffix": ".safetensors"},
        {"prefix": "+", "value": "1.5", "unit": "ev"},
        {"offset": "+02:00", "date": "2026-12-05"},
        {"lora": "add_detail", "weight": "+0.6", "seed": "3482910023"},
        {"a": "look", "b": "@", "c": "me"},
    ],
    ids=str,
)
def test_objects_with_fragment_like_strings_stay_clean(obj: dict[str, object]) -> None:
    assert scan_parameters(obj) == []


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.binary(min_size=6, max_size=64).map(bytes.hex), st.uuids().map(str)),
    st.sampled_from(("", "0x")),
)
def test_hashes_keys_and_uuids_stay_clean(value: str, prefix: str) -> None:
    assert entities(prefix + value) == set()
    assert entities(f"model hash {prefix}{value} v2") == set()


@pytest.mark.parametrize(
    ("value", "found"),
    [
        # Hypothesis's UUID whose last groups are all digits, Luhn-valid with Diners' prefix 39.
        ("c3b8ba59-48b7-ff17-3961-384414739499", False),
        ("request C3B8BA59-48B7-FF17-3961-384414739499 done", False),
        # Decimal groups of a UUID's shape are no UUID (a random one holds a hex letter): the card is read.
        ("00000000-0000-0000-4539-578763621486", True),
        # A UUID beside a card leaves the card to be found.
        ("c3b8ba59-48b7-ff17-3961-384414739499 card 4539 5787 6362 1486", True),
    ],
)
def test_a_uuid_holds_no_card(value: str, found: bool) -> None:
    assert ("CREDIT_CARD" in entities(value)) is found
