"""Ingest events: parsed from bytes and validated against schemas/ingest-event.schema.json."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gate.assets import AssetRef
from gate.errors import EventInvalid, IdentifierPersonalData
from gate.scanning.identifiers import identifier_findings
from gate.scanning.strict_json import (
    DuplicateKeyError,
    NonFiniteNumberError,
    NumberTooLongError,
    UnpairedSurrogateError,
    loads,
)
from gate.schemas import INGEST_EVENT, schema_errors

MAX_EVENT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """Which model made the image, as the producer declares it."""

    name: str | None = None
    version: str | None = None
    provider: str | None = None


@dataclass(frozen=True, slots=True)
class Generation:
    """The producer's declaration about how the image was made."""

    synthetic: bool
    model: ModelInfo = field(default_factory=ModelInfo)
    parameters: Any = None
    training_data_sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """One validated ingest event; `asset` is parsed into a typed reference here, at the boundary."""

    event_id: str
    occurred_at: str
    source: str
    asset: AssetRef
    generation: Generation | None = None
    context: Mapping[str, Any] = field(default_factory=dict)

    @property
    def synthetic(self) -> bool | None:
        """True/False when declared, None when the event says nothing."""
        return None if self.generation is None else self.generation.synthetic


def parse_event(raw: bytes | None) -> IngestEvent:
    """Parse and validate an ingest event. Raises EventInvalid with a value-free message, also for an
    object that repeats a key (named by its pointer)."""
    if not raw:
        raise EventInvalid("empty record value: expected a JSON ingest event")
    if len(raw) > MAX_EVENT_BYTES:
        raise EventInvalid(f"event is larger than {MAX_EVENT_BYTES} bytes")
    try:
        doc = loads(raw)
    except DuplicateKeyError as exc:
        # Readers disagree on which of two values counts; the gate scans one, so it reads neither.
        raise EventInvalid(f"{exc}; send each key once per object") from exc
    except NonFiniteNumberError as exc:
        raise EventInvalid(f"{exc}, which JSON does not allow; send a number or null") from exc
    except UnpairedSurrogateError as exc:
        raise EventInvalid(f"{exc}; send the character itself or its escape pair") from exc
    except NumberTooLongError as exc:
        raise EventInvalid(f"{exc}; send an identifier this long as a string") from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise EventInvalid(f"value is not UTF-8 JSON: {json_syntax_detail(exc)}") from exc
    except RecursionError as exc:
        raise EventInvalid("value is JSON nested too deeply to parse") from exc
    return event_from_json(doc)


def json_syntax_detail(exc: ValueError) -> str:
    """Where and why text is not JSON, without quoting it: the parser's own message and the position
    (`Expecting ',' delimiter at line 3, column 14`), or the first byte that is not UTF-8."""
    if isinstance(exc, UnicodeDecodeError):
        return f"byte {exc.start} cannot be read as {exc.encoding.upper()} text ({exc.reason})"
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
    return exc.__class__.__name__


def event_from_json(doc: Any) -> IngestEvent:
    """Build an IngestEvent from an already-parsed JSON value, validating it first.

    `event_id` and `source` are scanned like any value: one that holds personal data raises
    `IdentifierPersonalData` (an EventInvalid naming the field and the entity type)."""
    try:
        problems = schema_errors(INGEST_EVENT, doc)
    except RecursionError as exc:
        raise EventInvalid("event is nested too deeply to validate") from exc
    if problems:
        raise EventInvalid("event does not match ingest-event.schema.json: " + "; ".join(problems))
    for name in ("event_id", "source"):
        found = identifier_findings(doc[name], path=f"/{name}")
        if found:
            raise IdentifierPersonalData(found[0].path, found[0].entity)
    generation = doc.get("generation")
    return IngestEvent(
        event_id=doc["event_id"],
        occurred_at=doc["occurred_at"],
        source=doc["source"],
        asset=AssetRef.from_json(doc["asset"]),
        generation=_generation(generation) if generation is not None else None,
        context=doc.get("context", {}),
    )


def _generation(doc: Mapping[str, Any]) -> Generation:
    model = doc.get("model", {})
    return Generation(
        synthetic=bool(doc["synthetic"]),
        model=ModelInfo(name=model.get("name"), version=model.get("version"), provider=model.get("provider")),
        parameters=doc.get("parameters"),
        training_data_sources=tuple(doc.get("training_data_sources", ())),
    )
