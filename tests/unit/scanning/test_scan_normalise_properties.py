"""Properties of the scanner's entrance normalisation, for any input hypothesis can build.

- Inserting format characters (any of Unicode's Cf) anywhere in a value never changes what is found,
  but for the right-to-left override, whose shown reading is read as well: it never loses a finding.
- Writing the spaces of a value as any other space separator (Zs) never changes what is found.
- Whatever the document, every finding's pointer resolves in the ORIGINAL document (keys as sent, or
  `*N` for a key that itself holds personal data), however the keys were disguised.
"""

from __future__ import annotations

import sys
import unicodedata
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gate.scanning import scan_parameters
from gate.scanning.normalise import normalise

# Tag characters (U+E0020-E007E) are format characters too, but what they spell is read as text of
# its own ("ASCII smuggling", tested in test_unseen_variants.py): inserting them may add a finding.
# So may a right-to-left override: the text after it is shown reversed, and that shown order is read as a
# line of its own (test_shown_text.py). "c\u202eard 4111 1111 1111 1111" is shown as "c1111 1111 1111 1114
# dra": under a `phone` key the number a reader sees is a phone number, found beside the card.
RLO = "\u202e"
FORMAT_CHARS = [
    chr(c)
    for c in range(sys.maxunicode + 1)
    if unicodedata.category(chr(c)) == "Cf" and not 0xE0020 <= c <= 0xE007E and chr(c) != RLO
]
SPACE_SEPARATORS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Zs"]

# Values with and without personal data, in the forms the detectors read.
SAMPLES = [
    "jane.doe@example.com",
    "write to jane [at] example [dot] com",
    "call +49 151 23456789 today",
    "card 4111 1111 1111 1111",
    "portrait of my wife Maria",
    "photo of Jane Doe at the beach",
    "IBAN DE89 3704 0044 0532 0130 00",
    "a red dress on a mannequin, studio light",
    "sd_xl_base_1.0 euler_a 30 steps",
    "born 12 March 1985",
    "amzn1.account.AEXAMPLE0123",
    "jane&#64;example.com",
    "sunset at 5 pm",
]
KEYS = ["prompt", "negative_prompt", "phone", "note", "customer", "sampler", "comment"]

settings.register_profile("gate", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("gate")


def found(doc: Any) -> set[tuple[str, str]]:
    return {(f.entity, f.path) for f in scan_parameters(doc)}


@st.composite
def with_insertions(draw: st.DrawFn, chars: list[str]) -> tuple[str, str]:
    value = draw(st.sampled_from(SAMPLES))
    positions = draw(st.lists(st.integers(0, len(value)), min_size=1, max_size=6))
    out = value
    for position in sorted(positions, reverse=True):
        out = out[:position] + draw(st.sampled_from(chars)) + out[position:]
    return value, out


@given(st.sampled_from(KEYS), with_insertions(FORMAT_CHARS))
def test_format_characters_never_change_what_is_found(key: str, pair: tuple[str, str]) -> None:
    plain, disguised = pair
    assert found({key: disguised}) == found({key: plain})


@given(st.sampled_from(KEYS), with_insertions([RLO, RLO, "\u202c", "\u2069", "\u200b"]))
def test_a_right_to_left_override_never_hides_what_is_found(key: str, pair: tuple[str, str]) -> None:
    plain, disguised = pair
    assert found({key: disguised}) >= found({key: plain})


# Lone surrogates: JSON's "\\ud800" escape (refused at the JSON readers, but the scanner is also called on
# text decoded with "surrogateescape"). Before, one crashed the cue-word automaton: the scan ended in error.
LONE_SURROGATES = [chr(c) for c in (0xD800, 0xD83D, 0xDBFF, 0xDC00, 0xDC80, 0xDCFF, 0xDE00, 0xDFFF)]


@given(st.sampled_from(KEYS), with_insertions(LONE_SURROGATES))
def test_lone_surrogates_never_change_what_is_found(key: str, pair: tuple[str, str]) -> None:
    plain, disguised = pair
    assert found({key: disguised}) == found({key: plain})


@given(
    st.sampled_from(KEYS), st.sampled_from(SAMPLES), st.lists(st.sampled_from(SPACE_SEPARATORS), min_size=1)
)
def test_any_space_separator_finds_the_same(key: str, value: str, spaces: list[str]) -> None:
    parts = value.split(" ")
    disguised = parts[0] + "".join(spaces[i % len(spaces)] + part for i, part in enumerate(parts[1:]))
    assert found({key: disguised}) == found({key: value})


def resolve(doc: Any, pointer: str) -> Any:
    """RFC 6901, plus the scanner's `*N` token for the N-th member of an object."""
    node = doc
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(token)]
        elif token not in node and token.startswith("*") and token[1:].isdigit():
            node = list(node.values())[int(token[1:])]
        else:
            node = node[token]
    return node


def _zero_width(s: str) -> str:
    return "\u200b".join(s)


DISGUISES: list[Any] = [
    str,
    _zero_width,
    lambda s: s.replace("@", "\uff20"),
    lambda s: s.replace("a", "\u0430"),
    lambda s: s.replace(" ", "\u00a0"),
    lambda s: s.replace("@", "&#64;"),
]
text = st.builds(lambda s, d: d(s), st.sampled_from(SAMPLES + KEYS), st.sampled_from(DISGUISES))
json_values = st.recursive(
    st.one_of(text, st.integers(), st.booleans(), st.none()),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(text, children, max_size=3)),
    max_leaves=12,
)


@given(st.dictionaries(text, json_values, min_size=1, max_size=4))
def test_every_pointer_resolves_in_the_original_document(doc: dict[str, Any]) -> None:
    for finding in scan_parameters(doc):
        resolve(doc, finding.path)  # raises KeyError/IndexError when the pointer is not the document's


@given(st.text(max_size=40).filter(lambda v: "&" not in v))
def test_normalise_is_idempotent_without_entities(value: str) -> None:
    """Normalised text needs no second pass (entities are excepted: "&amp;#64;" decodes one layer)."""
    once = normalise(value)
    assert normalise(once) == once
