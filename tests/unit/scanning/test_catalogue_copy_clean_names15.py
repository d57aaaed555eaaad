"""The clean neighbours of the names15 round (attacker_round_names15.json "clean"), written before reading
the detectors: catalogue copy whose words look like names, none of which names a living customer, so none
may be flagged (a false flag quarantines a good product image).

What they decide:
- a historical figure, long dead, as the subject of merchandise ("Mozart bust", "Albert Einstein poster",
  "бюст Александра Пушкина", "Jose Rizal monument keychain") is no one's personal data: GDPR Recital 27
  leaves the data of deceased persons out of the Regulation. data/historical_figures.txt lists them, read
  as the brand list is (the run of capitalised words around a pair, Greek and Cyrillic as `normalise`
  reads them). A living public figure stays a person (README, names11: "portrait of Taylor Swift"); the
  price is that a customer named exactly as a listed figure ("for Marie Curie") is read as the figure;
- brands, labels, characters, typefaces and paints written like names ("Anya Hindmarch", "Tante Fanny",
  "Miss Marple", "Sue Ellen Francisco", "Van Deusen Blue"): data/name_brands.txt;
- squares and streets of more languages ("Place Charles de Gaulle", "Plac Jana Pawła II", "đường Nguyễn
  Huệ") and a cultivar whose name is three words ("rose 'Hans Christian Andersen'"):
  person_named_things.py;
- a role word before a product ("Captain Morgan spiced rum", "Chef knife", "Doctor Who"), a title after a
  mountain, a mascot or a god ("Fuji-san", "Domo-kun", "Hanuman ji"), a saint's city in a file's name
  ("san_francisco_skyline_4k.jpg"), a brand's handle.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names15.json")

_OPEN: dict[str, str] = {
    "Andenken an Friedrich Hahn": (
        "a cultivar of a plant the list does not hold ('Penstemon'), named with a dedication inside its "
        "quotation marks ('Andenken an', in memory of): the dedication reads the name after it"
    ),
    "@ikea": (
        "a brand's handle after 'follow' or 'tag' is read as a social handle (SOCIAL_HANDLE, not PERSON: "
        "a handle identifies an account, a brand's as well as a person's)"
    ),
    "@natgeo": (
        "a brand's handle after 'follow' or 'tag' is read as a social handle (SOCIAL_HANDLE, not PERSON: "
        "a handle identifies an account, a brand's as well as a person's)"
    ),
}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _OPEN))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


@pytest.mark.parametrize(
    "prompt",
    [
        "bust of Ludwig van Beethoven",
        "Wolfgang Amadeus Mozart music box",
        "бюст Юрия Гагарина",
        "Padre Pio statue",
        "Guru Nanak Jayanti card",
        "Place Charles de Gaulle print",
        "náměstí Václava Havla poster",
        "Elie Saab gown",
    ],
)
def test_figures_places_and_labels_stay_clean(prompt: str) -> None:
    assert "PERSON" not in {finding.entity for finding in scan_parameters({"prompt": prompt})}


@pytest.mark.parametrize(
    "prompt",
    [
        "portrait of Taylor Swift holding our perfume",  # a living public figure stays a person
        "gift for Marguerite Okonjo-Beethoven",  # a figure's surname inside a customer's name
    ],
)
def test_living_people_stay_people(prompt: str) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters({"prompt": prompt})}


def test_clean_side_covers_sixty_languages_and_its_size() -> None:
    assert len({record["lang"].split("-")[0] for record in _ROUND["clean"]}) >= 60
    assert len(_ROUND["clean"]) >= 250
