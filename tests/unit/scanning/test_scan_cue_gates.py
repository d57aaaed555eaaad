"""The walk's cue gates (`plans.cue_gate`): a pattern detector every rule of which waits for a cue word is
not called on a text holding none of its words, and that changes no finding. Checked detector by detector
(where the gate closes, `detect` answers None) on both labelled corpora, the locale cue cases and
hypothesis text built from the cue words themselves, and scan by scan against the walk with every gate
open (the slow path: each detector called, as before the gates)."""

from __future__ import annotations

import functools
import operator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gate.scanning.detectors  # noqa: F401 - registers every detector's lists
from benchmarks.corpus_locales import generate_locale_corpus
from benchmarks.corpus_params import generate_corpus
from gate.scanning import cue_words, plans, scan_parameters, seen
from gate.scanning.context import key_info
from gate.scanning.detectors import TEXT_DETECTORS, Text, card, card_words
from gate.scanning.detectors.base import HAS_NON_ASCII, AnyWord, PatternDetector
from gate.scanning.lexicon import CuedPattern
from gate.scanning.normalise import normalise
from gate.scanning.script_facts import HAS_ARABIC, HAS_UNSPACED
from tests.unit.scanning.found import corpus_texts
from tests.unit.scanning.test_scan_locale_cues import CLEAN, FOUND

_RECORDS = [r.params for r in generate_corpus(400, seed=5)] + [
    r.params for r in generate_locale_corpus(400, seed=5)
]
_TEXTS = corpus_texts(400, seed=5)
# Key contexts a prompt is read under: none, and a few keys that add context (positive and negative).
_CONTEXTS = [0] + [key_info(key).flags for key in ("religion", "health_notes", "customer", "seed", "address")]
_GATED = [detector for detector in TEXT_DETECTORS if plans.cue_gate(detector)]
_WORDS = sorted({word for words in cue_words.registered() for word in words})


def _check(value: str) -> int:
    """Assert that every gate that closes on `value` (normalised, under each context) closes on a detector
    that finds nothing there; return how many closed."""
    closed = 0
    meant = normalise(value)
    for flags in _CONTEXTS:
        chances = plans.chances(meant, flags)
        if chances is None:
            continue
        text, detectors, gates = chances
        assert len(gates) == len(detectors)
        for detector, mask in zip(detectors, gates, strict=True):
            assert mask == plans.cue_gate(detector, text.facts)
            if mask and not text.cue_bits() & mask:
                closed += 1
                assert detector.detect(Text(meant, flags)) is None, (detector.entity, flags)
    return closed


def test_gates_are_on_detectors_whose_every_rule_waits_for_a_cue_word() -> None:
    entities = {detector.entity for detector in _GATED}
    # The special categories are read only after their cue words; an address, an e-mail or a card in
    # digits is not (a card spelled in words is: after a card word, `card_words`).
    assert {"RELIGIOUS_BELIEF", "POLITICAL_OPINION", "TRADE_UNION_MEMBERSHIP"} <= entities
    assert not {"EMAIL_ADDRESS", "PERSON"} & entities
    assert card.DETECTOR not in _GATED and card_words.DETECTOR in _GATED
    for detector in TEXT_DETECTORS:
        mask = plans.cue_gate(detector)
        if isinstance(detector, PatternDetector) and detector.rules:
            # A rule's bit: its AnyWord prefilter's, else its cued pattern's for text beyond ASCII.
            bits = [
                rule.when.bit
                if isinstance(rule.when, AnyWord)
                else rule.pattern.cue_bit(False)
                if isinstance(rule.pattern, CuedPattern)
                else 0
                for rule in detector.rules
            ]
            assert bool(mask) == all(bits), detector.entity
            if mask:
                assert mask == functools.reduce(operator.or_, bits), detector.entity
        else:
            assert mask == 0, detector.entity


def test_ascii_text_gates_health_and_behaviour_too() -> None:
    """(scanfast19) In ASCII text the cued patterns wait for their words as well, and health's rules for
    Arabic and CJK text are not in the plan: both detectors are gated there, not called on every prompt."""
    prompt = normalise("A beautiful portrait of a woman in a garden, soft light, golden hour")
    chances = plans.chances(prompt, 0)
    assert chances is not None
    text, detectors, gates = chances
    gated = {detector.entity for detector, mask in zip(detectors, gates, strict=True) if mask}
    assert {"HEALTH_DATA", "BEHAVIORAL_DATA"} <= gated
    assert not text.facts & HAS_NON_ASCII


@pytest.mark.parametrize(
    "prompt",
    [
        "Ein schönes Porträt einer Frau im Garten, weiches Licht, für Łukasz Wiśniewski",
        "Ảnh chân dung phụ nữ trong vườn, ánh sáng dịu",
        "Портрет женщины в саду, мягкий свет",
        "תמונה של אישה בגן, אור רך",
    ],
)
def test_latin_greek_cyrillic_hebrew_text_gates_health_and_behaviour(prompt: str) -> None:
    """(scanfast23) Beyond ASCII, only text with a character of a script written without spaces (or a
    capital I with a dot) keeps the cued patterns' gates open, and only Arabic or such text health's
    script rules: an accent no longer does."""
    chances = plans.chances(normalise(prompt), 0)
    assert chances is not None
    text, detectors, gates = chances
    gated = {detector.entity for detector, mask in zip(detectors, gates, strict=True) if mask}
    assert {"HEALTH_DATA", "BEHAVIORAL_DATA"} <= gated
    assert text.facts & HAS_NON_ASCII and not text.facts & (HAS_UNSPACED | HAS_ARABIC)
    assert _check(prompt) >= len({"HEALTH_DATA", "BEHAVIORAL_DATA"})


@pytest.mark.parametrize(
    ("prompt", "facts"),
    [
        ("İstanbul manzarası", HAS_UNSPACED),  # noqa: RUF001 - Turkish
        ("日本の庭園の写真", HAS_UNSPACED),
        ("สวนสวย", HAS_UNSPACED),
        ("ເບົາຫວານ", HAS_UNSPACED),
        ("정원 사진", HAS_UNSPACED),
        ("صورة امرأة في الحديقة", HAS_ARABIC),
        ("ｶﾀｶﾅ half-width", HAS_UNSPACED),
    ],
)
def test_script_facts(prompt: str, facts: int) -> None:
    assert plans.facts_and_view(normalise(prompt))[0] & facts == facts


def test_a_closed_gate_never_hides_a_finding_on_the_corpora() -> None:
    closed = sum(_check(value) for value in _TEXTS + [text for _, text in FOUND] + list(CLEAN))
    assert closed > 1000  # not vacuous: most prompts close the special categories' gates


_PIECE = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.title),
    st.sampled_from([" ", "  ", "\t", "x", "İ", "\u0131", "1985", "-", ",", "Maria ", "is a ", "member of "]),
    st.sampled_from(["é", "ł", "ß", "ő", "ж", "\u03b1", "ש", "ع", "日", "ｶ", "ก", "ລ", "မ", "ក", "가"]),
    st.text(max_size=6),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECE, min_size=1, max_size=10).map("".join))
def test_a_closed_gate_never_hides_a_finding_on_generated_text(value: str) -> None:
    _check(value)


def _scan_all(records: list[Any]) -> list[list[tuple[str, str, str]]]:
    with seen.without_clean_table():
        return [[(f.entity, f.path, f.detector) for f in scan_parameters(record)] for record in records]


def test_findings_are_the_same_with_every_gate_open(monkeypatch: pytest.MonkeyPatch) -> None:
    cases = _RECORDS + [{"prompt": text} for _, text in FOUND] + [{"prompt": text} for text in CLEAN]
    gated = _scan_all(cases)
    monkeypatch.setattr(plans, "cue_gate", lambda detector, facts=0: 0)
    monkeypatch.setattr(plans, "_plans", {})
    assert _scan_all(cases) == gated
    assert all(mask == 0 for _, gates, _ in plans._plans.values() for mask in gates)  # the slow path ran
    assert sum(1 for found in gated if found) > 300
