"""Gift copy names the relative, not the person: "Regalo per mia madre", "cadeau pour mon fils", "present
till min dotter". The possessive is a given name in several languages (Mia, Mio, Mon, Min), so a strong
"for" cue followed by it and a kinship noun read as a lower-case full name; kinship nouns are no surname
(data/not_surnames.txt). A name after the relative, or a surname after the possessive-shaped given name,
is still found. Written by the lead from shop listings (2026-12-06)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _persons(text: str) -> list[str]:
    return [f.detector for f in scan_parameters({"description": text}) if f.entity == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Regalo per mia madre: cuffie antirumore, nero",
        "Regalo per mio figlio: zaino scuola",
        "Regalo per mia nonna, cornice in legno",
        "REGALO PER MIA MADRE - tazza",
        "Regalo per Mia Madre, tazza personalizzabile",
        "cadeau pour mon fils : casque audio",
        "cadeau pour ma fille, veilleuse licorne",
        "cadeau pour mon chéri, mug",
        "present till min dotter, halsband",
        "gave til min søn, kasket",
        "regalo para mi abuela, manta",
    ],
)
def test_a_relative_after_a_possessive_is_no_one_named(text: str) -> None:
    assert _persons(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "gift for mia rossi, engraved",
        "Regalo per Mia Moretti, tazza",
        "regalo per mio figlio Luca Bianchi",
        "cadeau pour mon fils Louis Martin",
        "present till min dotter Elsa Lindqvist",
    ],
)
def test_a_name_beside_them_is_still_found(text: str) -> None:
    assert _persons(text) != []
