"""A brand inside a run of capitalised words hides the run, unless the run goes on as a person's name does
(`detectors/person_brands.py`): the lead's probes of the seventeenth session, written before reading the
detectors, found "gift for Jean-Paul Dupont" and "card for Hugo Boss-Meier" approved as clean, hidden by
the brands "jean paul" and "hugo boss"; and "Louis Poulsen lamp" flagged (design houses named after
their founders, now in data/name_brands.txt)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters
from gate.scanning.detectors.person_brands import run_words

PEOPLE = [
    "gift for Jean-Paul Dupont",  # a pair of given names that is also a brand, then a surname
    "Geschenk für Jean Paul Richter",
    "gift for Mary Jane Watson",
    "card for Hugo Boss-Meier",  # a double-barrelled surname whose first half ends a brand
    "portrait of Calvin Klein-Weber and family",
    "gift for Ralph Lauren-Smith",
    "gift for Laura Ashley-Jones",
]
BRANDS = [
    "Jean Paul Gaultier perfume",
    "Jean-Paul Gaultier Le Male bottle",
    "Ralph Lauren Polo Shirt",
    "Mary Jane shoes in red",
    "Calvin Klein Jeans denim",
    "Hugo Boss Orange sneakers",
    "Paul Smith Swirl scarf",
    "Scandinavian living room, Louis Poulsen lamp, Eames lounge chair replica, oak floor",
    "Fritz Hansen Egg chair in cognac leather",
    "William Morris Strawberry Thief cushion",
    "Georg Jensen silver bowl on a marble table",
    "Laura Ashley wallpaper",
]


@pytest.mark.parametrize("text", PEOPLE)
def test_a_name_that_goes_on_past_a_brand_is_a_person(text: str) -> None:
    assert "PERSON" in {f.entity for f in scan_parameters({"prompt": text})}


@pytest.mark.parametrize("text", BRANDS)
def test_a_brand_followed_by_product_words_stays_clean(text: str) -> None:
    assert scan_parameters({"prompt": text}) == []


@pytest.mark.parametrize(
    ("run", "words", "joined"),
    [
        ("Ralph Lauren-Smith", ["ralph", "lauren", "smith"], [False, True, False]),
        ("Jean-Paul Gaultier", ["jean", "paul", "gaultier"], [True, False, False]),
        ("A - B", ["a", "b"], [False, False]),
        ("Mrs. Meyer\u2019s", ["mrs.", "meyer's"], [False, False]),
    ],
)
def test_run_words_read_hyphens_as_the_brand_list_writes_them(
    run: str, words: list[str], joined: list[bool]
) -> None:
    assert run_words(run) == (words, joined)
