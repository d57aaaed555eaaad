"""Neighbours of two classes text20 left open and text21 closed (found and clean): a date of birth written
before its birth word, as languages that put the verb last write it (`dob_before`), and an ethnic origin
the writer says of themselves (`special_category`, [ETHNIC_ORIGIN.said_by_writer])."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

_FOUND = [
    ("1978ko maiatzaren 9an jaio nintzen, eskerrik asko", "DATE_OF_BIRTH"),
    ("1985eko urriaren 3an jaioa naiz", "DATE_OF_BIRTH"),
    ("9 Nisan 1978'de doğdum, kupaya yazın", "DATE_OF_BIRTH"),  # noqa: RUF001
    ("14.03.1961 doğumluyum", "DATE_OF_BIRTH"),
    ("1978. május 9-én születtem Debrecenben", "DATE_OF_BIRTH"),
    ("1984년 3월 12일에 태어났어요", "DATE_OF_BIRTH"),
    ("ich bin am 9. März 1978 in Bremen geboren", "DATE_OF_BIRTH"),
    ("ik ben op 12 mei 1990 geboren", "DATE_OF_BIRTH"),
    ("9 मई 1978 को पैदा हुई थी", "DATE_OF_BIRTH"),
    ("jeg er samisk og ønsker koftemønster på koppen", "ETHNIC_ORIGIN"),
    ("I'm Māori, please add a koru", "ETHNIC_ORIGIN"),
    ("soy mapuche y quiero un diseño de mi pueblo", "ETHNIC_ORIGIN"),
    ("je suis kabyle, mettez un motif amazigh", "ETHNIC_ORIGIN"),
    ("as a Sámi, I would like the gákti colours", "ETHNIC_ORIGIN"),
    ("olen saamelainen", "ETHNIC_ORIGIN"),
    ("я татарка, напишите по-татарски", "ETHNIC_ORIGIN"),
]

_CLEAN = [
    "Mug 11 oz 2024 collection Jaioa design",
    "2 kupa, 2024 modeli doğdu serisi",
    "Poster 50x70 2024 – Geboren",  # noqa: RUF001
    "Edition 3 of 2024 geboren",
    "Seit 1978 in Bremen geboren: unsere Bäckerei",
    "Sámi pattern mug, 11 oz",
    "Māori carving print A3",
    "Hispanic Heritage Month poster",
    "Kurdish kilim cushion cover",
    "I am looking for an Aboriginal dot art print",
    "we are Latino Foods Ltd",
]


@pytest.mark.parametrize(("text", "entity"), _FOUND)
def test_said_by_the_writer_is_found(text: str, entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters({"note": text})}


@pytest.mark.parametrize("text", _CLEAN)
def test_product_copy_stays_clean(text: str) -> None:
    assert scan_parameters({"note": text}) == []
