"""Health said of a person beyond illnesses (detectors/health.py, data/health.toml): disabilities
(deafness, blindness, paralysis, a wheelchair), addiction, genetic conditions, in English, German, French,
Spanish, Italian and Portuguese; and the kin and acquaintances they are said of (an uncle, a fiancée, a
boss, Italian `marito`, Turkish `oğlum`). Written by the lead before the words were added (2026-12-06):
every one of FOUND was approved before. The clean half: the same words of products and public
("roller blind", "blind spot mirror", "deaf-friendly", "Down jacket", a wheelchair ramp for a shop).
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

FOUND = [
    "my daughter is deaf, add sign language hands",
    "my dad is blind, large print please",
    "my wife is in a wheelchair, show her dancing",
    "my husband is an alcoholic in recovery, no wine on the card",
    "mein Mann ist alkoholkrank, kein Sekt",
    "meine Tochter hat Trisomie 21",
    "mon fils est trisomique",
    "mon oncle est aveugle depuis 2019",
    "mi abuelo es ciego",
    "mio marito è paraplegico",
    "o meu filho é cego",
    "my uncle is paralysed after the accident",
    "my fiancée is hard of hearing",
    "my boss is visually impaired, high contrast",
    "mein Neffe ist gehörlos",
    "oğlum şeker hastası",  # noqa: RUF001 - Turkish dotless i
]


@pytest.mark.parametrize("text", FOUND)
def test_a_disability_or_condition_said_of_a_person_is_found(text: str) -> None:
    assert "HEALTH_DATA" in {f.entity for f in scan_parameters({"prompt": "mug", "note": text})}


CLEAN = [
    "roller blind for my mum's kitchen, 90 cm",
    "blind spot mirror set for my dad's car",
    "deaf-friendly doorbell with flashing light",
    "Down jacket for my son, size 140",
    "wheelchair ramp sign for our shop entrance",
    "Blind Guardian band poster for my brother",
    "Three Blind Mice nursery print",
    "store aveugle? non: store occultant pour ma mère",
    "persiana ciega para la ventana",
    "my uncle loves Deaf Havana's new album",
]


@pytest.mark.parametrize("text", CLEAN)
def test_the_same_words_of_products_stay_clean(text: str) -> None:
    assert "HEALTH_DATA" not in {f.entity for f in scan_parameters({"prompt": "mug", "note": text})}
