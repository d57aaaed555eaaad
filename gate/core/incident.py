"""The incident document (GDPR Art. 33): the one owner of its shape (`schemas/incident.schema.json`).

An incident opens when personal data is found in an image that was already approved (and so published):
a rescan, a replay or a release decided it again and it no longer passes. The controller has 72 hours from
awareness to notify the supervisory authority (Art. 33(1)); the document pre-fills what Art. 33(3) asks for
from the findings, and lists what to take down. Later records with the same `incident_id` are phased updates
(Art. 33(4)); the newest one per id is the incident's current state.

Never a personal-data value: entity types, JSON pointers, hashes and counts only.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from gate.schemas import schema_errors

SCHEMA = "incident.schema.json"
SCHEMA_ID = "gate.incident/1"
NOTIFY_WITHIN = timedelta(hours=72)

# Art. 33(3)(c): likely consequences, by category of data. Unknown types fall back to the general line.
_CONSEQUENCES = {
    "EMAIL_ADDRESS": "unsolicited contact, phishing and account takeover attempts",
    "PHONE_NUMBER": "unsolicited calls and messages, SIM-swap and social-engineering attempts",
    "IBAN_CODE": "fraudulent direct debits and payment fraud",
    "CREDIT_CARD": "card fraud and financial loss",
    "US_SSN": "identity theft",
    "UK_NINO": "identity theft",
    "DATE_OF_BIRTH": "identity theft when combined with other data",
    "LOCATION": "location of the person, their home or routine; physical-safety risks",
    "IP_ADDRESS": "linking to online activity and approximate location",
    "SESSION_TOKEN": "account takeover while the session is valid",
    "BEHAVIORAL_DATA": "profiling of the person's behaviour",
}
_GENERAL = "identification of the data subject and loss of confidentiality"


@dataclass(frozen=True, slots=True)
class AffectedImage:
    """One approved image found to carry personal data, and where it was published."""

    event_id: str
    sha256: str  # the published bytes' hash (the input's when the gate published it unchanged)
    location: str | None  # the store URI of the published bytes, if the gate stored them
    entities: tuple[str, ...]  # entity types found, never values
    pointers: tuple[str, ...]  # JSON pointers / metadata places where they were found
    approval: Mapping[str, Any]  # topic/partition/offset of the approval this supersedes
    new_verdict: str


def rfc3339(moment: datetime) -> str:
    """`moment` in UTC as RFC 3339 with a `Z`, to the second."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def open_incident(
    affected: Sequence[AffectedImage],
    *,
    aware_at: datetime,
    contact: str,
    found_by: str,
    incident_id: str | None = None,
) -> dict[str, Any]:
    """A new incident document for `affected` (at least one image), aware at `aware_at`."""
    if not affected:
        raise ValueError("an incident needs at least one affected image")
    entities = Counter(e for image in affected for e in set(image.entities))
    doc: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "incident_id": incident_id or f"inc-{aware_at.astimezone(UTC):%Y%m%d}-{uuid.uuid4().hex[:8]}",
        "update": 0,
        "status": "open",
        "found_by": found_by,
        "aware_at": rfc3339(aware_at),
        "deadline": rfc3339(aware_at + NOTIFY_WITHIN),
        "entities": sorted(entities),
        "records": len(affected),
        "notification": {
            "nature": (
                f"Confidentiality breach: {len(affected)} published image(s) approved earlier carry "
                f"personal data ({', '.join(sorted(entities))}) in their metadata or generation "
                f"parameters, found by {found_by}."
            ),
            "categories_of_data": sorted(entities),
            # Each entity occurrence may name a different person: the upper bound, stated as approximate.
            "approximate_data_subjects": sum(len(image.entities) for image in affected),
            "approximate_records": len(affected),
            "likely_consequences": {e: _CONSEQUENCES.get(e, _GENERAL) for e in sorted(entities)},
            "measures_taken": [
                f"{len(affected)} image(s) moved to quarantine, superseding their approval (lineage kept)",
                f"{len(affected)} published location(s) listed for takedown from catalogue and CDN",
            ],
            "contact": contact,
        },
        "takedown": [
            {
                "event_id": image.event_id,
                "sha256": image.sha256,
                "location": image.location,
                "entities": sorted(set(image.entities)),
                "pointers": sorted(set(image.pointers)),
                "supersedes": dict(image.approval),
                "new_verdict": image.new_verdict,
            }
            for image in affected
        ],
        "updates": [],
    }
    check(doc)
    return doc


def phased_update(
    current: Mapping[str, Any], *, at: datetime, note: str, status: str = "open"
) -> dict[str, Any]:
    """The next record for an incident (Art. 33(4)): same id, `update` + 1, the note appended."""
    doc: dict[str, Any] = json.loads(json.dumps(current))
    doc["update"] = int(current["update"]) + 1
    doc["status"] = status
    doc["updates"] = [*current.get("updates", []), {"at": rfc3339(at), "note": note}]
    check(doc)
    return doc


def check(doc: Mapping[str, Any]) -> None:
    """Raise ValueError when `doc` breaks the incident schema."""
    errors = list(schema_errors(SCHEMA, doc))
    if errors:
        raise ValueError("invalid incident document: " + "; ".join(errors))


def encode(doc: Mapping[str, Any]) -> bytes:
    """The record value for the incidents topic."""
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()


def current_incidents(values: Iterable[bytes | None]) -> tuple[dict[str, dict[str, Any]], int]:
    """The newest record per incident id (by `update`), and how many records were not incidents."""
    found: dict[str, dict[str, Any]] = {}
    unreadable = 0
    for value in values:
        try:
            doc = json.loads(value or b"")
            check(doc)
        except ValueError:
            unreadable += 1
            continue
        known = found.get(doc["incident_id"])
        if known is None or int(doc["update"]) >= int(known["update"]):
            found[doc["incident_id"]] = doc
    return found, unreadable


def time_left(doc: Mapping[str, Any], now: datetime) -> timedelta:
    """Time until the incident's deadline (negative once passed)."""
    return datetime.fromisoformat(str(doc["deadline"]).replace("Z", "+00:00")) - now


def earliest_open_deadline(incidents: Iterable[Mapping[str, Any]]) -> datetime | None:
    """The earliest deadline among open incidents, or None when none is open."""
    deadlines = [
        datetime.fromisoformat(str(d["deadline"]).replace("Z", "+00:00"))
        for d in incidents
        if d.get("status") == "open"
    ]
    return min(deadlines) if deadlines else None


def markdown(doc: Mapping[str, Any], now: datetime) -> str:
    """The notification draft for the DPO, as Markdown."""
    n = doc["notification"]
    left = time_left(doc, now)
    lines = [
        f"# Personal data breach {doc['incident_id']} (draft notification, GDPR Art. 33)",
        "",
        f"- Aware at: {doc['aware_at']}",
        f"- Notify the supervisory authority by: {doc['deadline']} ({_format_left(left)})",
        f"- Status: {doc['status']} (update {doc['update']})",
        f"- Found by: {doc['found_by']}",
        "",
        "## Nature of the breach (Art. 33(3)(a))",
        "",
        n["nature"],
        "",
        f"- Categories of personal data: {', '.join(n['categories_of_data'])}",
        f"- Approximate number of data subjects: {n['approximate_data_subjects']}",
        f"- Approximate number of records: {n['approximate_records']}",
        "",
        "## Contact point (Art. 33(3)(b))",
        "",
        n["contact"],
        "",
        "## Likely consequences (Art. 33(3)(c))",
        "",
        *[f"- {entity}: {text}" for entity, text in n["likely_consequences"].items()],
        "",
        "## Measures taken (Art. 33(3)(d))",
        "",
        *[f"- {m}" for m in n["measures_taken"]],
        "",
        "## Takedown list",
        "",
        "| event | sha256 | location | entities |",
        "|---|---|---|---|",
        *[
            f"| {t['event_id']} | {t['sha256']} | {t['location'] or '(inline, no stored copy)'} | "
            f"{', '.join(t['entities'])} |"
            for t in doc["takedown"]
        ],
        "",
        "## Phased updates (Art. 33(4))",
        "",
        *([f"- {u['at']}: {u['note']}" for u in doc["updates"]] or ["- none yet"]),
        "",
    ]
    return "\n".join(lines)


def _format_left(left: timedelta) -> str:
    seconds = int(left.total_seconds())
    if seconds < 0:
        return f"deadline passed {(-seconds) // 3600}h{(-seconds) % 3600 // 60:02d}m ago"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m left"


def format_left(left: timedelta) -> str:
    """Time left as `71h59m left` or `deadline passed 2h05m ago`."""
    return _format_left(left)
