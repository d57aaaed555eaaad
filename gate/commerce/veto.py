"""Deciding a product save: each new image becomes an ingest event, decided by the one entry point.

Each new gallery entry's bytes are read (`gate.commerce.media`), wrapped in an inline ingest event (what a
producer would have sent to the ingest topic) and decided by `core.flow.evaluate_event_bytes`, exactly as
the streaming worker decides; `core.record.decided_record` later turns each outcome into its decision and
audit records. No HTTP and no Kafka here: the service answers with `answer()`, the sink records.

The save goes on only when every new image is approved as it is. An image the gate approves only after
changing it (metadata stripped, a manifest attached) is refused as well: Commerce would publish the bytes it
holds, not the gate's, so the admin is told to upload a cleaned copy.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pybase64

from gate.assets import AssetFetcher
from gate.commerce.media import MediaReader, MediaUnavailable
from gate.commerce.webhook import MediaEntry, ProductSave, exception, success
from gate.core.audit import identifier
from gate.core.flow import EventOutcome, evaluate_event_bytes
from gate.core.pipeline import Pipeline
from gate.core.policy.model import Outcome
from gate.imaging.formats import sniff_media_type
from gate.model import Verdict
from gate.scanning import warm_up as warm_up_scanner
from gate.worker.assembly import LoadedConfig

EVENT_ID_PREFIX = "commerce:"


@dataclass(frozen=True, slots=True)
class DecidedImage:
    """One new gallery entry and what became of it: an outcome, or why its bytes could not be read."""

    entry: MediaEntry
    event_id: str
    event: bytes = field(default=b"", repr=False)  # the ingest event that was decided (inline image)
    outcome: EventOutcome | None = None
    unavailable: MediaUnavailable | None = None

    @property
    def objection(self) -> str | None:
        """Why this image stops the save (file and codes, never a value), or None when it may go on."""
        label = self.entry.label
        if self.unavailable is not None:
            return f"image {label}: not checked ({self.unavailable.code}: {self.unavailable.detail})"
        assert self.outcome is not None
        decision = self.outcome.decision
        if decision.verdict is not Verdict.APPROVED:
            codes = [
                _reason_text(item.reason.code, item.reason.entity)
                for item in decision.reasons
                if item.outcome is not Outcome.APPROVE
            ] or list(decision.reason_codes)
            return f"image {label}: {decision.verdict.value} ({', '.join(dict.fromkeys(codes))})"
        evaluation = self.outcome.evaluation
        if evaluation is not None and evaluation.output is not None:
            actions = ", ".join(evaluation.actions) or "changed"
            return (
                f"image {label}: approved only after the gate changes it ({actions}); "
                "upload a copy without the flagged metadata"
            )
        return None


def answer(images: list[DecidedImage]) -> bytes:
    """The webhook operation for a save's decided images: success, or an exception naming each objection."""
    objections = [text for image in images if (text := image.objection) is not None]
    if not objections:
        return success()
    return exception("gate: " + "; ".join(objections))


class ProductSaveVeto:
    """Decides the new images of product saves; one pipeline per calling thread, built from loaded bytes."""

    def __init__(
        self, config: LoadedConfig, reader: MediaReader, fetcher: AssetFetcher, *, source: str
    ) -> None:
        self._config = config
        self._reader = reader
        self._fetcher = fetcher
        self._source = source
        self._local = threading.local()

    @property
    def config(self) -> LoadedConfig:
        """The loaded configuration new decisions use."""
        return self._config

    def reload(self, config: LoadedConfig) -> None:
        """Decide with `config` from the next image on (each thread rebuilds its pipeline from it)."""
        self._config = config

    def warm(self) -> None:
        """Build this thread's pipeline and compile the scanner's patterns now (so the first request
        does not pay for them)."""
        self._pipeline()
        warm_up_scanner()

    def decide(self, save: ProductSave) -> list[DecidedImage]:
        """Decide every new image of `save`, in payload order."""
        return [self._decide_one(save, entry) for entry in save.new_media]

    def _decide_one(self, save: ProductSave, entry: MediaEntry) -> DecidedImage:
        try:
            data = self._reader.read(entry)
        except MediaUnavailable as exc:
            return DecidedImage(entry, _event_id(save, entry, b""), unavailable=exc)
        event_id = _event_id(save, entry, data)
        event = ingest_event(event_id, data, source=self._source, sku=save.sku)
        outcome = evaluate_event_bytes(event, self._pipeline(), self._fetcher, fallback_id=event_id)
        return DecidedImage(entry, event_id, event, outcome)

    def _pipeline(self) -> Pipeline:
        config = self._config  # read once: a reload in between must not mix two policies
        if getattr(self._local, "config", None) is not config:
            self._local.pipeline, self._local.config = config.build(), config
        pipeline: Pipeline = self._local.pipeline
        return pipeline


def ingest_event(
    event_id: str, data: bytes, *, source: str, sku: str | None, now: datetime | None = None
) -> bytes:
    """The inline ingest event (schemas/ingest-event.schema.json) for one image of a product save.

    No generation block: Commerce says nothing about how an upload was made, so the policy and the
    provenance check decide from the image (an AI manifest in an undeclared image is its own reason).
    """
    when = (now or datetime.now(UTC)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    context: dict[str, str] = {"store": "commerce"}
    if (kept := identifier(sku)) is not None:  # only an identifier-shaped SKU travels into the event
        context["sku"] = kept
    doc = {
        "event_id": event_id,
        "occurred_at": when,
        "source": source,
        "asset": {
            "media_type": sniff_media_type(data) or "application/octet-stream",
            "data": pybase64.b64encode_as_string(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        },
        "context": context,
    }
    return json.dumps(doc, separators=(",", ":")).encode("utf-8")


def _event_id(save: ProductSave, entry: MediaEntry, data: bytes) -> str:
    """Stable for the same product, entry and bytes (a retried save gets the same id); names nothing."""
    product = save.entity_id or save.sku or ""
    digest = hashlib.sha256(
        b"\0".join([product.encode(), entry.label.encode(), hashlib.sha256(data).digest()])
    ).hexdigest()
    return EVENT_ID_PREFIX + digest[:40]


def _reason_text(code: str, entity: str | None) -> str:
    return f"{code} {entity}" if entity else code
