"""An id after its scheme's name in name=value text or a URL's path (`named_ids`, ids26)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters
from gate.scanning.named_ids import named_ids

FOUND = [
    "customer=Anna;pesel=88022003018;ship=express",
    "customer=Ivan egn=7705012506 ship=express",
    "a=1|emso=0609467507405|b=2",
    "https://crm.example.com/customers/pesel/88022003018/orders",
    "https://crm.example.com/customers/rodne_cislo/460122/4738/orders",  # the number's own slash
    "https://crm.example.com/kyc/sa_id_number/7401184964081",
    "https://crm.example.com/kyc?rrn_front=841120&rrn_back=2273943",  # split over two parameters
]


@pytest.mark.parametrize("text", FOUND)
def test_an_id_after_its_name_is_found(text: str) -> None:
    assert "NATIONAL_ID" in {finding.entity for finding in scan_parameters({"meta": text})}


CLEAN = [
    "order_no=88022003018;status=shipped",  # a PESEL-valid order number under an order's name
    "https://shop.example.com/orders/88022003018/invoice",
    "https://shop.example.com/pesel/info/faq",  # a page about the scheme, no number
    "pesel=88022003019;ship=express",  # fails its check
    "seed=88022003018 steps=30 cfg=7",
]


@pytest.mark.parametrize("text", CLEAN)
def test_other_numbers_stay_clean(text: str) -> None:
    assert scan_parameters({"meta": text}) == []


def test_names_of_no_scheme_are_left_out() -> None:
    assert named_ids("order_id=88022003018;qty=2") is None
    assert named_ids("x=1;pesel=88022003018") == {"pesel": "88022003018"}
    assert named_ids("https://a.example/c/rodne_cislo/460122/4738") == {"rodne_cislo": "460122/4738"}
