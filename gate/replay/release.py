"""`gate quarantine release`: a reviewer's final decision for one quarantined event.

The original event is read back (inline or from the ingest topic, as a replay reads it). Its declaration
gives the release's audit record the model it declared, like every other audit record. When a synthetic
image without a trusted manifest is approved, its bytes are decided again with the remediations an
approval needs (a manifest attached by the configured signer; see `Pipeline.evaluate(for_release=True)`)
and published as an approval's; without a signer that approval is refused, never published unmarked.
The record itself is built by `gate.core.record.released_record`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from gate.core.event import IngestEvent, parse_event
from gate.core.flow import EventOutcome
from gate.core.record import InboundRecord, RoutedRecord, released_record
from gate.core.remediate import RemediationFailed
from gate.core.review import ReleasedBytes, Review, needs_manifest, release_refusal
from gate.errors import EventInvalid, GateError
from gate.model import Verdict
from gate.provenance.tsa import TimestampUnavailable
from gate.replay.history import StoredDecision
from gate.replay.shown import shown_id

# Decides an original again for a release and publishes its bytes: (outcome, the record's `asset.output`).
Publish = Callable[[InboundRecord], tuple[EventOutcome, Mapping[str, Any] | None]]


class ReleaseRefused(GateError):
    """A release the rules do not allow; the message says why and what to do instead."""


def declared_event(original: InboundRecord) -> IngestEvent | None:
    """The original event as parsed, or None when it does not parse (its decision says why)."""
    try:
        return parse_event(original.value)
    except EventInvalid:
        return None


def check_release(current: StoredDecision, to: Verdict) -> None:
    """Refuse, before the original is read, what nothing in it could change (the decision is not a
    quarantine, or a reason says the file is broken). Raises ReleaseRefused."""
    refused = release_refusal(current.doc, to, can_sign=True)
    if refused and current.verdict != Verdict.QUARANTINED.value:
        raise ReleaseRefused(f"{refused} ({_how_decided(current)}); {_what_to_do(current)}")
    if refused:
        raise ReleaseRefused(refused)


def _how_decided(current: StoredDecision) -> str:
    """Who or what made the current decision, and when (a reviewer's handle was checked free of personal
    data before it was written)."""
    at = f"{current.decided_at:%Y-%m-%dT%H:%M:%SZ}"
    review = current.doc.get("review") or {}
    if review.get("reviewer"):
        return f"released by {review['reviewer']} at {at}"
    if current.replay_job:
        return f"decided by replay job {current.replay_job} at {at}"
    return f"decided by the gate at {at}"


def _what_to_do(current: StoredDecision) -> str:
    shown = shown_id(current.event_id)
    again = f"gate replay --mode reevaluate --force --event-id {shown}"
    return f"`gate quarantine show {shown}` shows its history; to have it decided again: `{again}`"


def release(
    current: StoredDecision,
    original: InboundRecord,
    *,
    to: Verdict,
    review: Review,
    can_sign: bool,
    publish: Publish | None,
) -> RoutedRecord:
    """The released record for `current` (a quarantined decision) and its original event.

    Raises ReleaseRefused when the release is not allowed, or when the manifest an approval needs could
    not be attached (nothing is written then).
    """
    event = declared_event(original)
    synthetic = event.synthetic if event is not None else None
    refused = release_refusal(current.doc, to, synthetic=synthetic, can_sign=can_sign and publish is not None)
    if refused:
        raise ReleaseRefused(refused)
    published = None
    if to is Verdict.APPROVED and needs_manifest(current.doc, synthetic):
        assert publish is not None  # release_refusal refuses without a signer
        published = _published(
            original, publish, reviewed=str((current.doc.get("asset") or {}).get("sha256"))
        )
    return released_record(
        current.doc,
        to=to,
        review=review,
        key=current.record.key or current.event_id.encode(),
        headers=current.record.headers,
        event=event,
        published=published,
    )


def _published(original: InboundRecord, publish: Publish, *, reviewed: str) -> ReleasedBytes:
    """The original's bytes with the gate's manifest attached, published; refused when that fails, or when
    the bytes read now are not those the quarantined decision (`reviewed`: their sha256) was about."""
    try:
        outcome, output = publish(original)
    except (RemediationFailed, TimestampUnavailable) as exc:
        raise ReleaseRefused(f"approval refused: the gate could not attach its manifest ({exc})") from None
    evaluation = outcome.evaluation
    if evaluation is not None and evaluation.sha256 != reviewed:
        # The event names its image by URI and the file there changed since it was quarantined: signing
        # it would publish bytes nobody decided or reviewed. (Nothing is written; a stored copy is orphaned.)
        raise ReleaseRefused(
            f"approval refused: the image the event names is not the one that was quarantined (sha256 "
            f"{evaluation.sha256[:12]}..., quarantined {reviewed[:12]}...); it changed at its URI since. "
            "Decide the new bytes first (gate replay --mode reevaluate --event-id ID), then review them"
        )
    if evaluation is not None and "manifest.attached" not in evaluation.actions:
        facts = next((r.facts for r in evaluation.results if r.check == "provenance"), {})
        if facts.get("state") == "trusted":
            # E.g. a worker timed out before its decision could say so: that decision is what is released.
            raise ReleaseRefused(
                "approval refused: the image carries a trusted manifest that its quarantined decision does "
                "not show; replay it (gate replay --mode reevaluate --event-id ID) so its decision says so"
            )
    if evaluation is None or output is None or "manifest.attached" not in evaluation.actions:
        why = outcome.error or "the image was not signed"
        raise ReleaseRefused(f"approval refused: the gate could not attach its manifest ({why})")
    return ReleasedBytes(output=output, actions=evaluation.actions)
