"""A UUID is no phone number, whichever of its groups starts with `00` (redimg16: Adobe's
`xmp.did:c7f0939d-8a60-0049-9484-841e...` held a real Photoshop PNG as +49 9484 841); a number written
with dashes outside a UUID still is one."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


@pytest.mark.parametrize(
    "text",
    [
        "xmp.did:c7f0939d-8a60-0049-9484-841e2a3b4c5d",
        "uuid:c7f0939d-0049-1512-9484-841e2a3b4c5d",
        "c7f0939d-8a60-4c1e-0044-207946000123",
        "urn:uuid:00491512-3456-4789-8123-456789012345",
        "xmp.iid:f2d1c3b4-0033-1234-5678-9abcdef01234",
    ],
)
def test_a_uuid_is_no_phone_number(text: str) -> None:
    assert "PHONE_NUMBER" not in {f.entity for f in scan_parameters({"DocumentID": text})}


@pytest.mark.parametrize("text", ["id 0049-9484-8412", "call 0049 151 23456789", "tel. 0044-20-7946-0123"])
def test_a_number_outside_a_uuid_is_found(text: str) -> None:
    assert "PHONE_NUMBER" in {f.entity for f in scan_parameters({"note": text})}
