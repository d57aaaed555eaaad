"""A business's own address (its name and legal form, then the address) is no customer's; a customer's
address beside a legal form elsewhere stays found (`location_business`)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

# A shop's footer, imprint or store locator: no finding.
_BUSINESS = (
    "Müller & Söhne KG, Hauptstraße 5, 80331 München",
    "Nordic Wool Oy · Aleksanterinkatu 15, 00100 Helsinki",
    "Acme Widgets LLC, 500 Market St, San Francisco, CA 94105",
    "Tessuti Srl - Via Roma 12, 20121 Milano - P.IVA 01234567890",
    "Zakład Stolarski sp. z o.o., ul. Długa 7, 00-001 Warszawa",
    "Ateliê Sol Ltda. | Rua Augusta 1500, São Paulo",
    "Haus der Kerzen GmbH & Co. KG, Lindenweg 7, 36251 Bad Hersfeld",
    "東京雑貨株式会社 東京都渋谷区神宮前1-2-3",
    "Fjellvev AS, Storgata 12, 0155 Oslo",
)
# A customer's address: the legal form after it, on another line, a county's "Co.", text in capitals.
_CUSTOMER = (
    "please deliver to Bahnhofstrasse 1, 5000 Aarau AG",
    "Unit 4, 12 Smith St, Adelaide SA 5000",
    "ship to: 14 Main Street, Knock, Co. Mayo F12 AB34",
    "Sold by Acme Ltd.\nShip to: 221 Baker Street, London NW1 6XE",
    "SHIP AS SOON AS YOU CAN TO 12 MAIN STREET, SPRINGFIELD, IL 62701",
    "Lieferung an Max Keller, Lindenweg 7, 36251 Bad Hersfeld (bestellt bei Kerzen GmbH)",
)


@pytest.mark.parametrize("value", _BUSINESS)
def test_business_address_is_not_a_finding(value: str) -> None:
    assert "LOCATION" not in {finding.entity for finding in scan_parameters({"footer": value})}


@pytest.mark.parametrize("value", _CUSTOMER)
def test_customer_address_beside_a_legal_form_is_found(value: str) -> None:
    assert "LOCATION" in {finding.entity for finding in scan_parameters({"note": value})}
