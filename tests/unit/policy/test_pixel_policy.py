"""The policy's `pixels` section: parsing, schema errors, and which events each scope selects."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.core.policy import PixelCheck, PixelPolicy, PixelScope, load_policy, parse_policy
from gate.errors import ConfigError

RULES = "version: x\nrules:\n  - match: {code: a.b}\n    outcome: quarantine\n"
TEXT = frozenset({PixelCheck.TEXT})
FACES = frozenset({PixelCheck.FACES})
BOTH = TEXT | FACES


def _parse(pixels: str) -> PixelPolicy:
    return parse_policy((RULES + pixels).encode(), origin=Path("p.yaml")).pixels


def test_without_a_section_no_event_gets_pixel_checks() -> None:
    policy = _parse("")
    assert policy == PixelPolicy()
    assert not policy.enabled
    assert policy.checks_for("avatar", True, True) == frozenset()


def test_section_is_parsed() -> None:
    policy = _parse(
        "pixels:\n"
        "  max_side: 640\n"
        "  time_budget_ms: 900\n"
        "  scopes:\n"
        "    - {name: banners, source: personalised-banner, checks: [text]}\n"
        "    - {input_image: true, synthetic: true, checks: [faces, text]}\n"
    )
    assert policy.max_side == 640
    assert policy.time_budget_ms == 900
    assert policy.scopes == (
        PixelScope(checks=TEXT, source=("personalised-banner",), name="banners"),
        PixelScope(checks=BOTH, synthetic=True, input_image=True),
    )


@pytest.mark.parametrize(
    ("section", "fragment"),
    [
        ("pixels:\n  scopes:\n    - {source: avatar}\n", "checks"),
        ("pixels:\n  scopes:\n    - {checks: [ocr]}\n", "/pixels/scopes/0/checks/0"),
        ("pixels:\n  scopes:\n    - {checks: []}\n", "/pixels/scopes/0/checks"),
        ("pixels:\n  scopes:\n    - {checks: [text], colour: red}\n", "/pixels/scopes/0: unexpected"),
        ("pixels:\n  max_side: 10\n", "/pixels/max_side"),
        ("pixels:\n  time_budget_ms: 0\n", "/pixels/time_budget_ms"),
        ("pixels:\n  budget: 5\n", "/pixels: unexpected"),
    ],
)
def test_schema_errors_say_where(section: str, fragment: str) -> None:
    with pytest.raises(ConfigError, match=r"policy\.schema\.json") as caught:
        _parse(section)
    assert fragment in str(caught.value)


SCOPES = PixelPolicy(
    scopes=(
        PixelScope(checks=BOTH, source=("personalised-banner", "avatar")),
        PixelScope(checks=FACES, synthetic=True, input_image=True),
        PixelScope(checks=TEXT, synthetic=False, source=("scan",)),
    )
)


@pytest.mark.parametrize(
    ("source", "synthetic", "input_image", "expected"),
    [
        ("studio-gen", True, False, frozenset()),
        ("studio-gen", True, True, FACES),
        ("studio-gen", None, True, frozenset()),  # undeclared counts as not synthetic
        ("avatar", None, False, BOTH),
        ("personalised-banner", True, True, BOTH),
        ("scan", False, False, TEXT),
        ("scan", None, False, TEXT),
        ("scan", True, False, frozenset()),
        ("scan", True, True, FACES),
    ],
)
def test_scope_truth_table(
    source: str, synthetic: bool | None, input_image: bool, expected: frozenset[PixelCheck]
) -> None:
    assert SCOPES.checks_for(source, synthetic, input_image) == expected


def test_shipped_policy_reads_customer_made_images_and_anything_made_from_an_input_image() -> None:
    pixels = load_policy().pixels
    assert pixels.checks_for("studio-gen", True, False) == frozenset()
    assert pixels.checks_for("photo-studio", False, False) == frozenset()
    assert pixels.checks_for("studio-gen", True, True) == BOTH
    assert pixels.checks_for("cli", True, True) == BOTH
    for source in ("personalised-banner", "avatar", "customer-upload", "customer-photo"):
        assert pixels.checks_for(source, None, False) == BOTH


def test_a_budget_longer_than_the_check_timeout_is_refused() -> None:
    section = "pixels:\n  time_budget_ms: 6000\n  scopes:\n    - {checks: [text]}\n"
    section += "limits: {check_timeout_ms: 5000}\n"
    with pytest.raises(ConfigError, match=r"time_budget_ms \(6000\) is longer than limits\.check_timeout_ms"):
        _parse(section)
    # Without a scope no pixel check runs, so the budget bounds nothing.
    assert (
        _parse("pixels:\n  time_budget_ms: 6000\nlimits: {check_timeout_ms: 5000}\n").time_budget_ms == 6000
    )
