"""A serial, model, order, lot or catalogue number can have the shape of a national mobile number
("numéro de série 0612345678"). After a reference word of data/cues.toml [reference], in any of its
languages, it is the maker's or the shop's; a phone word, or a reference word with words between it and
the digits, leaves the digits a phone number. Written by the lead from shop listings (2026-12-06), after
a probe found 40 reference phrases of 20 languages whose numbers were read as phone numbers; the
abbreviations (data/cues.toml [reference_abbreviation]: "Best.-Nr.", "nr kat.", "č. obj.") after a second
probe (2026-12-06) found 43 more written as shops abbreviate them.
"""

from __future__ import annotations

import pytest
from stdnum import ean, luhn

from gate.scanning import lexicon, scan_parameters

_MOBILE = "0612345678"  # a French mobile number's shape; the scanner reads it as one wherever it stands


def _phones(text: str) -> list[str]:
    return [f.detector for f in scan_parameters({"description": text}) if f.entity == "PHONE_NUMBER"]


@pytest.mark.parametrize("word", lexicon.words("reference"))
def test_every_reference_word_makes_the_digits_after_it_a_reference(word: str) -> None:
    assert _phones(f"Colour navy, {word} {_MOBILE}, 2-year warranty") == []
    assert _phones(f"Colour navy, {word.upper()}: {_MOBILE}") == []


@pytest.mark.parametrize(
    "text",
    [
        "Référence produit 0612345678, coloris bleu nuit",
        "Nº de série: 0611223344, garantie 2 ans",
        "commande n° 0612345678 expédiée",
        "numéro de série 06 12 34 56 78",
        "Seriennr. 0151-1234567",
        "серийный номер 0612345678",
        "номер заказа № 0612345678",
        "σειριακός αριθμός 0612345678",
        "sipariş no: 0612345678",
        "sériové číslo 0612345678",
        "シリアル番号 0612345678",
        "주문번호 0612345678",
    ],
)
def test_written_as_shops_write_them(text: str) -> None:
    assert _phones(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "mon numéro : 06 12 34 56 78",
        "téléphone 0612345678 (référence client 4711)",
        "commande passée, appelez-moi au 0612345678",
        "numéro de série 4711, téléphone 0612345678",
        "model Anna, call 0612345678",
        "Seriennr. 4711 - Rückruf unter 0151 1234567",
        "номер заказа 4711, звоните 0612345678",
    ],
)
def test_a_phone_number_with_words_between_it_and_the_reference_is_still_found(text: str) -> None:
    assert _phones(text) != []


@pytest.mark.parametrize("word", lexicon.words("reference_abbreviation"))
def test_an_abbreviation_beside_a_number_word_is_a_reference(word: str) -> None:
    assert _phones(f"Colour navy, {word}.-Nr. {_MOBILE}, 2-year warranty") == []
    assert _phones(f"Colour navy, nr {word}. {_MOBILE}") == []


@pytest.mark.parametrize("word", ["best", "cat", "mat", "kat", "obj"])
def test_an_abbreviation_alone_is_no_reference(word: str) -> None:
    assert _phones(f"the {word} {_MOBILE}") != []


@pytest.mark.parametrize(
    "text",
    [
        "Best.-Nr. 0612345678, Lieferzeit 3 Tage",
        "Kat.-Nr.: 0612345678",
        "Herst.-Nr. 0612345678",
        "Szafa przesuwna 200 cm, nr kat. 0612345678",
        "Indeks produktu: 0612345678",
        "kat. č. 0612345678",
        "č. obj. 0612345678",
        "Kat. br. 0612345678",
        "Réf. produit 0612345678",
        "Ref. fabricante 0612345678",
        "cód. art. 0612345678",
        "cod. prod. 0612345678",
        "art. n. 0612345678",
        "Mfr. part no. 0612345678",
        "κωδ. προϊόντος 0612345678",
        "Tuotenro 0612345678",
        "JANコード 0612345678",
        "제품 코드 0612345678",
        "Mã SP: 0612345678",
        "Diivan, laius 214 cm, tootekood 0612345678, hall",
        "Kavč, širina 214 cm, šifra izdelka 0612345678",
        "Sófi, breidd 214 cm, vörunúmer 0612345678",
        "Диван, ширина 214 см, код на продукта 0612345678",
        "Sofa, upana 214 cm, nambari ya bidhaa 0612345678",
        "დივანი, სიგანე 214 სმ, პროდუქტის კოდი 0612345678",
        "مبل سه نفره، عرض ۲۱۴ سانتی‌متر، کد محصول ۰۶۱۲۳۴۵۶۷۸",
    ],
)
def test_abbreviated_as_shops_abbreviate_them(text: str) -> None:
    assert _phones(text) == []


def test_a_customer_number_is_never_a_reference() -> None:
    found = {f.entity for f in scan_parameters({"description": f"Kd.-Nr. {_MOBILE}, Kunden-Nr. {_MOBILE}"})}
    assert found


@pytest.mark.parametrize("gtin", ["4646255049096", "574301430328", "14006381333938"])
def test_a_gtin_joined_with_the_quantity_after_it_is_no_card(gtin: str) -> None:
    assert ean.is_valid(gtin)
    quantity = next(q for q in range(100, 1000) if luhn.is_valid(gtin + str(q)))
    text = f"GTIN {gtin} - {quantity} ml, Vorratspack"
    assert "CREDIT_CARD" not in {f.entity for f in scan_parameters({"description": text})}


@pytest.mark.parametrize(
    "text", ["order 4111 1111 1111 1111", "GTIN 4006381333931 - 250 ml, card 4111111111111111"]
)
def test_a_card_after_a_reference_word_is_still_a_card(text: str) -> None:
    assert "CREDIT_CARD" in {f.entity for f in scan_parameters({"description": text})}
