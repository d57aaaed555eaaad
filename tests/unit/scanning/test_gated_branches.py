# ruff: noqa: RUF001 - Arabic, Georgian, Thai and Cyrillic text, on purpose
"""`GatedBranches` finds exactly what its alternation finds: every branch needs what its gate says (on the
benchmark corpora, every attacker round's strings and random texts made of the branches' own words), and
the leftmost match, branch and span included, is the one the alternation's `search` and `finditer` give."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from benchmarks.corpus_locales import generate_locale_corpus
from benchmarks.corpus_params import generate_corpus
from gate.scanning import normalise as normalise_module
from gate.scanning.branches import GatedBranches, _holds
from gate.scanning.detectors import crypto_wallet, location, location_world
from gate.scanning.normalise import normalise

GATED = (location_world._WORLD_ADDRESS,)

# The branches' words and shapes, near misses and other scripts, to be put together at random.
PIECES = (
    "شارع الملك فهد", "خیابان ولیعصر", "کوچه ", " مبنى ", " پلاک ", "١٢", "۱۲", "12", "ქუჩა", "რუსთაველის ",
    "გამზირი ", "№", "99/1 ", "ถนน", "ซอย", "ถ.", "แขวงลุมพินี ", "เขตปทุมวัน", "อําเภอเมือง", "ต.", "อ.",
    "Số 12 ", "đường Lê Lợi", "phố ", "Jl. Malioboro ", "Jalan Sudirman ", "Gg. ", "Lrg ", " No. 12", "No 5",
    "Blk 5 Lot 12", "Block 7, Lot 3", "вул. Хрещатик, ", "yл. Tверская ", "буд. 22", "д. 5", "пр. ",
    "C.P. 06700", "C. P. 01000", "SP, 01310-200", "RJ 20040-002", "Národní 15, ", "110 00 Praha",
    "Αθήνα 105 63", "Ερμού 15, ", "Flat 4B, 12 MG Road", "Apt. 3, 45 ", "Calle 45 # 23-18",
    "Cra. 43A #1 Sur-100",
    "Carrera 7 No. 71-21", "Avenida Boyacá N° 5-10", "Rr. Myslym Shyri, Nr. 45", "Rruga e Durrësit ", "Nr. 3",
    "Pallati 12, Ap. 5", "SKU-90504-BLK", "blk", "Lot", "-", ",", "#", " ", "\n", "Via Roma 1", "x", "İ",
)  # fmt: skip


def _texts() -> list[str]:
    strings: set[str] = set()

    def leaves(value: object) -> None:
        if isinstance(value, str):
            strings.add(value)
        elif isinstance(value, dict):
            for key, child in value.items():
                strings.add(str(key))
                leaves(child)
        elif isinstance(value, list):
            for child in value:
                leaves(child)

    for record in generate_locale_corpus(600):
        leaves(record.params)
    for record in generate_corpus(300):
        leaves(record.params)
    for path in Path(__file__).parent.glob("attacker_round_*.json"):
        leaves(json.loads(path.read_text(encoding="utf-8")))
    rng = random.Random(17)
    strings.update("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 8))) for _ in range(4000))
    return sorted(strings | {normalise(text) for text in strings})


TEXTS = _texts()


@pytest.mark.parametrize("gated", GATED, ids=lambda gated: gated.full[:20])
def test_each_branch_needs_what_its_gate_says(gated: GatedBranches) -> None:
    matched = 0
    for pattern, needs in gated._branches:
        for text in TEXTS:
            if pattern.search(text) is not None:
                matched += 1
                assert _holds(text, needs), (pattern.pattern[:40], text)
    assert matched > 100  # the texts reach the branches


@pytest.mark.parametrize("gated", GATED, ids=lambda gated: gated.full[:20])
def test_the_branches_find_what_the_alternation_finds(gated: GatedBranches) -> None:
    full = re.compile(gated.full)
    for text in TEXTS:
        expected, got = full.search(text), gated.search(text)
        assert (expected and expected.span()) == (got and got.span()), text
        assert [m.span() for m in full.finditer(text)] == [m.span() for m in gated.finditer(text)], text


def test_the_base58_candidate_starts_with_its_class_and_matches_as_its_plain_form() -> None:
    plain = re.compile(r"\b[13LMDT][1-9A-HJ-NP-Za-km-z]{25,34}\b")
    rng = random.Random(58)
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    pieces = [
        *alphabet,
        *"0OIl_- .:/é",
        "1BoUBoUBoUBoUBoUBoUBoUBoUBoUBo",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
    ]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(6000)]
    texts += [text for text in TEXTS if len(text) >= 26]
    matched = 0
    for text in texts:
        found = [m.span() for m in crypto_wallet._BASE58.finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)], text
        matched += bool(found)
    assert matched > 100


def test_a_street_suffix_holds_one_of_the_needles_the_rule_waits_for() -> None:
    for suffix in location._STREET_SUFFIXES:
        assert any(needle in suffix for needle in location._SUFFIX_NEEDLES), suffix
    street = re.compile(location._STREET.pattern)
    for text in TEXTS:
        match = street.search(text)
        if match is not None:
            assert any(needle in match.group() for needle in location._SUFFIX_NEEDLES), text


def test_the_spelled_at_hint_checks_first_characters_and_finds_what_its_trie_finds() -> None:
    hint = normalise_module._spelled_patterns()[2]
    plain = re.compile(
        hint.pattern.replace(hint.pattern[2 : hint.pattern.index(")") + 1], "", 1), re.IGNORECASE
    )
    assert plain.pattern.startswith(r"\s(?:@|")
    rng = random.Random(64)
    pieces = [" ", "\t", "\n", "at", "AT", "At", "ät", "ÄT", "arroba", "собака", "co6aкa", "παπάκι",
              "ΠΑΠΆΚΙ", "@", "a cong", "a còng", "et", "ET", "\u0130", "\u212a", "x", "jane", "example", ".",
              "dot"]  # fmt: skip
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(6000)] + TEXTS
    matched = 0
    for text in texts:
        found = hint.search(text)
        assert (found and found.span()) == ((m := plain.search(text)) and m.span()), text
        matched += found is not None
    assert matched > 100
