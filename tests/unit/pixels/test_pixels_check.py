"""The pixel check on its own and inside the pipeline under the shipped policy."""

from __future__ import annotations

from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

from gate.core.checks.base import CheckContext, run_check
from gate.core.checks.pixels import PixelsCheck
from gate.core.event import Generation
from gate.core.pipeline import Pipeline
from gate.core.policy import PixelCheck, PixelPolicy, PixelScope, load_policy
from gate.demo.images import jpeg_bytes, parcel_banner, product_image
from gate.imaging import probe
from gate.model import Reason, Status, Verdict
from gate.provenance import Verifier
from tests.unhurried import UNHURRIED_MS, unhurried
from tests.unit.pixels.images import astronaut_jpeg, text_image

ALL = frozenset(PixelCheck)
# Time budget far above any machine stall: these tests are about findings (the budget has its own test).
BANNERS = PixelPolicy(
    scopes=(PixelScope(checks=ALL, source=("personalised-banner",)),), time_budget_ms=UNHURRIED_MS
)
INPUT_IMAGE = {"prompt": "the customer as an astronaut", "init_image": "s3://uploads/7.jpg"}
TEXT_ONLY = {"prompt": "an astronaut portrait"}


def _context(data: bytes, source: str = "personalised-banner", parameters: Any = None) -> CheckContext:
    generation = None if parameters is None else Generation(synthetic=True, parameters=parameters)
    return CheckContext(
        data=data,
        declared_media_type="image/jpeg",
        source=source,
        synthetic=True,
        generation=generation,
        probe=probe(data),
    )


def test_address_on_a_parcel_is_personal_data_by_region_never_by_value() -> None:
    data = jpeg_bytes(parcel_banner(label=("Jane Doe", "12 Baker Street", "jane.doe@example.com")))
    outcome = run_check(PixelsCheck(BANNERS), _context(data))
    assert outcome.status is Status.FAIL
    assert {(r.code, r.entity, r.path) for r in outcome.reasons} == {
        ("pixels.personal_data", "PERSON", "/pixels/text/0"),
        ("pixels.personal_data", "LOCATION", "/pixels/text/1"),
        ("pixels.personal_data", "EMAIL_ADDRESS", "/pixels/text/2"),
    }
    recorded = repr(outcome)
    for value in ("Jane", "Baker", "example.com"):
        assert value not in recorded
    assert outcome.facts["text_lines"] == 3


def test_a_product_label_without_personal_data_passes() -> None:
    data = jpeg_bytes(text_image(("SUMMER SALE", "-30% on all bags", "Free returns")))
    outcome = run_check(PixelsCheck(BANNERS), _context(data))
    assert outcome.status is Status.PASS, outcome.reasons
    assert outcome.facts["text_lines"] >= 2


def test_a_name_split_over_two_lines_is_found_on_the_first() -> None:
    data = jpeg_bytes(text_image(("Deliver to: Jane", "Doe, 4th floor"), font_px=30))
    outcome = run_check(PixelsCheck(BANNERS), _context(data))
    assert ("pixels.personal_data", "PERSON", "/pixels/text/0") in {
        (r.code, r.entity, r.path) for r in outcome.reasons
    }


@pytest.mark.parametrize(
    ("source", "parameters", "detail"),
    [
        ("personalised-banner", TEXT_ONLY, "no_input_image"),
        ("personalised-banner", INPUT_IMAGE, "input_image"),
    ],
)
def test_a_face_is_reported_with_whether_an_input_image_was_used(
    source: str, parameters: Any, detail: str
) -> None:
    outcome = run_check(PixelsCheck(BANNERS), _context(astronaut_jpeg(), source, parameters))
    faces = [r for r in outcome.reasons if r.code == "pixels.face"]
    assert faces == [Reason(code="pixels.face", path="/pixels/faces/0", check="pixels", detail=detail)]


def test_skipped_where_no_scope_matches() -> None:
    outcome = run_check(PixelsCheck(BANNERS), _context(astronaut_jpeg(), source="studio-gen"))
    assert outcome.status is Status.SKIPPED


def test_only_the_checks_a_scope_names_run() -> None:
    faces_only = PixelPolicy(
        scopes=(PixelScope(checks=frozenset({PixelCheck.FACES})),), time_budget_ms=UNHURRIED_MS
    )
    data = jpeg_bytes(parcel_banner())
    outcome = run_check(PixelsCheck(faces_only), _context(data))
    assert outcome.status is Status.PASS
    assert "text_lines" not in outcome.facts


def test_a_spent_budget_fails_closed() -> None:
    tight = PixelPolicy(scopes=BANNERS.scopes, time_budget_ms=1)
    data = jpeg_bytes(product_image(2400, 1600, seed=3))
    outcome = run_check(PixelsCheck(tight), _context(data))
    assert outcome.status is Status.ERROR
    assert [r.code for r in outcome.reasons] == ["gate.timeout"]


def test_a_downscaled_image_is_what_the_models_see() -> None:
    # The shipped 3 s budget, on a loaded machine, ran out once: a timeout has no facts (KeyError).
    small = PixelPolicy(scopes=BANNERS.scopes, max_side=400, time_budget_ms=UNHURRIED_MS)
    outcome = run_check(PixelsCheck(small), _context(jpeg_bytes(product_image(1600, 1200, seed=3))))
    assert outcome.status is Status.PASS, outcome.reasons
    assert outcome.facts["scaled_to"] == [400, 300]


# The shipped policy, end to end: (source, parameters, image) -> verdict and the rule that decided.
@pytest.fixture(scope="module")
def gate() -> Pipeline:
    return Pipeline(unhurried(load_policy()), Verifier.create(None))


@pytest.mark.parametrize(
    ("source", "parameters", "image", "rule"),
    [
        ("studio-gen", TEXT_ONLY, "face", None),  # product source, text-to-image: not read
        ("studio-gen", INPUT_IMAGE, "face", "face-from-input-image"),  # input image: read anywhere
        ("personalised-banner", TEXT_ONLY, "face", "face-recorded"),  # a generated face: recorded
        ("personalised-banner", INPUT_IMAGE, "face", "face-from-input-image"),
        ("avatar", TEXT_ONLY, "face", "face-on-personal-source"),
        ("customer-upload", None, "face", "face-on-personal-source"),
        ("personalised-banner", TEXT_ONLY, "parcel", "personal-data"),
        ("studio-gen", TEXT_ONLY, "parcel", None),
        ("cli", INPUT_IMAGE, "parcel", "personal-data"),  # `gate check --synthetic --params` too
    ],
)
def test_shipped_policy(gate: Pipeline, source: str, parameters: Any, image: str, rule: str | None) -> None:
    data = astronaut_jpeg() if image == "face" else jpeg_bytes(parcel_banner())
    generation = Generation(synthetic=True, parameters=parameters) if parameters is not None else None
    evaluation = gate.evaluate(data, source=source, synthetic=True, generation=generation)
    pixel_rules = {d.rule for d in evaluation.decision.reasons if d.reason.code.startswith("pixels.")}
    assert pixel_rules == ({rule} if rule else set())
    if rule == "face-recorded":
        decided = [d for d in evaluation.decision.reasons if d.reason.code == "pixels.face"]
        assert decided[0].outcome.value == "approve"
    elif rule is not None:
        assert evaluation.verdict is Verdict.QUARANTINED


def test_a_page_of_dense_text_is_interrupted_by_the_check_timeout_and_fails_closed() -> None:
    page = Image.new("RGB", (1280, 1280), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=11)
    for y in range(0, 1280, 13):
        for x in range(0, 1280, 160):
            draw.text((x, y), f"Item {x}{y} qty 3", fill="black", font=font)
    data = jpeg_bytes(page)
    # The recogniser works in batches and returns to Python between them, where SIGALRM lands.
    outcome = run_check(PixelsCheck(BANNERS), _context(data), timeout_s=1.0)
    assert outcome.status is Status.ERROR
    assert [r.code for r in outcome.reasons] == ["gate.timeout"]
