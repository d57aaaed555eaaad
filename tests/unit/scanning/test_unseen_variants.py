# ruff: noqa: RUF001  (the cases are ambiguous characters on purpose)
"""Disguises of personal data nobody here had written a test for, by class (truth tables).

Each case is a value as someone might type it to slip past the scanner, and the entity that must be
found in it. Every class failed before the fix named in its comment and passes after; the clean cases
at the end are the neighbours that must stay clean.
"""

from __future__ import annotations

import base64

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gate.scanning import scan_parameters
from gate.scanning.detectors.email_role import role_mailbox
from gate.scanning.identifiers import identifier_findings
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import entities

EMAIL, PHONE, CARD, IBAN = "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE"


def digits_of(text: str, zero: int) -> str:
    return "".join(chr(zero + ord(c) - 48) if c.isdigit() else c for c in text)


def enclosed(text: str, one: int, zero: str | None = None) -> str:
    """Digits drawn as enclosed symbols: `one` is the code point of 1 ("❶" U+2776, "⑴" U+2474)."""
    return "".join((zero or "0") if c == "0" else chr(one + ord(c) - 49) if c.isdigit() else c for c in text)


# Enclosed digits NFKC leaves alone or wraps in punctuation (normalise: `_WRAPPED_DIGITS`, "No" digits).
ENCLOSED = [
    ("call " + enclosed("+49 151 23456789", 0x2776, "\u24ff"), PHONE),  # negative circled ❶
    (enclosed("4111 1111 1111 1111", 0x2776), CARD),
    ("call " + enclosed("+49 151 23456789", 0x2474, "0"), PHONE),  # parenthesized ⑴ -> (1)
    (enclosed("4111 1111 1111 1111", 0x2474), CARD),
    ("call " + enclosed("+49 151 23456789", 0x2488, "0"), PHONE),  # digit full stop ⒈ -> 1.
    (enclosed("4111 1111 1111 1111", 0x2780), CARD),  # dingbat circled sans-serif ➀
    (enclosed("4111 1111 1111 1111", 0x24F5), CARD),  # double circled ⓵
]

# Decimal digits of other scripts, in every entity that is made of digits.
SCRIPTS = {"arabic-indic": 0x660, "persian": 0x6F0, "devanagari": 0x966, "bengali": 0x9E6, "thai": 0xE50,
           "mongolian": 0x1810, "nko": 0x7C0, "full-width": 0xFF10, "math-double": 0x1D7D8,
           "adlam": 0x1E950}  # fmt: skip
DIGIT_SCRIPTS = [
    (digits_of(value, zero), entity)
    for zero in SCRIPTS.values()
    for value, entity in (
        ("+49 151 23456789", PHONE),
        ("4111 1111 1111 1111", CARD),
        ("DE89 3704 0044 0532 0130 00", IBAN),
        ("tel 06 12 34 56 78", PHONE),
    )
]

# Controls that are invisible when the text is shown (C0 beyond whitespace, DEL, C1), and text written
# in a wider encoding than it was read in (UTF-32 read as UTF-16 leaves a NUL after every letter).
CONTROLS = [
    ("\x00".join("jane.doe@example.com"), EMAIL),
    ("jane.doe@exam\x01ple.com", EMAIL),
    ("4111\x7f1111\x001111\x1b1111", CARD),
    ("\x00".join("+49 151 23456789"), PHONE),
    ("j\x85ane.doe@exa\x90mple.com \u00e9", EMAIL),  # C1 controls in non-ASCII text (U+0085 is a space)
]

# Unicode tag characters spelling ASCII invisibly ("ASCII smuggling"): read as a line of their own.
TAGS = "".join(chr(0xE0000 + ord(c)) for c in "jane.doe@example.com")
SMUGGLED = [
    ("a red sneaker" + TAGS, EMAIL),
    (TAGS, EMAIL),
    ("".join(chr(0xE0000 + ord(c)) for c in "+49 151 23456789") + " studio light", PHONE),
]

# "@" and "." spelled out in other languages (normalise: `_AT_WORDS`, `_DOT_WORDS`).
WORDS = [("arroba", "punto"), ("arobase", "point"), ("chez", "point"), ("klammeraffe", "punkt"),
         ("at", "punkt"), ("chiocciola", "punto"), ("apenstaartje", "punt"), ("małpa", "kropka"),
         ("snabel-a", "punkt"), ("kukac", "pont"), ("zavináč", "tečka"), ("собака", "точка"),
         ("παπάκι", "τελεία"), ("at", "period"), ("at sign", "dot"), ("arroba", "ponto"),
         ("ARROBA", "PUNTO")]  # fmt: skip
SPELLED = (
    [(f"jane.doe {at} example {dot} com", EMAIL) for at, dot in WORDS]
    + [(f"jane.doe [{at}] example [{dot}] com", EMAIL) for at, dot in WORDS]
    + [
        ("jane.doeアットexampleドットcom", EMAIL),
        ("jane.doe アットマーク example ドット co ドット jp", EMAIL),
        ("jane.doe(arroba)example(punto)es", EMAIL),
        ("jane.doe@example\u3002com", EMAIL),  # ideographic full stop: a label separator in IDNA
        ("jane.doe@example\uff61com", EMAIL),  # its half-width form
    ]
)

WIDE = ("utf-16-le", "utf-16-be", "utf-16", "utf-32")  # base64 of text in a wide encoding
# Encodings: percent-encoding many times over, JSON/JS/Python escapes written into the text.
ENCODED = [
    ("jane.doe%252540example.com", EMAIL),  # three times
    ("jane.doe%25252540example.com", EMAIL),  # four times
    ("".join(f"%25{ord(c):02X}" for c in "jane.doe@example.com"), EMAIL),
    ("jane.doe\\u0040example.com", EMAIL),
    ("jane.doe\\u0040example\\u002ecom", EMAIL),
    ("".join(f"\\u{ord(c):04x}" for c in "jane.doe@example.com"), EMAIL),
    ("jane.doe\\x40example.com", EMAIL),
    ("jane.doe\\u{40}example.com", EMAIL),
    ("+49\\u0020151\\u002023456789", PHONE),
    ("4111\\u00201111\\u00201111\\u00201111", CARD),
    ('{"contact": "jane\\u0040example.com"}', EMAIL),  # a JSON document inside a parameter
    ("jane.doe&#x40;example&#x2E;com", EMAIL),
    ("jane.doe&#0000064;example.com", EMAIL),
    *((base64.b64encode("jane.doe@example.com".encode(codec)).decode(), EMAIL) for codec in WIDE),
]

# Addresses in other scripts and with diacritics (RFC 6531): the email detector reads any letters.
INTERNATIONAL = [
    ("jane@bücher.de", EMAIL),
    ("иван@пример.рф", EMAIL),
    ("josé.garcía@correo.es", EMAIL),
    ("李雷@例子.中国", EMAIL),
    ("write to ja\u0301ne.do\u0301e@e\u0301xample.com", EMAIL),  # marks that compose with their letters
    ("".join(c + "\u0301" for c in "jane") + "@example.com", EMAIL),
    ("jane.doe@example.com.jpg", EMAIL),  # an address saved as a file name
    ("jane@web.de.png", EMAIL),
    ("jane.doe@example.com_", EMAIL),  # an underscore after the address, as before the Unicode classes
    ("write jane.doe@example.com_thanks", EMAIL),
]

# Phone numbers of other locales, with the words people there write before them.
LOCAL_PHONES = [
    "電話 090-1234-5678", "電話番号：０９０－１２３４－５６７８", "携帯 090ー1234ー5678",
    "电话 138 0013 8000",
    "手机：13800138000", "전화 010-1234-5678", "휴대폰 010 1234 5678", "телефон 8 912 345-67-89",
    "тел. +7 912 345 67 89", "tel 0151/23456789", "phone 090\u22121234\u22125678", "هاتف ٠٥٠١٢٣٤٥٦٧",
    "फ़ोन 98765 43210", "โทร 081 234 5678", "celular 55 1234 5678", "contato: (11) 91234-5678",
]  # fmt: skip

# Card and IBAN groups joined by separators people type.
SEPARATED = [
    ("4111:1111:1111:1111", CARD), ("4111|1111|1111|1111", CARD), ("4111~1111~1111~1111", CARD),
    ("4111\u00b71111\u00b71111\u00b71111", CARD), ("4111\u20221111\u20221111\u20221111", CARD),
    ("4111\u30fb1111\u30fb1111\u30fb1111", CARD), ("4111*1111*1111*1111", CARD),
    ("4111\u22121111\u22121111\u22121111", CARD),  # minus sign
    ("DE89-3704-0044-0532-0130-00", IBAN), ("DE89.3704.0044.0532.0130.00", IBAN),
    ("GB29-NWBK-6016-1331-9268-19", IBAN),
]  # fmt: skip

ALL = ENCLOSED + DIGIT_SCRIPTS + CONTROLS + SMUGGLED + SPELLED + ENCODED + INTERNATIONAL + SEPARATED


@pytest.mark.parametrize(("value", "entity"), ALL, ids=lambda v: ascii(v)[:40] if isinstance(v, str) else v)
def test_a_disguised_value_is_found(value: str, entity: str) -> None:
    assert entity in entities(value)


@pytest.mark.parametrize("value", LOCAL_PHONES)
def test_a_phone_number_of_another_locale_after_its_word_is_found(value: str) -> None:
    assert PHONE in entities(value)


# Values split across the elements of an array are read joined too, under the array's pointer.
SPLIT = [
    (["jane.doe", "@", "example.com"], EMAIL),
    (["jane.doe@", "example.com"], EMAIL),
    (["4111", "1111", "1111", "1111"], CARD),
    (["+49", "151", "2345", "6789"], PHONE),
    (["DE89", "3704", "0044", "0532", "0130", "00"], IBAN),
    (["j", "a", "n", "e", "@", "example", ".", "com"], EMAIL),
]


@pytest.mark.parametrize(("parts", "entity"), SPLIT)
def test_a_value_split_across_array_elements_is_found_under_the_array(parts: list[str], entity: str) -> None:
    findings = scan_parameters({"tags": parts})
    assert (entity, "/tags") in {(f.entity, f.path) for f in findings}


def test_an_element_that_holds_the_entity_is_not_reported_twice() -> None:
    findings = scan_parameters({"to": ["jane@example.com", "john@example.org"]})
    assert sorted(f.path for f in findings if f.entity == EMAIL) == ["/to/0", "/to/1"]


CLEAN = [
    "a cat at the beach, point of view from the dock",
    "dinner chez Paul, point final",
    "punto de vista, at dusk",
    "une photo prise chez moi au point du jour",
    "size 512,768,1024,2048 steps 30",
    "seed 1234 5678 9012 3456",  # a seed, as before
    "コーヒーを飲む猫、写真、ドット絵",
    "价格 100 元, 点 赞",
    "lora:detail_tweaker:0.8, <lora:add_more:1.2>",
    "\\u00e9clair on a plate",  # an escape that spells a letter
    "model@v2.safetensors",
    "icon@2x.png",
    "sprite@sheet.hd.png",
    "img@2x.v2.png",
    "watercolor, 4k, 8k, 85mm, f/1.8",
    "Ünïcödé façade, crème brûlée",
    "\u2776\u2777\u2778 three steps",
]


@pytest.mark.parametrize("value", CLEAN)
def test_neighbours_stay_clean(value: str) -> None:
    assert entities(value) == set()


def test_clean_tag_lists_stay_clean() -> None:
    assert scan_parameters({"tags": ["portrait", "studio", "soft light", "85mm"]}) == []
    assert scan_parameters({"size": ["1024", "1024"], "loras": ["add_detail", "epi_noise"]}) == []


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("\u2776\u2777\u2778", "123"),
        ("\u2474\u2475", "12"),
        ("\u2488", "1"),
        ("a\x00b", "ab"),
        ("a\u3002b", "a.b"),
        ("090\u30fc1234", "090-1234"),
        ("x" + "".join(chr(0xE0000 + ord(c)) for c in "hi"), "x\nhi"),
        ("jane arroba example punto com", "jane@example.com"),
    ],
)
def test_normalise_truth_table(typed: str, meant: str) -> None:
    assert normalise(typed) == meant


@pytest.mark.parametrize(
    ("identifier", "entity"),
    [
        ("\uff4a\uff41\uff4e\uff45\uff0e\uff44\uff4f\uff45", "PERSON"),  # full-width "jane.doe"
        ("jane%2Edoe", "PERSON"),  # URL-encoded separator
        ("JANE\uff05\uff12\uff25DOE", "PERSON"),  # the same in full width
        ("evt-1" + TAGS, EMAIL),  # tag characters
        ("".join(chr(0x2775 + int(c)) if c.isdigit() else c for c in "4111-1111-1111-1111"), CARD),
        ("j\u0430ne.d\u043ee", "PERSON"),  # Cyrillic look-alikes
    ],
)
def test_a_disguised_identifier_is_refused(identifier: str, entity: str) -> None:
    assert entity in {f.entity for f in identifier_findings(identifier, path="/event_id")}


@pytest.mark.parametrize(
    "identifier",
    ["evt-2026-0001", "shop.prod", "order-12345", "img_0042.jpg", "studio-berlin", "b2b-feed", "stability-ai",
     "evt-7f3a9c1e-2b4d-4e8f-9a1b-3c5d7e9f0a2b", "\uff45\uff56\uff54\uff0d\uff11"],
)  # fmt: skip
def test_usual_identifiers_stay_clean(identifier: str) -> None:
    assert identifier_findings(identifier, path="/event_id") == []


def _percent(text: str, layers: int) -> str:
    for _ in range(layers):
        text = "".join(f"%{b:02X}" for b in text.encode())
    return text


def disguised(how: str, local: str, domain: str, tld: str, words: tuple[str, str]) -> str:
    """The address local@domain.tld written in the disguise `how` (`words`: an "@" and a "." word)."""
    address = f"{local}@{domain}.{tld}"
    at, dot = words
    written = {
        "tags": "photo " + "".join(chr(0xE0000 + ord(c)) for c in address),
        "escapes": "".join(f"\\u{ord(c):04x}" for c in address),
        "percent-2": _percent(address, 2),
        "percent-3": f"{local}{_percent('@', 3)}{domain}.{tld}",
        "nul-wide": "\x00".join(address),
        "ideographic-stop": f"{local}@{domain}\u3002{tld}",
        "words": f"{local} {at} {domain} {dot} {tld}",
        "brackets": f"{local} ({at}) {domain} [{dot}] {tld}",
    }
    return written[how]


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=12)
_HOW = ["tags", "escapes", "percent-2", "percent-3", "nul-wide", "ideographic-stop", "words", "brackets"]


@settings(max_examples=300, deadline=None)
@given(
    local=_WORD,
    domain=_WORD,
    tld=st.sampled_from(["com", "de", "fr", "org", "net", "es", "it", "co.uk"]),
    how=st.sampled_from(_HOW),
    words=st.sampled_from(WORDS),
)
def test_any_address_in_any_disguise_is_found(
    local: str, domain: str, tld: str, how: str, words: tuple[str, str]
) -> None:
    # A shop's role mailbox ("service@aaa.com") is no one's address, disguised or not (`email_role`).
    assume(not role_mailbox(local, f"{domain}.{tld}"))
    assert EMAIL in entities(disguised(how, local, domain, tld, words))


# The characters the new rules touch, with their neighbours: controls, tag characters, enclosed and
# wrapped digits, full-width forms, combining marks, dashes, full stops, spaces, entities and brackets.
_TOUCHED = st.sampled_from(
    [chr(c) for c in range(0x20)]
    + [
        "\x7f",
        "\x85",
        "\x90",
        "\u00aa",
        "\u00b7",
        "\u0301",
        "\u20dd",
        "\u2212",
        "\u2043",
        "\u30fc",
        "\u3002",
        "\uff61",
        "\uff0e",
        "\uff20",
        "\u2474",
        "\u2488",
        "\u2776",
        "\u24f5",
        "\u3164",
        "\u3000",
        "\u200b",
        "\ufe0f",
        "\U000e0041",
        "\U000e0040",
        "\U000e007f",
        "\U000e0001",
        "\u0430",
        "\u0441",
        "\u00e9",
        "a",
        "t",
        "@",
        ".",
        " ",
        "&",
        "#",
        ";",
        "[",
        "(",
        "%",
        "\\",
        "u",
        "0",
        "4",
        "9",
        "x",
        "\u30a2\u30c3\u30c8",
        "\u0434\u043e\u0442",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_TOUCHED, max_size=24).map("".join))
def test_normalise_is_idempotent_on_the_characters_the_new_rules_touch(text: str) -> None:
    once = normalise(text)
    if "&" not in text:  # entities decode a layer at a time, as before
        assert normalise(once) == once


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


# Hostile budgets: decoy tokens before the one that matters, layers beyond two, text longer than one
# decoding window (the scan limits allow 100,000 characters a string).
_PAD = "red dress, studio light. " * 2700
BUDGETS = [
    " ".join(_b64(f"hello world number {i}!!") for i in range(12)) + " " + _b64("jane.doe@example.com"),
    _b64(_b64(_b64("jane.doe@example.com"))),
    _PAD + " " + _b64("jane.doe@example.com"),
    _PAD + " jane.doe%40example.com",
    _PAD + " jane.doe\\u0040example.com",
    _PAD[:40_000] + _b64("jane.doe@example.com") + _PAD[:40_000],
]


@pytest.mark.parametrize(
    "value", BUDGETS, ids=["decoys", "three-layers", "long-b64", "long-url", "long-escape", "mid"]
)
def test_hidden_text_is_read_whatever_comes_before_it(value: str) -> None:
    assert EMAIL in entities(value)


@pytest.mark.parametrize(
    "value",
    ["điện thoại 091 234 5678", "SĐT 0912 345 678", "telepon 0812 3456 7890", "טלפון 050-123-4567",
     "تلفن ۰۹۱۲ ۳۴۵ ۶۷۸۹", "fone (11) 91234-5678", "whatsapp 11 91234-5678"],
)  # fmt: skip
def test_more_phone_cues_of_other_locales(value: str) -> None:
    assert PHONE in entities(value)
