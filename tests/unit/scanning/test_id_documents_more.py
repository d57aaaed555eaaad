"""Documents named in words numbers19 found the document rule could not read (its class): a Bulgarian
identity card, Hindi "पासपोर्ट संख्या", a licence's number by its initials ("DL no.", India's "DL No MH14
..."); their neighbours (a decilitre, a photo's size, a CNH Industrial part) stay clean."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"id_check": text})}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("лична карта № 512345678", True),
        ("पासपोर्ट संख्या Z7654321", True),
        ("DL no. D123-4567-8901", True),
        ("DL # KA01 20190004567", True),
        ("2 dl no sugar 250000 g", False),
        ("лична карта за снимка 3x4", False),
        ("पासपोर्ट फोटो 35x45", False),
        ("CNH 84475455", False),  # a CNH Industrial part
    ],
)
def test_documents_named_in_more_words(text: str, found: bool) -> None:
    assert ("NATIONAL_ID" in _entities(text)) is found
