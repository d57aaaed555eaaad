# ruff: noqa: RUF001 - text of other scripts, on purpose
"""The twenty-fifth attacker round on identity, tax and company numbers across locales (ids25):
attacker_round_ids25.json, written before reading the detectors and generated with python-stdnum's
own checks (every id in it is valid by its stdnum module), in shapes the numbers rounds 18-20 did not
use: ids written with the separators and labels of each country's documents (`756.1234.5678.97`,
`######-####`, `#-####-#####-##-#`, `F-123456-Z`, `0614-DDMMYY-###-#`), under the label as a form's
key, after a person's name without a label in an order comment, broken over two lines of a note,
split over two form fields (`rrn_front`/`rrn_back`, `dni_numero`/`dni_letra`), in Devanagari, Thai,
Persian and full-width digits; identity and tax numbers of countries no round used (France's numéro
fiscal, the UK's pupil number, US PTIN and ITIN, Andorra's NRT, Bulgaria's ЛНЧ, Ukraine's РНОКПП,
Mauritius, Tunisia, Algeria, Egypt, Senegal, Guinea, Montenegro, North Macedonia, Belarus, Vietnam,
India's EPIC and VID); a sole trader's tax number that is the person's id (Colombia's NIT, Croatia's
OIB, Indonesia's NPWP, Albania's NIPT, Ecuador's and Peru's RUC, Argentina's CUIT, Kenya's PIN,
Ghana's TIN) named with the person.

Decided here (the brief of issue 12): a company's registration or tax number after its legal form in
a shop's imprint is no one's personal data, even where the same scheme numbers persons (`Tiskara
Horvat d.o.o., OIB ...`, `PT Maju Jaya, NPWP ...`, `Impresos Andinos S.A.S., NIT ...`); the same number
with a person's name or role (`persona natural`, `NPWP pribadi`, `Kupac: Ivana Horvat, OIB`) is theirs.

The clean neighbours: company numbers after a legal form in 66 locales, EAN-13s and GTINs with their
check digits under the barcode word of 75 locales, order and invoice numbers, SKUs and model numbers,
UPS tracking numbers, ISBNs, and order numbers that pass a personal id's own check (a BSN-valid order
number is an order number).
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_ids25.json")

_UNLABELLED = (
    "an id without its label after a person's name in an order comment (`Alıcı Ayşe Yılmaz 35351849626`)"
)
_UNREAD_IDS = (
    "an id under a key no keyed rule reads: acronyms that name other things as keys ('NID', 'TIN', "
    "'PIB'), Hindi 'पैन', Colombia's 'Cédula de ciudadanía' and 'CC' (a cédula has no check)"
)
_PERSON_TAX = "a sole trader's tax number named with the person (`NIT persona natural`, `NPWP pribadi`)"
_COMPANY_AS_PHONE = (
    "a company's tax number after its legal form read as a phone by the phone rules ('ش.م.م، رقم "
    "التسجيل الضريبي 970-331-700'): the phone detectors read no legal form"
)
_INVOICE_AS_ACCOUNT = (
    "an invoice number after `Рахунок №`/`Счёт №` (invoice and account are one word) read as an account"
)
_ORDER_AS_PHONE = "an order number that passes a kennitala's check read as a phone"

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    # _UNLABELLED: 14
    "deliver to Siobhán Murphy 4815218H at the depot": _UNLABELLED,
    "Отримувач Олена Шевченко 9656081728": _UNLABELLED,
    "за Иван Петров 7103038618": _UNLABELLED,
    "Saņēmēja Anna Bērziņa, 181279-18405": _UNLABELLED,
    "Gavėja Rūta Kazlauskienė 49206121369": _UNLABELLED,
    "Za Ivanu Horvat 70232064842, dostava na kućni broj": _UNLABELLED,
    "odbiór: Anna Kowalska 91113063345": _UNLABELLED,
    "Alıcı Ayşe Yılmaz 35351849626": _UNLABELLED,
    "Afhentes af Mette Jensen 031069-5423": _UNLABELLED,
    "Retira Camila Muñoz 15.688.946-6": _UNLABELLED,
    "Envío para Andrés Ramírez, CC 1010434795": _UNLABELLED,
    "Entregar a Laura Jiménez 1-9855-5738 en la casa": _UNLABELLED,
    "Penerima Budi Santoso 3171242307969711": _UNLABELLED,
    "לשלוח לנועה כהן 14621270-9": _UNLABELLED,
    # _UNREAD_IDS: 45
    "1026778642": _UNREAD_IDS,
    "ZKTPP7851Q": _UNREAD_IDS,
    "Z1902503137666": _UNREAD_IDS,
    "P0091213029": _UNREAD_IDS,
    "56802765": _UNREAD_IDS,
    # _PERSON_TAX: 4
    "NPWP pribadi Bapak Budi Santoso: 27.522.294.1-426.438": _PERSON_TAX,
    "RUC persona natural María Andrade: 1794015658-001": _PERSON_TAX,
}

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "شركة الطباعة ش.م.م، رقم التسجيل الضريبي 970-331-700": _COMPANY_AS_PHONE,
    "Замовлення № 4007065116, Рахунок № 2024-161916": _INVOICE_AS_ACCOUNT,
    "Заказ № 5027059397, Счёт № 2026-172323": _INVOICE_AS_ACCOUNT,
    "Pöntun nr. 0608568779": _ORDER_AS_PHONE,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_id_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_fifty_locales() -> None:
    records = _ROUND["found"] + _ROUND["clean"]
    assert len({record["lang"] for record in records}) >= 50
    assert len(_ROUND["found"]) >= 200 and len(_ROUND["clean"]) >= 200
