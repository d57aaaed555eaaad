# ruff: noqa: RUF001 - text of other scripts, on purpose
"""A company's number where persons' share its series (ids25, `detectors/company_number.py`): after a
legal form on its line, or with one just after it, the number is the company's; with a person's role
between the form and the number, or without a form, it is the person's. Every number passes its
python-stdnum check (the found and clean sides hold the same numbers)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

# Valid by python-stdnum: hr.oib, id.npwp, co.nit, al.nipt, is_.kennitala, vn.mst, gr.vat, ec.ruc.
_OIB = "33392005961"
_NPWP = "01.312.166.0-091.000"
_NIT = "213.123.432-1"
_NIPT = "K22218003V"
_KT_PERSON = "120174-3399"
_MST = "0100233488"
_AFM = "094259216"

_COMPANY = [
    f"Grafika Zagreb d.o.o., Ilica 10, 10000 Zagreb, OIB {_OIB}",
    f"PT Sinar Abadi, Jl. Sudirman 5, Jakarta, NPWP {_NPWP}",
    f"Impresos del Valle S.A.S. — NIT {_NIT}",
    f"Botime Tirana SH.P.K., NIPT: {_NIPT}",
    f"Công ty TNHH Bao Bì Việt, MST {_MST}",
    f"ΑΦΜ {_AFM}, ΔΟΥ Αθηνών — Εκτυπώσεις Α.Ε.",
    f"Trgovina Horvat (tvrtka) OIB {_OIB}",
]
_PERSON = [
    f"Kupac: Ivana Horvat, OIB {_OIB}",
    f"Grafika d.o.o. — kupac: Ivana Horvat, OIB {_OIB}",
    f"NPWP pribadi: {_NPWP}",
    f"NIT persona natural: {_NIT}",
    f"Facturar a Andrés Ramírez, NIT {_NIT}",
    f"Klienti Arben Hoxha, NIPT {_NIPT}",
    f"Hönnun ehf.\nviðtakandi: Guðrún Jónsdóttir, kennitala {_KT_PERSON}",
    f"Tiskara d.o.o., vlasnica Ivana Horvat, OIB {_OIB}",
    # a prompt's phrase between a company's name and the number (the benchmark's Faker prompts)
    f"leather handbag, PDF Tools AG, soft studio lighting, OIB {_OIB}",
]


@pytest.mark.parametrize("text", _COMPANY)
def test_a_company_number_after_its_legal_form_is_clean(text: str) -> None:
    assert scan_parameters({"shop": {"imprint": text}}) == []


@pytest.mark.parametrize("text", _PERSON)
def test_the_same_number_with_a_person_is_found(text: str) -> None:
    assert "NATIONAL_ID" in {finding.entity for finding in scan_parameters({"note": text})}


@pytest.mark.parametrize(
    "text",
    [
        "Imprenta del Sur S.A., CUIT 30-50001091-2",
        "Impresos Caracas C.A., RIF J-90029923-0",
        "Printers Kenya Ltd, KRA PIN P051365947M",
        "CUIT 30-50001091-2",
    ],
)
def test_a_legal_persons_prefix_is_a_companys(text: str) -> None:
    assert scan_parameters({"shop": {"imprint": text}}) == []


@pytest.mark.parametrize(
    "text", ["Cliente Juan Pérez, CUIT 20-05536168-2", "RIF V-11470283-4", "KRA PIN A004416331M"]
)
def test_a_persons_prefix_is_theirs(text: str) -> None:
    assert "NATIONAL_ID" in {finding.entity for finding in scan_parameters({"note": text})}
