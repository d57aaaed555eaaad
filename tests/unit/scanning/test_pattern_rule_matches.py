"""A validated rule reads every match of its pattern, the first one found by a search and the rest from
where it ended (`PatternDetector.detect`), as one finditer over the text would."""

from __future__ import annotations

import re

import pytest

from gate.scanning.detectors.base import HAS_DIGIT, PatternDetector, PatternRule, Text


def _accepting(wanted: str) -> PatternDetector:
    def validate(match: re.Match[str], text: Text) -> bool:
        return match.group() == wanted

    return PatternDetector(
        entity="X",
        needs=HAS_DIGIT,
        rules=(PatternRule("x.rule", re.compile(r"\d*"), validate=validate),),
    )


@pytest.mark.parametrize(
    ("text", "wanted", "found"),
    [
        ("12 34 56", "12", True),  # the first match
        ("12 34 56", "56", True),  # a later one
        ("12 34 56", "3", False),  # no match is it (the matches are whole runs)
        ("a 7", "7", True),  # after an empty first match
        ("a 7", "", True),  # the empty first match itself
    ],
)
def test_every_match_is_validated_once_in_order(text: str, wanted: str, found: bool) -> None:
    detector = _accepting(wanted)
    assert (detector.detect(Text(text, 0)) is not None) is found
