"""PERSON's gates (personfast19), each against the searches it stands before: a gate may only say "no"
where the searches it skips find nothing.

- `_PARTICLE_THEN_NAME`: a text without a particle and a capitalised word after it holds no match of the
  three particle rules (`CUED_PARTICLE_NAME`, `_FOR_PARTICLE_NAME`, `_PARTICLE_NAME`), in random texts of
  their pieces and in the corpora's strings.
"""

from __future__ import annotations

import random

from gate.scanning.detectors.person import _FOR_PARTICLE_NAME, _PARTICLE_NAME, _PARTICLE_THEN_NAME
from gate.scanning.detectors.person_patterns import CUED_PARTICLE_NAME
from gate.scanning.normalise import normalise
from tests.unit.scanning.found import corpus_texts

_PARTICLE_RULES = (CUED_PARTICLE_NAME, _FOR_PARTICLE_NAME, _PARTICLE_NAME)

# Words the particle rules turn on (cue and "for" words, particles and their look-alikes in capitals,
# names with the prefixes `NAME` reads, lower-case words) and what may stand between them.
_WORDS = [
    "gift for", "für", "pour", "voor", "FOR", "klant:", "Kunde:", "untuk Bapak", "para", "to", "de", "De",
    "da", "van", "von", "der", "la", "y", "e", "'t", "\u2019t", "al", "el", "bin", "dos", "Anna", "Maria",
    "Sanne", "Vries", "Graças", "Leyen", "McLeod", "O'Brien", "D'Amico", "Mac", "Klaus-Peter", "Hohenberg",
    "Łukasz", "Élodie", "Ωμέγα", "cerámica", "taza", "x", "ab", "é", "Ze", "Anna1", "deVries", "_Maria",
]  # fmt: skip
_BETWEEN = [" ", " ", " ", "  ", "\t", "\n", "\u00a0", "", ",", ", ", ".", "-", "_"]


def _searched(text: str) -> bool:
    return any(rule.search(text) is not None for rule in _PARTICLE_RULES)


def test_random_texts_without_the_gate_hold_no_particle_name() -> None:
    rng = random.Random(19)
    matched = 0
    for _ in range(8000):
        text = "".join(rng.choice(_WORDS) + rng.choice(_BETWEEN) for _ in range(rng.randint(0, 8)))
        if _searched(text):
            assert _PARTICLE_THEN_NAME.search(text) is not None, text
            matched += 1
    assert matched > 100  # not vacuous


def test_corpus_texts_without_the_gate_hold_no_particle_name() -> None:
    matched = 0
    for value in corpus_texts(60, seed=19):
        text = normalise(value)
        if _searched(text):
            assert _PARTICLE_THEN_NAME.search(text) is not None, text
            matched += 1
    assert matched > 0  # not vacuous
