# ruff: noqa: RUF001 - addresses and product copy of many scripts, on purpose
"""Neighbours of the classes round addr24 and addr17's last open ones closed, found and clean, written
after the fixes: post-office boxes in more local forms (and box words in product titles), forces' mail,
short plus codes before a town, directions by landmarks, parcel lockers and pick-up points with their
codes, a shop's footer whose name after a Cyrillic legal form is in quotes; Kenya's S.L.P. box, Iceland's
streets before a three-digit postcode, a place word after a delivery noun, a Vietnamese ward and its
district, an Arabic street and its quarter."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

_FOUND = [
    # boxes
    "поштански фах 42, 21000 Нови Сад",
    "poštanski fah 42, 21000 Novi Sad",
    "Private Bag X9083, Cape Town 8000",
    "C.P. 118, succursale Place-d'Armes, Montréal",
    "高雄郵政 80-123 號信箱",
    "BP 2201, Ouagadougou",
    "B.P. 412, Lomé",
    # forces' mail
    "APO AP 96338",
    "FPO AE 09509-1234",
    "c/o 3 RIFLES, BFPO 58",
    # short plus codes near a plus code's or an address's word
    "plus code: 2V2W+8M Mombasa",
    "ship to 4FRW+5Q Kigali",
    "entrega en código plus 8Q7X+FQ Cusco",
    # landmarks
    "house 7, street 12, behind Jamia Masjid, F-8/3 Islamabad",
    "plot 45, near SBI bank, Gandhi Nagar, Vijayawada",
    "frente al parque central, casa 14, Barrio El Centro, León",
    "del Banco Nacional 200 metros norte, casa celeste, Heredia",
    "ao lado da farmácia São João, casa 3, Bairro Jardim, Recife",
    "derrière le marché Sandaga, villa 22, Dakar",
    "opposite Shell petrol station, Kasarani road, Nairobi",
    # lockers and pick-up points
    "Packstation 208, 80331 München",
    "InPost Paczkomat POZ12M, Poznań",
    "Mondial Relay point relais 078124, Librairie Centrale",
    "Omniva pakiautomaat, Narva mnt 7",
    "Zásilkovna Z-BOX Brno, Kounicova 2318/4",
    "セブン-イレブン 渋谷店 店舗番号 451278",
    # addr17's classes: Kenya's box, Iceland's streets, a place word, a ward and its district, a quarter
    "S.L.P. 3021-80100, Mombasa",
    "Miklabraut 40, 108 Reykjavík",
    "Skólavörðustígur 12, 101 Reykjavík",
    "livraison : lieu-dit La Borie, 46100 Figeac",
    "consegna: frazione Pieve, 52100 Arezzo",
    "12 Lê Lợi, Phường Bến Thành, Quận 1",
    "شارع التحلية، حي السليمانية، جدة",
    # addr23's lower-case class: court and trail, a Swedish postcode after the house number
    "user: 9 acacia court 4350 toowoomba",
    "41 Cedar Court, Leeds LS6 2AB",
    "user: 5 ridge trail p3e 4n1 sudbury",
    "user: granvägen 12 831 40 östersund",
]

_CLEAN = [
    # box words and numbers that are titles, counts or blood pressure
    "Postfach 12 vintage poster, 50 x 70",
    "PO Box 1987 thriller novel, paperback",
    "BP 120, Pulse 80",
    "BP 45 du modèle, bouton poussoir",
    "BP 2024, Annual Report cover",
    "private bag collection, 3 totes",
    # forces' mail named, with no office's number
    "We ship to APO, FPO and DPO addresses",
    "BFPO orders take 10-14 days",
    # plus signs that are no code
    "deliver 2 items, 2345+67 Total",
    "address book: SKU 9G8F+6X Blue",
    "9G8F+6X Zürich",
    # landmarks in a picture's prompt
    "a girl standing in front of the Eiffel Tower, sunset, 35mm, 8k, house in background",
    "portrait, behind the Scenes, street photography, bokeh",
    "cat next to Big Ben, Abbey Road, watercolor",
    "frente a la iglesia, casa azul, acuarela, 30 x 40",
    "cozy cabin near Lake Tahoe, snowy road, golden hour, 4k",
    "Tee, near mint, Block print, vintage",
    # lockers as products and options
    "Packstation 2024 edition poster",
    "InPost locker shaped bookshelf, 120 compartments",
    "Paczkomat InPost 24/7, Kurier DPD",
    "Zásilkovna Z-BOX hrnek, 300 ml",
    "sports locker L-1200 steel cabinet, 180 cm",
    "Besucher 14:05: Lieferung an die Packstation ist ok?\nAgent 14:06: ja, Packstation 105 geht",
    # a shop's footer: the name in quotes after its legal form
    "ООО «Северная типография», а/я 512, 163000 Архангельск",
    'ТОВ "Друкарня Поділля", а/с 44, 21000 Вінниця',
    # addr17's classes, as products
    "Þjóðvegur 1 skilti",
    "Laugavegur poster, 50 x 70",
    "località turistica, 3 notti",
    "S.L.P. consulting, 2024",
    "ملصق شارع المعز ٥٠×٧٠",
    # courts and trails that are no street, a price after a house number
    "2 Supreme Court mugs",
    "12 food court favourites",
    "tennis court poster 50 x 70",
    "Appalachian Trail 2 pack stickers",
    "Björkvägen 4 852 kr",
]


@pytest.mark.parametrize("text", _FOUND)
def test_found(text: str) -> None:
    assert "LOCATION" in {finding.entity for finding in scan_parameters({"order_note": text})}


@pytest.mark.parametrize("text", _CLEAN)
def test_clean(text: str) -> None:
    assert scan_parameters({"product": {"title": text}}) == []
