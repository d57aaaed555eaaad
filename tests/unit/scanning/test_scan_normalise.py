"""The scanner reads text as meant: every class of disguise, its neighbours, and what must stay clean.

Each case names a value as it was typed and the entity that must be found in it; each fails on a scanner
without the entrance normalisation (gate/scanning/normalise.py) and passes with it.
"""

from __future__ import annotations

import unicodedata

import pytest

from gate.scanning import scan_parameters
from gate.scanning.normalise import confusable_table, normalise
from tests.unit.scanning.found import entities

EMAIL, PHONE, CARD, PERSON, IBAN = "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "PERSON", "IBAN_CODE"


# Full-width and other compatibility forms (NFKC).
FULL_WIDTH = [
    ("jane.doe\uff20example.com", EMAIL),  # full-width @
    ("jane.doe\ufe6bexample.com", EMAIL),  # small commercial at
    ("jane.doe@example\uff0ecom", EMAIL),  # full-width full stop
    (
        "\uff4a\uff41\uff4e\uff45\uff20\uff45\uff58\uff41\uff4d\uff50\uff4c\uff45\uff0e\uff43\uff4f\uff4d",
        EMAIL,
    ),
    ("call \uff0b\uff14\uff19 \uff11\uff15\uff11 \uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19", PHONE),
    (
        "\uff14\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11 \uff11\uff11\uff11\uff11",
        CARD,
    ),
    ("\U0001d423\U0001d41a\U0001d427\U0001d41e@example.com", EMAIL),  # mathematical bold letters
    ("jane@\u24d4xample.com", EMAIL),  # circled letter
    ("portrait of my wife \uff2d\uff41\uff52\uff49\uff41", PERSON),
]

# Invisible characters inside a value: format characters (Cf) and other default ignorables.
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff", "\u2060", "\u200e", "\u202e", "\u2066",
              "\u180e", "\u034f", "\ufe0f", "\U000e0041", "\u2063", "\u0332"]  # fmt: skip

# Space separators (Zs), line/paragraph separators and blank-looking symbols.
SPACES = ["\u00a0", "\u202f", "\u2009", "\u2007", "\u2002", "\u2003", "\u205f", "\u3000", "\u2028",
          "\u1680", "\u200a", "\u2029", "\u2800", "\u3164", "\uffa0"]  # fmt: skip

# Look-alike letters from other scripts (Unicode confusables).
CONFUSABLES = [
    ("j\u0430ne@ex\u0430mple.com", EMAIL),  # Cyrillic a
    ("jane@ex\u0430mple.c\u043em", EMAIL),  # Cyrillic a, o in the domain and TLD
    ("olga@ex\u03bfmple.com", EMAIL),  # Greek omicron
    ("jane@example.\u0441\u043e\u043c", EMAIL),  # Cyrillic "com"
    ("jane@ex\u0251mple.com", EMAIL),  # Latin alpha
    ("photo of \u039c\u0430ria Schmidt", PERSON),  # Greek capital Mu, Cyrillic a
    ("portrait of \u0408ohn Smith", PERSON),  # Cyrillic Je
    ("my wife \u13b7aria", PERSON),  # Cherokee letter that looks like M
]

# HTML character references and URL encoding.
ENTITIES_AND_ENCODING = [
    ("jane&#64;example.com", EMAIL),
    ("jane&#x40;example.com", EMAIL),
    ("jane&commat;example&period;com", EMAIL),
    ("jane&#64example.com", EMAIL),  # without the ";"
    ("jane&#xFF20;example.com", EMAIL),  # an entity spelling a full-width @
    ("jane%40example.com", EMAIL),
    ("jane%EF%BC%A0example.com", EMAIL),  # URL-encoded full-width @
    ("tel&colon; &#43;49 151 23456789", PHONE),
    ("4111&#46;1111&#46;1111&#46;1111", CARD),
    ("jane&amp;#64;example.com", EMAIL),  # encoded twice
    ("jane&amp;amp;commat;example.com", EMAIL),  # three times
    ("jane&#xFF20;example&#x2024;com", EMAIL),  # full-width @, one dot leader
]

# Email punctuation spelled out.
SPELLED = [
    "jane [at] example [dot] com",
    "jane(at)example(dot)com",
    "jane {at} example {dot} com",
    "jane <at> example <dot> com",
    "jane[at]example.com",
    "jane [AT] example [DOT] com",
    "jane at example dot com",
    "jane AT example DOT com",
    "jane at example.com",
    "jane @ example.com",
    "jane [@] example [.] com",
    "jane ( at ) example ( dot ) co ( dot ) uk",
    "write to jane dot doe at example dot com",
]

# Numbers grouped the way locales write them, and card numbers with any separator.
GROUPED = [
    ("+33\u00a06\u00a012\u00a034\u00a056\u00a078", PHONE),  # French, no-break spaces
    ("+33\u202f6\u202f12\u202f34\u202f56\u202f78", PHONE),  # narrow no-break spaces
    ("+49\u2009151\u20092345\u20096789", PHONE),  # thin spaces
    ("+44\u20117911\u2011123456", PHONE),  # non-breaking hyphens
    ("+1\u2013415\u2013555\u20130132", PHONE),  # en dashes
    ("+1\u2014415\u2014555\u20140132", PHONE),  # em dashes
    ("SSN 536\u201122\u20111234", "US_SSN"),  # non-breaking hyphens
    ("4111\u22121111\u22121111\u22121111", CARD),  # minus signs
    ("4111.1111.1111.1111", CARD),
    ("4111-1111 1111/1111", CARD),
    ("4111 - 1111 - 1111 - 1111", CARD),
    ("4111_1111_1111_1111", CARD),
    ("5555\u00a05555\u00a05555\u00a04444", CARD),
    ("3782.822463.10005", CARD),  # Amex grouping
    (
        "\u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661",
        CARD,
    ),
    (
        "\u096a\u0967\u0967\u0967-\u0967\u0967\u0967\u0967-\u0967\u0967\u0967\u0967-\u0967\u0967\u0967\u0967",
        CARD,
    ),
]

# What must stay clean after normalisation: ordinary prompts and their neighbours.
CLEAN = [
    "a cat at the beach",
    "sunset at 5 pm, shot at f/1.8",
    "logo [at] 2x",
    "black & white, 85mm",
    "Caf\u00e9 M\u00fcller at dusk",
    "100% cotton (organic), size M",
    "icon [at] 2x [dot] png",
    "model at v2 dot safetensors",
    "\u65e5\u672c\u8a9e\u306e\u30d7\u30ed\u30f3\u30d7\u30c8",
    "\u0418\u0432\u0430\u043d\u043e\u0432\u0430 \u0443\u043b\u0438\u0446\u0430",
    "version 1.2.3.4, seed 42",
    "&lt;lora:detail:0.8&gt;",
    "DPM++ 2M Karras",
    "192.168.100.200",
]


@pytest.mark.parametrize(("value", "entity"), FULL_WIDTH)
def test_full_width_and_compatibility_forms(value: str, entity: str) -> None:
    assert entity in entities(value)


@pytest.mark.parametrize("char", INVISIBLES, ids=lambda c: f"U+{ord(c[0]):04X}")
@pytest.mark.parametrize(
    ("value", "entity"),
    [("jane.doe@example.com", EMAIL), ("+49 151 23456789", PHONE), ("4111 1111 1111 1111", CARD),
     ("portrait of Jane Doe", PERSON), ("DE89 3704 0044 0532 0130 00", IBAN)],
)  # fmt: skip
def test_invisible_characters_inside_a_value(char: str, value: str, entity: str) -> None:
    hidden = char.join(value[i : i + 3] for i in range(0, len(value), 3))
    assert entities(value) >= {entity}
    assert entity in entities(hidden)


@pytest.mark.parametrize("space", SPACES, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize(
    ("value", "entity"),
    [("+33 6 12 34 56 78", PHONE), ("4111 1111 1111 1111", CARD), ("portrait of Jane Doe", PERSON),
     ("phone: 06 12 34 56 78 9", PHONE)],
)  # fmt: skip
def test_any_space_separator_reads_as_a_space(space: str, value: str, entity: str) -> None:
    if entity == PHONE and value.startswith("phone"):
        value = "tel +33 6 12 34 56 78"
    assert entity in entities(value.replace(" ", space))


@pytest.mark.parametrize(("value", "entity"), CONFUSABLES)
def test_look_alike_letters_of_other_scripts(value: str, entity: str) -> None:
    assert entity in entities(value)


@pytest.mark.parametrize(("value", "entity"), ENTITIES_AND_ENCODING)
def test_html_entities_and_url_encoding(value: str, entity: str) -> None:
    assert entity in entities(value)


@pytest.mark.parametrize("value", SPELLED)
def test_spelled_out_email_punctuation(value: str) -> None:
    assert EMAIL in entities(value)


@pytest.mark.parametrize(("value", "entity"), GROUPED)
def test_locale_grouping_and_card_separators(value: str, entity: str) -> None:
    assert entity in entities(value)


@pytest.mark.parametrize("value", CLEAN)
def test_ordinary_text_stays_clean(value: str) -> None:
    assert entities(value) == set()


@pytest.mark.parametrize(
    ("key", "value", "entity"),
    [
        ("\u0440hone", "06 12 34 56 78 90", PHONE),  # "phone" with a Cyrillic er: still a phone key
        ("\uff50\uff48\uff4f\uff4e\uff45", "06 12 34 56 78 90", PHONE),  # full-width key
        ("ph\u200bone", "06 12 34 56 78 90", PHONE),  # zero-width space in the key
    ],
)
def test_keys_are_read_as_meant(key: str, value: str, entity: str) -> None:
    assert entity in entities(value, key=key)


@pytest.mark.parametrize(
    "key",
    ["jane\uff20example.com", "j\u0430ne@example.com", "jane [at] example [dot] com", "jane&#64;example.com",
     "ja\u200bne@example.com"],
)  # fmt: skip
def test_a_key_holding_personal_data_is_found_and_never_spelled(key: str) -> None:
    findings = scan_parameters({"steps": 30, key: {"note": "x"}})
    assert [(f.entity, f.path) for f in findings] == [(EMAIL, "/*1")]


def test_pointers_name_the_original_keys() -> None:
    doc = {"caf\u00e9\u00a0notes": {"\uff4e\uff4f\uff54\uff45": "jane\uff20example.com"}}
    [finding] = scan_parameters(doc)
    assert finding.path == "/caf\u00e9\u00a0notes/\uff4e\uff4f\uff54\uff45"


def test_ascii_without_anything_to_undo_is_returned_as_is() -> None:
    for text in ["a photo of a cat", "sd_xl_base_1.0", "euler_a", "x" * 1000]:
        assert normalise(text) is text


def test_the_confusable_table_maps_only_non_ascii_characters_to_latin_ones() -> None:
    table = confusable_table()
    assert len(table) > 500  # Unicode's data, not a hand-made list
    assert all(code > 0x7F for code in table)
    assert all(value.isascii() and len(value) == 1 for value in table.values())
    assert table[ord("\u0430")] == "a" and table[ord("\u039f")] == "O" and table[ord("\u03bf")] == "o"
    assert not any(unicodedata.category(chr(code)) == "Nd" for code in table)


def test_normalised_text_is_stable() -> None:
    for value, _ in FULL_WIDTH + CONFUSABLES + ENTITIES_AND_ENCODING + GROUPED:
        once = normalise(value)
        assert normalise(once) == once or "&" in once or "%" in once


HOSTILE = [
    " " * 100_000 + "[",  # a long whitespace run before a bracket
    "\t" * 100_000 + "(",
    "\u3000" * 100_000 + "{",  # ideographic spaces, read as spaces
    " ( " * 30_000,
    ("a" * 64 + " at ") * 1_500,  # many address-shaped starts
    ("x at " + "a-" * 30 + ". ") * 1_000,
    "&#64;" * 20_000,
    ("a" + "\u200b") * 50_000,
    "\ufdfa" * 5_000,  # NFKC expands this one character to 18
]


@pytest.mark.timeout(30)
def test_hostile_text_is_normalised_in_linear_time() -> None:
    """Each of these took minutes with a quadratic pattern; the bound is the test's timeout."""
    for value in HOSTILE:
        assert isinstance(normalise(value), str)
    assert scan_parameters({"prompt": HOSTILE[0][-90_000:]}) == []
