"""A copyright's holder named after "by" is a person (redimg13: a digiKam IPTC caption "Copyright (C) 2011
by Francesco Riosa" was approved and published): "by" names a public artist's style only where no
copyright stands before it (detectors/person_patterns.py `style_reference`)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Copyright (C) 2011 by Francesco Riosa", True),
        ("Copyright 2011-2014 by Anna Kowalska", True),
        ("© 2020 by Maria Garcia, all rights reserved", True),
        ("Photo (c) 2019 by Tomasz Nowak", True),
        ("Copyright by Katarzyna Wiśniewska", True),
        ("watercolour poster, art by Alphonse Mucha", False),
        ("in the style of Greg Rutkowski, by Greg Rutkowski", False),
        ("Copyright 2019 by Adobe Systems Incorporated", False),
        ("(c) 2024 by Shutterstock, licensed", False),
    ],
)
def test_a_copyright_holder_after_by_is_a_person(text: str, person: bool) -> None:
    assert ("PERSON" in {f.entity for f in scan_parameters({"caption": text})}) is person
