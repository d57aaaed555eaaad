"""The decision core's one entry point for a whole event: raw record bytes (and a fetcher) in, outcome out.

`evaluate_event_bytes` parses, fetches and evaluates; the streaming worker and `gate check --event` call
it, and so must replay, the webhook and backfill. `gate.core.record.decided_record` turns its outcome into
the decision record. `evaluate_image` is the same for bare image bytes (`gate check IMAGE`).

Failures before the checks can run (the event does not parse, the asset cannot be fetched) are decided
by the same policy as everything else, so they too carry the policy's version and sha256.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from gate.assets import AssetFetcher
from gate.core.event import Generation, IngestEvent, parse_event
from gate.core.pipeline import Evaluation, Pipeline
from gate.core.policy import Decision, Subject, decide
from gate.errors import AssetUnavailable, EventInvalid, IdentifierPersonalData
from gate.model import CheckResult, Reason, Status

# `Reason.detail` of an event refused because its event_id or source holds personal data.
IDENTIFIER_DETAIL = "identifier_personal_data"


@dataclass(frozen=True, slots=True)
class EventOutcome:
    """The decision for one event, with the evaluation when the checks ran."""

    event_id: str
    source: str
    decision: Decision
    event: IngestEvent | None = None
    evaluation: Evaluation | None = None
    asset_data: bytes = field(default=b"", repr=False)
    fetch_ms: float = 0.0
    error: str = ""  # value-free description of an event or asset failure, for the CLI and logs
    # Whether an unparsed event's raw bytes may be kept in its decision (not when they were read and
    # refused for personal data in an identifier).
    keep_raw: bool = True

    @property
    def asset_size(self) -> int:
        """Size of the fetched asset in bytes (0 when it could not be fetched)."""
        return len(self.asset_data)

    @property
    def inline_input(self) -> bool:
        """Whether the asset arrived inside the event (then published bytes go back inline)."""
        return self.event is not None and self.event.asset.data is not None


def evaluate_event_bytes(
    raw: bytes | None,
    pipeline: Pipeline,
    fetcher: AssetFetcher,
    *,
    fallback_id: str,
    for_release: bool = False,
) -> EventOutcome:
    """Parse `raw` as an ingest event, fetch its asset and evaluate it. Never raises for bad input
    (except, `for_release`, a remediation the release needs that fails: see `Pipeline.evaluate`)."""
    try:
        event = parse_event(raw)
    except IdentifierPersonalData as exc:
        # The event parsed, but its id or source must not be used: the record is named by `fallback_id`
        # (the caller's, never the refused id) and its raw bytes are not copied into the decision.
        reason = Reason(
            code="event.invalid",
            entity=exc.entity,
            path=exc.path,
            check="event",
            detail=IDENTIFIER_DETAIL,
        )
        decision = _decide_early(reason, pipeline, Subject())
        return EventOutcome(fallback_id, "unknown", decision, error=str(exc), keep_raw=False)
    except EventInvalid as exc:
        reason = Reason(code="event.invalid", check="event")
        return EventOutcome(
            fallback_id, "unknown", _decide_early(reason, pipeline, Subject()), error=str(exc)
        )
    return evaluate_event(event, pipeline, fetcher, for_release=for_release)


def evaluate_event(
    event: IngestEvent, pipeline: Pipeline, fetcher: AssetFetcher, *, for_release: bool = False
) -> EventOutcome:
    """Fetch the asset of a parsed event and evaluate it."""
    subject = Subject(source=event.source, synthetic=event.synthetic)
    started = time.perf_counter()
    try:
        asset = fetcher.fetch(event.asset)
    except AssetUnavailable as exc:
        reason = Reason(code="asset.unavailable", path="/asset", check="fetch")
        decision = _decide_early(reason, pipeline, subject)
        return EventOutcome(event.event_id, event.source, decision, event=event, error=str(exc))
    fetch_ms = (time.perf_counter() - started) * 1000.0
    evaluation = pipeline.evaluate_event(event, asset, for_release=for_release)
    return EventOutcome(
        event.event_id,
        event.source,
        evaluation.decision,
        event=event,
        evaluation=evaluation,
        asset_data=asset.data,
        fetch_ms=fetch_ms,
    )


def evaluate_image(
    data: bytes,
    pipeline: Pipeline,
    *,
    event_id: str,
    source: str,
    declared_media_type: str | None = None,
    synthetic: bool | None = None,
    generation: Generation | None = None,
) -> EventOutcome:
    """Evaluate bare image bytes with what the caller declares about them (`gate check IMAGE`)."""
    evaluation = pipeline.evaluate(
        data,
        declared_media_type=declared_media_type,
        source=source,
        synthetic=synthetic,
        generation=generation,
    )
    return EventOutcome(event_id, source, evaluation.decision, evaluation=evaluation, asset_data=data)


def _decide_early(reason: Reason, pipeline: Pipeline, subject: Subject) -> Decision:
    result = CheckResult(check=reason.check or "event", version="1", status=Status.FAIL, reasons=(reason,))
    return decide([result], pipeline.policy, subject)
