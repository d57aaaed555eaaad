"""An IPv4 address after a field's name written into text (the lead's probes, nineteenth session): log
lines and query strings name the address as a key (`client_ip=`, `REMOTE_ADDR`, `x-real-ip:`,
`ipAddress=`), which the cue words ("ip", "addr", "from") did not read inside a compound, and the address
was approved; `source`/`src`/`dst` before it too. Versions and builds stay clean."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

FOUND = [
    "client_ip=81.2.69.160",
    "ip_address: 81.2.69.160",
    "REMOTE_ADDR 81.2.69.160",
    "src_ip=81.2.69.160&dst_port=443",
    "GET /checkout?remote_addr=81.2.69.160",
    "ipAddress=81.2.69.160",
    "srcIp=81.2.69.160",
    "x-real-ip: 81.2.69.160",
    "cf-connecting-ip: 81.2.69.160",
    "source 81.2.69.160",
    "真实IP 81.2.69.160",
    "level=info msg=order placed user_ip=81.2.69.160",
]
CLEAN = [
    "version 1.2.3.4",
    "firmware_version=1.2.3.4",
    "build_id 10.2.3.4",
    "app_version: 2.10.3.41",
    "release-1.2.3.4",
    "zip_code 1.2.3.4",
    "sdk_version_code=4.3.2.1",
    "shipping weight 1.2.3.4 kg",
    "client_ip=192.168.1.1",
]


@pytest.mark.parametrize("text", FOUND)
def test_an_address_after_a_field_name_is_found(text: str) -> None:
    assert "IP_ADDRESS" in {f.entity for f in scan_parameters({"log": text})}


@pytest.mark.parametrize("text", CLEAN)
def test_versions_and_a_routers_own_address_stay_clean(text: str) -> None:
    assert "IP_ADDRESS" not in {f.entity for f in scan_parameters({"log": text})}
