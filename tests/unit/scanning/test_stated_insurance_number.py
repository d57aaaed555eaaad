"""A social security or insurance number the writer states as someone's ("my social security number is
..."): Faker's numbers of 29 locales fail every check and were approved (`benchmarks/faker_sweep.py`, kind
ssn_text: 246 of 333). Stated as a person's, a number of eight digits or more (or letters and digits, as a
British NINO) is that person's, valid or not; a form's placeholder, a short number, a field's description
or a number nobody owns stay clean."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

FOUND = [
    "my social security number is 0276-1647988-2",
    "my social security number is 4817301201",
    "my social security number is ZZ445260T",
    "My Social Security No. 163428519714",
    "her national insurance number: ZZ445260T",
    "customer's social security number is 84766233301",
    "our client's social insurance number is 046 454 287",
]
CLEAN = [
    "enter your social security number: 000-00-0000",
    "my social security number is not shown",
    "social security number field, 9 digits",
    "my social security number is 12345",
    "the social security number 4817301201 of the form template",
    "my SS number is 0000000000",
    "social security number 2024 update, poster",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_number_stated_as_someones_is_found(text: str) -> None:
    assert {f.entity for f in scan_parameters({"prompt": text})} & {"NATIONAL_ID", "US_SSN"}


@pytest.mark.parametrize("text", CLEAN)
def test_placeholders_and_descriptions_stay_clean(text: str) -> None:
    assert scan_parameters({"prompt": text}) == []
