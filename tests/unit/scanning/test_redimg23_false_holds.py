"""Two readings real image files showed false (redimg22, closed by redimg23), as truth tables.

A Krita icon's palette spells `::9` after an `@`: read as an IPv6 address. The IPv4-compatible addresses of
0.0.0.0/8 (`::/104`, "this network") route to no machine, as `::1` names none; a dotted tail
(`::81.2.69.160`) and every other range still count. A Krita brush's pressure curve
(`0,0;0.413655,0.333333;...`) was read as coordinates: within a degree of (0, 0) is only the Gulf of
Guinea's open sea, so a pair of fractions there is a place only with a cue (a geo key or word).
"""

from __future__ import annotations

import pytest

from gate.scanning.walk import scan_text


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_text(text, path="/t")}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("?@?=>=\\]\\::9", False),
        ("host ::9", False),
        ("server ::a:ff", False),
        ("ip ::ffff", False),
        ("ip ::1:0:0", True),  # 0.1.0.0 upward: past 0.0.0.0/8
        ("host ::81.2.69.160", True),
        ("ip ::ffff:81.2.69.160", True),
        ("host 2001:db8::9", True),
        ("host fe80::9", True),
        ("2a02:1388:1:2::9", True),
    ],
)
def test_this_network_is_no_machine(text: str, found: bool) -> None:
    assert ("IP_ADDRESS" in _entities(text)) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("0,0;0.413655,0.333333;0.674699,0.772125;1,1;", False),
        ("ratio 0.5625,0.75", False),
        ("-0.512345, 0.734567", False),
        ("1.000000,-1.000000", False),
        ("gps 0.413655,0.333333", True),
        ("location 0.512345, 0.734567", True),
        ("48.858300,2.294500", True),
        ("1.123456,0.734567", True),  # past a degree: land (Gabon, São Tomé lie further east)
        ("-0.512345, 1.734567", True),
    ],
)
def test_fractions_near_null_island_need_a_cue(text: str, found: bool) -> None:
    assert ("LOCATION" in _entities(text)) is found


def test_a_geo_key_makes_fractions_a_place() -> None:
    findings = scan_text("0.413655,0.333333", path="/t", context="gps")
    assert {finding.entity for finding in findings} == {"LOCATION"}
