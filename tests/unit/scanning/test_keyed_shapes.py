"""A value under a key that names what it is counts in that thing's form, whatever its checks say; and
an international number no carrier has been given counts right after a phone word (the lead's probes
of the eighteenth session: a sweep of Faker's 80-odd locales, whose numbers mostly fail their checks,
and the numbers films and test data use).

`{"customer": {"phone": "+1 555 123 4567"}}`, `{"phone": "+44 7700 900123"}`, `call me at +1 555 123
4567`, `{"ssn": "987-65-4321"}`, `SSN: 219-09-9999`, `{"ssn": "27-06212298-1"}` (an Argentinian CUIL
under Faker's `ssn`) were approved: every rule asked the number to
be valid. In free text it still must be (a run of digits is no one's phone), and keys that say phone but
hold a device or a layout (`phone_model`, `mobile_version`) or a business's number (`tax_id` of a seller,
`vat_number`) are not read so.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

_FOUND: list[tuple[dict[str, Any], str]] = [
    ({"customer": {"phone": "+1 555 123 4567"}}, "PHONE_NUMBER"),
    ({"phone": "+44 7700 900123"}, "PHONE_NUMBER"),
    ({"shipping": {"telefono": "+39 123 456 7890"}}, "PHONE_NUMBER"),
    ({"customer": {"phone": "196 79 29"}}, "PHONE_NUMBER"),  # Liechtenstein's seven digits
    ({"kunde": {"handynummer": "0176 00000001"}}, "PHONE_NUMBER"),
    ({"contact": {"mobile": "446-1003"}}, "PHONE_NUMBER"),
    ({"phone": "+665 877 8932"}, "PHONE_NUMBER"),  # no such country code: the key says phone
    ({"customer": {"phone": "(555) 010-9999 ext. 12"}}, "PHONE_NUMBER"),
    ({"prompt": "call me at +1 555 123 4567 about the print"}, "PHONE_NUMBER"),
    ({"prompt": "my number is +49 123 4567890"}, "PHONE_NUMBER"),
    ({"prompt": "Telefon: 0049 123 4567890"}, "PHONE_NUMBER"),
    ({"ssn": "987-65-4321"}, "US_SSN"),
    ({"prompt": "SSN: 219-09-9999, engrave it"}, "US_SSN"),
    ({"customer": {"ssn": "27-06212298-1"}}, "NATIONAL_ID"),
    ({"customer": {"social_security_number": "5979230498"}}, "NATIONAL_ID"),
    ({"national_id": "987-65-4321"}, "NATIONAL_ID"),
    ({"cliente": {"dni": "12345678"}}, "NATIONAL_ID"),  # Argentina's and Peru's DNI: eight digits, no check
    ({"nino": "ZZ123456C"}, "UK_NINO"),  # HMRC's examples' prefix, under its key
    ({"prompt": "NI number ZZ 12 34 56 C"}, "UK_NINO"),
]

_CLEAN: list[dict[str, Any]] = [
    {"phone": "N/A"},
    {"phone": "922"},  # a short service number
    {"phone": "0000000"},
    {"mobile_version": "14.2.1.5678"},
    {"phone_case": {"size": "6.1 inch", "sku": "PC-2024-118"}},
    {"prompt": "score +1 555 123 4567 points on the leaderboard poster"},
    {"prompt": "order 987-65-4321 shipped"},
    {"prompt": "code ZZ 12 34 56 C on the crate"},
    {"ssn": "S0L9CU1"},
    {"national_id": "unknown"},
    {"national_id": "123"},
    {"national_holiday": "2024-10-03"},
    {"id_number": "2024-01-01"},
    {"id_number": "ORD-2024-001"},  # a key shops use for their own references: the check decides
    {"ЕГН": "8803121232"},  # a number's own name: its check decides too
    {"seller": {"tax_id": "12-3456789"}},
    {"vat_number": "DE123456789"},
    {"iban": "DE00 0000 0000 0000 0000 00"},
    {"iban": "n/a"},
]


@pytest.mark.parametrize(("params", "entity"), _FOUND)
def test_a_value_in_the_form_its_key_names_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {f.entity for f in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN)
def test_other_values_and_keys_stay_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []
