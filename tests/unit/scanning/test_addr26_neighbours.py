# ruff: noqa: RUF001 - Azerbaijani letters, on purpose
"""The neighbours of addr26's rule (`location_sentence`), written after reading it: a delivery phrase
followed by a number that is no house's (a count, a time, a size, a page), in the languages of its
phrases. The rule reads the words after the phrase capitalised through the street rules and a shape
of its own (a street, its number, a postcode and a town without commas), so none of these may be an
address to it. What other rules still flag here is a strict xfail with its class."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters
from gate.scanning.detectors import location_lower

_SHIPPING_TERMS = (
    "shipping terms after a label or a delivery cue read as an address's parts by `location_labelled` "
    "or `location.cued_address` (a count and a phrase between commas; open since before addr26)"
)

_NEIGHBOURS = [
    "send it to 3 friends and get 10% off",
    "deliver to 12 stores in 5 cities by 2025",
    "mail the 2 posters to your friends, 30 x 40 cm",
    "ships to 27 EU countries in 2-5 days",
    "bitte schicken an 2 Adressen, 50 x 70 cm",
    "livraison à 48h, envoyer à 3 amis",
    "envío a 15 países en 24 horas",
    "spedizione in 24 ore, invia a 3 amici",
    "wyślij na 2 adresy, 30 x 40 cm",
    "post to instagram at 9 pm, 1080 x 1350 px",
    "forward to 2 colleagues, file size 12 mb",
    "mail merge to 500 customers 2024 campaign",
    "ارسلها إلى 3 أصدقاء",
    "بفرستید به ۳ دوست",
    "send it to me at 5 pm tomorrow thanks",
    "please ship to the 2 addresses in my profile",
    "pošlete na 2 adresy, 50 x 70 cm",
    "отправьте на 2 адреса, 30 x 40 см",
    "kirim ke 3 teman, 30 x 40 cm",
    "gửi đến 3 người bạn, 30 x 40 cm",
    "skicka till 2 vänner, 30 x 40 cm",
    "deliver to gate 4 terminal 2 at 10 am",
    pytest.param(
        "we ship to 50 countries, free returns within 30 days",
        marks=pytest.mark.xfail(strict=True, reason=_SHIPPING_TERMS),
    ),
    pytest.param(
        "Versand nach 2 Werktagen, Lieferung an 3 Packstationen möglich",
        marks=pytest.mark.xfail(strict=True, reason=_SHIPPING_TERMS),
    ),
    pytest.param(
        "send to printer: 12 copies, 300 dpi, a4 paper",
        marks=pytest.mark.xfail(strict=True, reason=_SHIPPING_TERMS),
    ),
]


@pytest.mark.parametrize("note", _NEIGHBOURS)
def test_delivery_phrase_before_a_count_is_no_address(note: str) -> None:
    assert scan_parameters({"order_note": note}) == []


@pytest.mark.parametrize(
    ("stretch", "read"),
    [
        ("12 bóthar na trá h91 x2y3 gaillimh", "12 Bóthar Na Trá H91 X2Y3 Gaillimh"),
        ("14 kingsley road, leeds ls6 2ab", "14 Kingsley Road, Leeds LS6 2AB"),
        ("brīvības iela 55-12, rīga, lv-1010", "Brīvības Iela 55-12, Rīga, LV-1010"),
        ("nizami küçəsi 45, bakı az1000", "Nizami Küçəsi 45, Bakı AZ1000"),
        ("mug 350ml, 2 pack", "Mug 350ml, 2 pack"),
    ],
)
def test_capitalised_reading_writes_postcodes_in_capitals(stretch: str, read: str) -> None:
    assert location_lower.capitalised(stretch) == read


def test_address_after_a_repeated_phrase_is_found() -> None:
    # A phrase repeated to the length limit is read once (its stretches are the same), so the phrase
    # before the address is still read, and the repetition costs what it costs on main.
    decoys = "send it to 12 x " * 6000
    note = decoys + "send it to 4418 maple grove lane, springfield, il 62704, thanks"
    assert "LOCATION" in {finding.entity for finding in scan_parameters({"order_note": note})}
