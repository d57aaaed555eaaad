# ruff: noqa: RUF001 - Greek and Cyrillic product copy, on purpose
"""Phone accessories are a large part of any catalogue, and their copy names the phone ("Handyhülle",
"coque téléphone", "funda móvil") before the product's own code. A code after a reference word is the
product's, even when a phone word came first; a number right after the phone word, or after it and a
"number" word, is still a phone number. Written by the lead from shop listings' shapes (2026-12-06).
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

# Phone-accessory copy with a product code shaped like a national mobile number of its language.
_CODES = """\
tr|Telefon kılıfı, ürün kodu 05321234567, silikon, şeffaf
sv|Mobilskal iPhone 15, artikelnr 0701234567, svart
el|Κινητό τηλέφωνο θήκη, κωδικός 6912345678, μαύρη
ro|Husă telefon, cod produs 0721234567, neagră
bg|Телефонски калъф, код 0881234567, черен
cs|Pouzdro na telefon, kód 601123456, černé
hu|Telefontok, cikkszám 06301234567, fekete
pt|Capa de telemóvel, referência 912345678, preta
es|Funda móvil, referencia 612345678, negra
it|Cover cellulare, codice 3123456789, nera
de|Handyhülle, Art.-Nr. 01511234567, schwarz
fr|Coque téléphone, réf. 0612345678, noire
en|Phone case, product code 07911123456, black
en|Phone case, UPC 012345678905, clear
uk|Чохол для телефону, артикул 0671234567, чорний
ru|Чехол для телефона, артикул 89161234567, синий
fi|Puhelimen suojakuori, tuotenumero 0401234567, musta
pl|Etui na telefon, kod produktu 512345678, czarne
nl|Telefoonhoesje, artikelnummer 0612345678, zwart
da|Mobilcover, varenummer 20123456, sort
no|Mobildeksel, varenr. 41234567, svart
hr|Maska za mobitel, šifra proizvoda 0911234567, crna
sk|Obal na mobil, kód produktu 0901123456, čierny
lt|Telefono dėklas, prekės kodas 861234567, juodas
en|Wireless charger for mobile phones, model 07700900123, 15 W
de|Handyhalterung fürs Auto, Modell 01701234567, magnetisch
fr|Chargeur téléphone rapide, modèle 0712345678, USB-C
es|Soporte para teléfono, modelo 0034612345678, aluminio
"""

# The same phone words with a phone number after them: still found.
_PHONES = """\
de|Handy 01511234567, bitte zurückrufen
de|Handynummer: Nr. 0151 1234567
fr|téléphone : 06 12 34 56 78 (réf. client 4711)
fr|Appelez le 0612345678, réf. commande 88231
es|móvil 612345678
it|cellulare 3123456789
en|phone 07911123456
tr|telefon 05321234567
pl|telefon 512345678
ru|телефон 89161234567
uk|телефон 0671234567
el|τηλέφωνο 6912345678
"""


def _records(table: str) -> list[tuple[str, str]]:
    return [tuple(line.split("|", 1)) for line in table.splitlines()]  # type: ignore[misc]


@pytest.mark.parametrize(("lang", "text"), _records(_CODES), ids=lambda v: v[:24])
def test_a_product_code_after_a_reference_word_is_no_phone_number(lang: str, text: str) -> None:
    assert scan_parameters({"prompt": text}) == []


@pytest.mark.parametrize(("lang", "text"), _records(_PHONES), ids=lambda v: v[:24])
def test_a_number_after_the_phone_word_itself_is_still_found(lang: str, text: str) -> None:
    assert "PHONE_NUMBER" in {finding.entity for finding in scan_parameters({"prompt": text})}


def test_the_tables_cover_many_languages() -> None:
    assert len({lang for lang, _ in _records(_CODES)}) >= 20
