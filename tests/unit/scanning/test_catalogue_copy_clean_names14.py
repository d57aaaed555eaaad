"""The clean neighbours of the names14 round (attacker_round_names14.json "clean"), written before reading
the detectors: catalogue copy whose words look like names, none of which names a customer, so none may be
flagged (a false flag quarantines a good product image).

What they decide:
- a brand named after its founder stays a brand in product text ("Ralph Lauren polo shirt", "Adolfo
  Domínguez perfume"), and so does a product line named after a person ("Hermès Kelly", "Converse Chuck
  Taylor", "Gibson Les Paul"), a band or a club ("Franz Ferdinand band tee", "Jorge Wilstermann"): the
  lists of data/name_brands.txt, read over the run of capitalised words around a pair. The price: a
  customer who bears such a name exactly ("for Ralph Lauren") is read as the brand;
- a typeface and a character with a title ("Mrs Saint Delafield", "Herr Von Muellerhoff", "Mr. Potato
  Head", "Dr. Seuss"): a title before a surname alone is a name ("Mrs. Bridges"), so these are listed;
- a cultivar after its plant word or before it ("rose 'Gertrude Jekyll'", "peony Karl Rosenfield",
  "Apfelbaum Ingrid Marie", "James Grieve apple tree") and a street named after a person ("Rue Victor
  Hugo"): person_named_things.py;
- a player's surname alone on a replica ("MESSI 10"): single words are never reported, and the print cue
  that makes a customer's surname a name ("name on back: KOWALCZYK 7") is absent;
- a solo musician or a public figure is a person (README, names11), but a band named after people
  ("Pink Floyd", "Jethro Tull", "Belle and Sebastian") is no one.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names14.json")

_OPEN: dict[str, str] = {
    "Mary Kay": (
        "'Mary Kay' is left out of the brand list on purpose: a common double given name (name_brands.txt)"
    ),
    "Monsieur Chatouille": "a French 'Monsieur Madame' (Mr. Men) character: a title before a word of no list",
    "علاء الدين": "Aladdin in Arabic: two words of a full name's shape with no cue against them",
    "홍길동": "Hong Gildong, the Korean folk hero (and placeholder name), in Hangul: a full name's shape",
    "Александър Невски": "a saint's name in Cyrillic before 'катедрала' (cathedral): a full name's shape",
}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _OPEN))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_clean_side_covers_forty_languages_and_its_size() -> None:
    assert len({record["lang"].split("-")[0] for record in _ROUND["clean"]}) >= 40
    assert len(_ROUND["clean"]) >= 200
