"""An identity number kept as its parts in sibling form fields (`id_parts`, ids26): found under each
part's pointer when the join passes the scheme's check; order numbers, phones, dates and SKUs split over
fields, and joins that fail their check, stay clean."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.pl import pesel

from gate.scanning import scan_parameters
from gate.scanning.id_parts import part_of, split_ids

SPLIT: list[tuple[dict[str, Any], list[str]]] = [
    ({"rrn_front": "841120", "rrn_back": "2273943"}, ["/rrn_front", "/rrn_back"]),
    ({"rrn_back": "2273943", "rrn_front": "841120"}, ["/rrn_back", "/rrn_front"]),  # part words order
    ({"dni_numero": "63024801", "dni_letra": "V"}, ["/dni_numero", "/dni_letra"]),
    ({"pesel_2": "003018", "pesel_1": "88022"}, ["/pesel_2", "/pesel_1"]),  # numbers order
    ({"PeselTeil1": "88022", "PeselTeil2": "003018"}, ["/PeselTeil1", "/PeselTeil2"]),
    ({"kt_fyrri": "180192", "kt_seinni": "0939"}, ["/kt_fyrri", "/kt_seinni"]),
    ({"hetu_syntymaaika": "081295", "hetu_loppuosa": "8326"}, ["/hetu_syntymaaika", "/hetu_loppuosa"]),
    ({"ssn_1": "536", "ssn_2": "90", "ssn_3": "4399"}, ["/ssn_1", "/ssn_2", "/ssn_3"]),
    ({"fodselsdato": "150771", "personnummer": "22394"}, ["/fodselsdato", "/personnummer"]),
    ({"codice_fiscale_1": "RSSMRA", "codice_fiscale_2": "52C68O910K"}, []),  # two-word scheme
    ({"cpf_1": 786, "cpf_2": 18661651}, ["/cpf_1", "/cpf_2"]),  # numbers, not strings
]


@pytest.mark.parametrize(("form", "pointers"), SPLIT)
def test_an_id_split_over_fields_is_found_on_its_parts(form: dict[str, Any], pointers: list[str]) -> None:
    findings = scan_parameters({"form": {"name": "Jan Novak", **form}})
    ids = [f for f in findings if f.entity in {"NATIONAL_ID", "US_SSN"}]
    assert ids
    for pointer in pointers:
        assert any(f.path == f"/form{pointer}" for f in ids)


CLEAN: list[dict[str, Any]] = [
    {"order_1": "88022", "order_2": "003018"},  # a PESEL-valid join, under an order's keys
    {"delivery_day": "22", "delivery_month": "02", "delivery_year": "1988"},
    {"sku_1": "AB-1234", "sku_2": "XL", "sku_3": "RED"},
    {"pesel_1": "88022", "pesel_2": "003019"},  # fails its check
    {"rrn_front": "841120", "rrn_back": "2273944"},
    {"invoice_part1": "7317", "invoice_part2": "56174"},  # BSN-valid, an invoice's
    {"pin_1": "1234", "pin_2": "5678"},
    {"rc_1": "1.0", "rc_2": "2.1"},  # release candidates
]


@pytest.mark.parametrize("form", CLEAN)
def test_clean_neighbours_stay_clean(form: dict[str, Any]) -> None:
    assert scan_parameters({"form": form}) == []


def test_a_phone_split_over_prefix_and_number_is_a_phone_not_an_id() -> None:
    form = {"phone_prefix": "+48", "phone_number": "880220030"}
    assert {f.entity for f in scan_parameters({"form": form})} == {"PHONE_NUMBER"}


@pytest.mark.parametrize(
    ("key", "part"),
    [
        ("pesel_1", ("pesel", 1)),
        ("rrn_back", ("rrn", 99)),
        ("rrnFront", ("rrn", 0)),
        ("front_rrn", ("rrn", 0)),
        ("cf_cognome_nome", ("cf", 50)),
        ("personnummer", ("personnummer", 100)),
        ("fodselsdato", ("", 0)),
        ("order_1", None),
        ("phone_number", None),
    ],
)
def test_part_of_reads_scheme_and_rank(key: str, part: tuple[str, int] | None) -> None:
    assert part_of(key) == part


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=10))
def test_a_valid_pesel_split_anywhere_is_joined(cut: int) -> None:
    number = "88022003018"
    assert pesel.is_valid(number)
    assert split_ids({"pesel_a": number[:cut], "pesel_b": number[cut:]}) == [("pesel", [0, 1])]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="0123456789", min_size=11, max_size=11), st.integers(min_value=1, max_value=10))
def test_a_join_counts_exactly_when_its_check_passes(number: str, cut: int) -> None:
    found = split_ids({"pesel_1": number[:cut], "pesel_2": number[cut:]})
    assert bool(found) == pesel.is_valid(number)


@pytest.mark.parametrize(
    ("params", "paths"),
    [
        # A key that is not plain ASCII is spelled in the pointer as the walk spells it, not "*N": the
        # European corpus's {"fødselsnummer": ...} was reported twice, the second time at "/kunde/*0".
        ({"kunde": {"fødselsnummer": "13105335258"}}, {"/kunde/fødselsnummer"}),
        ({"pésel_1": "88022", "pesel_2": "003018"}, {"/pésel_1", "/pesel_2"}),
        ({"a~b": {"pesel/1": "88022", "pesel/2": "003018"}}, {"/a~0b/pesel~11", "/a~0b/pesel~12"}),
        # ... and a key that holds personal data itself stays hidden below it.
        (
            {"anna.kowalska@example.com": {"pesel_1": "88022", "pesel_2": "003018"}},
            {"/*0/pesel_1", "/*0/pesel_2"},
        ),
    ],
)
def test_a_part_is_reported_at_the_pointer_the_walk_spells(params: dict[str, Any], paths: set[str]) -> None:
    found = {finding.path for finding in scan_parameters(params) if finding.entity == "NATIONAL_ID"}
    assert found == paths
