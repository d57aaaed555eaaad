"""`gate quarantine release` logic without a broker: refusals, the manifest an approval needs, the model in
the release's audit record. The publisher is a stand-in here; the integration tests sign for real."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gate.core.flow import EventOutcome
from gate.core.policy import Decision
from gate.core.record import InboundRecord, encode_json
from gate.core.remediate import RemediationFailed
from gate.core.review import Review
from gate.model import PolicyRef, Verdict
from gate.replay.history import StoredDecision, StoredRecord, parse_decision
from gate.replay.release import ReleaseRefused, declared_event, release

REVIEW = Review(reviewer="rev-1", note="accepted", at="2026-12-05T03:00:00Z")
MODEL = {"provider": "acme-ai", "name": "pixelgen", "version": "3.1.0"}
OUTPUT = {"sha256": "c" * 64, "media_type": "image/jpeg", "size": 10, "store": "file:///s/synthetic/c.jpg"}


def _event(synthetic: bool) -> bytes:
    doc: dict[str, Any] = {
        "event_id": "e1",
        "occurred_at": "2026-12-05T00:00:00Z",
        "source": "studio",
        "asset": {"uri": "file:///x.jpg", "media_type": "image/jpeg", "sha256": "a" * 64},
        "generation": {"synthetic": synthetic, **({"model": MODEL} if synthetic else {})},
    }
    return json.dumps(doc).encode()


ORIGINAL = InboundRecord("ingest", 0, 3, b"e1", _event(True))


def _quarantined(state: str | None = "absent") -> StoredDecision:
    doc: dict[str, Any] = {
        "schema": "gate.decision/1",
        "event_id": "e1",
        "source": "studio",
        "verdict": "quarantined",
        "reasons": [{"code": "provenance.missing", "check": "provenance", "outcome": "quarantine"}],
        "actions": [],
        # The declaration was scanned and found clean: the release's audit may repeat the model.
        "checks": [
            {"check": "parameters", "version": "2", "status": "pass"},
            {"check": "provenance", "version": "1", "status": "fail"},
        ],
        "policy": {"version": "v1", "sha256": "a" * 64},
        "asset": {"sha256": "a" * 64, "media_type": "image/jpeg", "size": 10},
        "input": {"topic": "ingest", "partition": 0, "offset": 3},
    }
    if state is not None:
        doc["provenance"] = {
            "state": state,
            "ai_generated": False,
            "digital_source_type": None,
            "status_codes": [],
        }
    parsed = parse_decision(StoredRecord("q", 0, 1, b"e1", encode_json(doc), (), 1))
    assert parsed is not None
    return parsed


def _outcome(actions: tuple[str, ...]) -> EventOutcome:
    from gate.core.pipeline import Evaluation  # noqa: PLC0415

    decision = Decision(Verdict.QUARANTINED, (), (), PolicyRef("v1", "a" * 64))
    evaluation = Evaluation(decision, (), actions, "a" * 64, "image/jpeg", b"signed", 1.0)
    return EventOutcome("e1", "studio", decision, evaluation=evaluation)


def test_an_approval_publishes_the_signed_bytes_and_audits_the_declared_model() -> None:
    calls: list[InboundRecord] = []

    def publish(original: InboundRecord) -> tuple[EventOutcome, dict[str, Any]]:
        calls.append(original)
        return _outcome(("manifest.attached",)), OUTPUT

    record = release(
        _quarantined(), ORIGINAL, to=Verdict.APPROVED, review=REVIEW, can_sign=True, publish=publish
    )
    doc = record.document
    assert (
        calls == [ORIGINAL] and doc["asset"]["output"] == OUTPUT and doc["actions"] == ["manifest.attached"]
    )
    audit = json.loads(record.audit)
    assert audit["model"] == MODEL and audit["synthetic"] is True
    assert audit["asset"]["published_sha256"] == OUTPUT["sha256"]


@pytest.mark.parametrize("to", [Verdict.APPROVED, Verdict.REJECTED])
def test_a_release_that_needs_no_manifest_publishes_nothing_and_still_audits_the_model(to: Verdict) -> None:
    def publish(original: InboundRecord) -> tuple[EventOutcome, dict[str, Any]]:
        raise AssertionError("nothing to sign")

    trusted = _quarantined("trusted")
    for current, can_sign in ((trusted, False), (_quarantined(), True)):
        if to is Verdict.APPROVED and current is not trusted:
            continue  # covered above
        record = release(current, ORIGINAL, to=to, review=REVIEW, can_sign=can_sign, publish=publish)
        assert "output" not in record.document["asset"] and json.loads(record.audit)["model"] == MODEL


def test_without_a_signer_an_unmarked_synthetic_image_is_not_approved() -> None:
    with pytest.raises(ReleaseRefused, match="no signer is configured"):
        release(_quarantined(), ORIGINAL, to=Verdict.APPROVED, review=REVIEW, can_sign=False, publish=None)
    with pytest.raises(ReleaseRefused, match="does not trust"):
        release(
            _quarantined("untrusted"),
            ORIGINAL,
            to=Verdict.APPROVED,
            review=REVIEW,
            can_sign=True,
            publish=None,
        )


@pytest.mark.parametrize(
    "publish_result",
    [
        RemediationFailed("the declared generation was not scanned"),
        (_outcome(()), OUTPUT),  # evaluated, but nothing attached
        (_outcome(("manifest.attached",)), None),  # signed, but not published
        (
            EventOutcome(
                "e1",
                "studio",
                Decision(Verdict.QUARANTINED, (), (), PolicyRef("v", "a" * 64)),
                error="asset gone",
            ),
            None,
        ),
    ],
)
def test_a_manifest_that_could_not_be_attached_refuses_the_approval(publish_result: Any) -> None:
    def publish(original: InboundRecord) -> Any:
        if isinstance(publish_result, Exception):
            raise publish_result
        return publish_result

    with pytest.raises(ReleaseRefused, match="could not attach its manifest"):
        release(_quarantined(), ORIGINAL, to=Verdict.APPROVED, review=REVIEW, can_sign=True, publish=publish)


def test_the_declaration_is_read_from_the_original_and_a_broken_one_is_none() -> None:
    event = declared_event(ORIGINAL)
    assert event is not None and event.synthetic is True
    assert declared_event(InboundRecord("ingest", 0, 0, b"e1", b"not json")) is None
    real = declared_event(InboundRecord("ingest", 0, 0, b"e1", _event(False)))
    assert real is not None and real.synthetic is False
    # A real photo needs no manifest to be approved, with or without a signer.
    record = release(
        _quarantined(),
        InboundRecord("ingest", 0, 3, b"e1", _event(False)),
        to=Verdict.APPROVED,
        review=REVIEW,
        can_sign=False,
        publish=None,
    )
    assert record.verdict is Verdict.APPROVED and json.loads(record.audit)["model"] is None


def test_a_trusted_manifest_the_quarantined_decision_did_not_show_sends_the_reviewer_to_replay() -> None:
    from gate.core.pipeline import Evaluation  # noqa: PLC0415
    from gate.model import CheckResult, Status  # noqa: PLC0415

    decision = Decision(Verdict.APPROVED, (), (), PolicyRef("v1", "a" * 64))
    provenance = CheckResult("provenance", "1", Status.PASS, (), facts={"state": "trusted"})
    evaluation = Evaluation(decision, (provenance,), (), "a" * 64, "image/jpeg", None, 1.0)

    def publish(original: InboundRecord) -> Any:
        return EventOutcome("e1", "studio", decision, evaluation=evaluation), None

    timed_out = _quarantined(None)  # a failure record: it says nothing about the manifest
    with pytest.raises(ReleaseRefused, match="replay it"):
        release(timed_out, ORIGINAL, to=Verdict.APPROVED, review=REVIEW, can_sign=True, publish=publish)
