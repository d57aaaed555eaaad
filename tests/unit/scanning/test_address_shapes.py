# ruff: noqa: RUF001 - text of other scripts, on purpose
"""The address shapes of addr17 (location_postcode, location_labelled, location_dwelling) as a truth
table: each rule's addresses, and the neighbours it must leave alone, among them what the European
corpus showed (colour codes, phone numbers after a phone word, '8k' in a prompt)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

_ADDRESSES = (
    "Ulica Baščaršija 7, 71000 Sarajevo",  # street, number, postcode, town
    "Masarykovo nábřeží 250/1, 110 00 Praha 1",
    "Narva mnt 5-3, 10117 Tallinn",
    "34 avenue Jean Jaurès, 31000 Toulouse",
    "Brīvības iela 21-4, LV-1050 Rīga",
    "22 Ocean Road, Sea Point, Cape Town, 8005",  # the town before the postcode
    "Rruga Myslym Shyri 12, Tiranë 1001",
    "6 Heol y Castell, Abertawe SA1 1DP",  # a postcode of letters and digits
    "1061 Budapest, Andrássy út 22.",  # the postcode first
    "620075, г. Екатеринбург, ул. Ленина, д. 40",
    "Lieferadresse: Am Anger, 99084 Erfurt",  # after a label, no house number
    "адрес: с. Красное, Липецкая обл., 399670",
    "ঠিকানা: বাসা ৭, সড়ক ২, গুলশান",
    "お届け先：静岡県浜松市中区元城町",
    "배송지: 경상북도 경주시 황남동",
    "मकान नंबर 9, सेक्टर 15, चंडीगढ़",  # a house word and its number among parts
    "شقة 14، عمارة النور، الشارقة",
    "Nyumba Na. 7, Mtaa wa Uhuru, Dodoma",
    "高雄市苓雅區四維三路2號",
    "新界沙田大涌橋路52號8樓",
    "台中光明路1段85號8樓",  # a road section in digits (Taiwan)
)

_CLEAN = (
    "Wollschal in Grau, RAL 7016, Studiolicht, 8k",
    "leather bag, Pantone 18-1663 TCX, product photography, 85mm, f/1.8",
    "Rückruf unter (08927) 123456",  # a phone number, after a town-like word and in parentheses
    "κινητό 210 6543210",
    "Studio 54 poster, 1000 Pieces puzzle",
    "Abbey Road 3, 2019 Remaster, 180 g vinyl",
    "cím: Boldog születésnapot, 2026",  # 'cím' is also a title
    "Adressbuch 2027, A5, 120 Seiten",
    "address: 30 x 40 cm, 2 pcs",
    "dirección: ver factura",
    "Apartment 12 poster, 50 x 70 cm",
    "квартира 2 комнаты 54 м2",
    "地址：见订单",
    "Route 66, 1926 Edition mug",
)


@pytest.mark.parametrize("text", _ADDRESSES)
def test_address_is_found(text: str) -> None:
    assert "LOCATION" in {finding.entity for finding in scan_parameters({"note": text})}


@pytest.mark.parametrize("text", _CLEAN)
def test_neighbour_is_no_address(text: str) -> None:
    # (the phone numbers among them are other detectors' findings)
    assert "LOCATION" not in {finding.entity for finding in scan_parameters({"note": text})}
