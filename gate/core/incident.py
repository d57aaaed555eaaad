"""The incident document (GDPR Art. 33): the one owner of its shape (`schemas/incident.schema.json`).

An incident opens when personal data is found in an image that was already approved (and so published):
a rescan, a replay or a release decided it again and it no longer passes. The controller has 72 hours from
awareness to notify the supervisory authority (Art. 33(1)); the document pre-fills what Art. 33(3) asks for
from the findings, and lists what to take down. Later records with the same `incident_id` are phased updates
(Art. 33(4)), each the whole document again with `update` + 1 and one more entry in `updates` (the history);
the newest one per id is the incident's current state. `open` means the clock runs; `notified` (the
authority was told, supplementary information may follow) and `closed` (final) no longer count as open.

Never a personal-data value: entity types, JSON pointers, hashes and counts only.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from gate.errors import GateError
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
    "DEVICE_ID": "tracking of the person across apps and sites through their device",
    "TRACKING_ID": "following the person's visits and purchases across sites and ad platforms (profiling)",
    "NATIONAL_ID": "identity theft and linking of records across services",
    "CUSTOMER_ID": "linking the image to the customer's account and records",
    "HEALTH_DATA": "disclosure of the person's health (special category, Art. 9): discrimination, distress",
    "RELIGIOUS_BELIEF": "disclosure of the person's religion (special category, Art. 9): "
    "discrimination, hostility",
    "SEXUAL_ORIENTATION": "disclosure of the person's sexual orientation (special category, Art. 9): "
    "outing, discrimination, harassment",
    "POLITICAL_OPINION": "disclosure of the person's political opinions (special category, Art. 9): "
    "discrimination, retaliation",
    "TRADE_UNION_MEMBERSHIP": "disclosure of the person's trade-union membership (special category, Art. 9): "
    "retaliation by employers",
    "ETHNIC_ORIGIN": "disclosure of the person's racial or ethnic origin (special category, Art. 9): "
    "discrimination",
    "CRIMINAL_CONVICTION": "disclosure of the person's criminal convictions or offences (Art. 10): "
    "stigma, exclusion from work and housing",
    "BIOMETRIC_DATA": "the person's biometric identifier (special category, Art. 9): impersonation and "
    "identification everywhere their face, voice or fingerprint is seen; it cannot be changed",
    "SOCIAL_HANDLE": "unsolicited contact, harassment and profiling through the person's social account",
    "USER_ACCOUNT": "linking the image to the person's computer account, whose name often spells theirs",
    "BANK_ACCOUNT": "fraudulent debits and payment fraud through the person's bank account",
    "VEHICLE_PLATE": "identification of the vehicle's keeper and tracking of their movements",
    "CRYPTO_WALLET": "linking the person to every payment on the public ledger; targeted theft, extortion",
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
    job: str | None = None,
) -> dict[str, Any]:
    """A new incident document for `affected` (at least one image), aware at `aware_at`.

    `job` names the rescan (or replay) job that found it, so a resumed job continues its own incident.
    """
    if not affected:
        raise ValueError("an incident needs at least one affected image")
    takedown = _takedown(affected)
    entities = _entities(takedown)
    doc: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "incident_id": incident_id or f"inc-{aware_at.astimezone(UTC):%Y%m%d}-{uuid.uuid4().hex[:8]}",
        "update": 0,
        "status": "open",
        "found_by": found_by,
        "aware_at": rfc3339(aware_at),
        # 72 elapsed hours: in UTC, since an aware datetime in a zone with DST adds wall-clock time
        "deadline": rfc3339(aware_at.astimezone(UTC) + NOTIFY_WITHIN),
        "entities": entities,
        "records": len(takedown),
        "notification": {
            "nature": _nature(takedown, found_by),
            "categories_of_data": entities,
            "approximate_data_subjects": _subjects(takedown),
            "approximate_records": len(takedown),
            "likely_consequences": {e: _CONSEQUENCES.get(e, _GENERAL) for e in entities},
            "measures_taken": _measures(takedown),
            "contact": contact,
        },
        "takedown": takedown,
        "updates": [],
    }
    if job is not None:
        doc["job"] = job
    check(doc)
    return doc


def _takedown(affected: Iterable[AffectedImage]) -> list[dict[str, Any]]:
    return [
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
    ]


def _entities(takedown: Iterable[Mapping[str, Any]]) -> list[str]:
    return sorted({e for item in takedown for e in item["entities"]})


def _subjects(takedown: Iterable[Mapping[str, Any]]) -> int:
    # Each entity occurrence may name a different person: the upper bound, stated as approximate.
    return sum(max(1, len(item["pointers"]), len(item["entities"])) for item in takedown)


def _nature(takedown: Sequence[Mapping[str, Any]], found_by: str) -> str:
    return (
        f"Confidentiality breach: {len(takedown)} published image(s) approved earlier carry "
        f"personal data ({', '.join(_entities(takedown))}) in their metadata or generation "
        f"parameters, found by {found_by}."
    )


def _measures(takedown: Sequence[Mapping[str, Any]]) -> list[str]:
    # A rescan or replay quarantines; a reviewer's release may reject: say what happened to each image.
    moved = Counter(str(item.get("new_verdict", "quarantined")) for item in takedown)
    done = ", ".join(
        f"{n} image(s) {'moved to quarantine' if verdict == 'quarantined' else verdict}"
        for verdict, n in sorted(moved.items(), key=lambda kv: kv[0] != "quarantined")
    )
    return [
        f"{done}, superseding their approval (lineage kept)",
        f"{len(takedown)} published location(s) listed for takedown from catalogue and CDN",
    ]


class UpdateRefused(GateError):
    """A phased update that would make the incident record wrong; the message says what to give instead."""


@dataclass(frozen=True, slots=True)
class IncidentChanges:
    """What a person changes in a phased update (Art. 33(4)). None or empty: unchanged.

    Free text (nature, consequences, measures, reference) must have been checked for personal data by the
    caller: it is written into the incident as given.
    """

    nature: str | None = None
    subjects: int | None = None
    records: int | None = None
    consequences: Mapping[str, str] = field(default_factory=dict)
    measures: tuple[str, ...] = ()
    notified_at: datetime | None = None
    reference: str | None = None

    def changed(self) -> list[str]:
        """The document fields this change sets, by name."""
        named = {
            "nature": self.nature is not None,
            "approximate_data_subjects": self.subjects is not None,
            "approximate_records": self.records is not None,
            "likely_consequences": bool(self.consequences),
            "measures_taken": bool(self.measures),
            "notified_at": self.notified_at is not None,
            "authority_reference": self.reference is not None,
        }
        return [name for name, set_ in named.items() if set_]


def update_refusal(
    current: Mapping[str, Any],
    changes: IncidentChanges,
    *,
    status: str | None,
    at: datetime,
    has_note: bool,
) -> str | None:
    """Why this update may not be written (None: it may)."""
    if current["status"] == "closed":
        return "it is closed; a closed incident takes no more updates (new findings open a new incident)"
    if not changes.changed() and not has_note and status in (None, current["status"]):
        return "nothing to update: give a field to change, --note, --notified-at or close it"
    for number in (changes.subjects, changes.records):
        if number is not None and number < 1:
            return "--subjects and --records are approximate counts of at least 1"
    unknown = sorted(set(changes.consequences) - set(current["notification"]["categories_of_data"]))
    if unknown:
        return (
            f"--consequences names {', '.join(unknown)}, not a category of this incident "
            f"({', '.join(current['notification']['categories_of_data'])}); use ENTITY=TEXT with one of those"
        )
    notified = changes.notified_at
    if notified is not None:
        if notified < _moment(current["aware_at"]):
            return f"--notified-at is before the incident's awareness time {current['aware_at']}"
        if notified > at + timedelta(minutes=5):
            return "--notified-at is in the future; give the time the authority was notified"
        recorded = current.get("notified_at")
        if recorded is not None and notified != _moment(recorded) and not has_note:
            return (
                f"the notification is recorded at {recorded}; correcting the time in the legal record "
                "needs its reason in --note (the earlier record stays on the topic)"
            )
        if notified > _moment(current["deadline"]) and not has_note:
            return (
                f"notified after the 72-hour deadline {current['deadline']}: Art. 33(1) asks for the "
                "reasons for the delay; give them in --note"
            )
    known = notified is not None or "notified_at" in current or status == "notified"
    if changes.reference is not None and not known:
        return "--reference is the authority's reference for a notification: give --notified-at too"
    if status == "closed" and not known and not has_note:
        return (
            "closing without notifying the authority needs the reason in --note (Art. 33(1) and (5): "
            "document why the breach is unlikely to result in a risk), or give --notified-at"
        )
    return None


def phased_update(
    current: Mapping[str, Any],
    *,
    at: datetime,
    note: str | None,
    status: str | None = None,
    changes: IncidentChanges | None = None,
) -> dict[str, Any]:
    """The next record for an incident (Art. 33(4)): same id, `update` + 1, the changes applied and
    recorded in `updates`. `status` None keeps it (or makes it `notified` when the change says so).

    Raises UpdateRefused (see `update_refusal`) and ValueError when the result breaks the schema.
    """
    changes = changes or IncidentChanges()
    refused = update_refusal(current, changes, status=status, at=at, has_note=note is not None)
    if refused:
        raise UpdateRefused(f"incident {current['incident_id']}: {refused}")
    doc: dict[str, Any] = json.loads(json.dumps(current))
    n = doc["notification"]
    if changes.nature is not None:
        n["nature"] = changes.nature
    if changes.subjects is not None:
        n["approximate_data_subjects"] = changes.subjects
    if changes.records is not None:
        n["approximate_records"] = changes.records
    n["likely_consequences"].update(changes.consequences)
    n["measures_taken"] = [*n["measures_taken"], *changes.measures]
    if status == "notified" and changes.notified_at is None and "notified_at" not in doc:
        changes = IncidentChanges(**{**_fields(changes), "notified_at": at})
    if changes.notified_at is not None:
        doc["notified_at"] = rfc3339(changes.notified_at)
    if changes.reference is not None:
        doc["authority_reference"] = changes.reference
    if status is None:
        status = "notified" if changes.notified_at is not None and doc["status"] == "open" else doc["status"]
    changed = changes.changed() + (["status"] if status != doc["status"] else [])
    doc["status"] = status
    doc["update"] = int(current["update"]) + 1
    text = note if note is not None else ""  # the history line names the changed fields anyway
    doc["updates"] = [
        *current.get("updates", []),
        {"at": rfc3339(at), "note": text, "status": status, "changed": changed},
    ]
    check(doc)
    return doc


def add_images(
    current: Mapping[str, Any], affected: Sequence[AffectedImage], *, at: datetime, found_by: str
) -> dict[str, Any] | None:
    """The next record of `current` with the images of `affected` it does not list yet (by event id), or
    None when it lists them all. Fields a person has not overridden follow the findings; a figure a person
    set (subjects, records) grows by what the new images add."""
    listed = {item["event_id"] for item in current["takedown"]}
    new = _takedown(a for a in affected if a.event_id not in listed)
    new = list({item["event_id"]: item for item in new}.values())
    if not new:
        return None
    old_takedown = list(current["takedown"])
    takedown = old_takedown + new
    doc: dict[str, Any] = json.loads(json.dumps(current))
    n = doc["notification"]
    entities = _entities(takedown)
    doc["entities"], doc["records"], doc["takedown"] = entities, len(takedown), takedown
    n["categories_of_data"] = entities
    for entity in entities:
        n["likely_consequences"].setdefault(entity, _CONSEQUENCES.get(entity, _GENERAL))
    if n["nature"] == _nature(old_takedown, str(current["found_by"])):
        n["nature"] = _nature(takedown, str(current["found_by"]))
    n["approximate_data_subjects"] += _subjects(new)
    n["approximate_records"] += len(new)
    if n["measures_taken"][:2] == _measures(old_takedown):
        n["measures_taken"][:2] = _measures(takedown)
    else:
        n["measures_taken"].append(_measures(new)[0])
    doc["update"] = int(current["update"]) + 1
    note = f"{len(new)} more published image(s) with personal data found by {found_by}; listed for takedown"
    changed = ["takedown", "entities", "records", "approximate_data_subjects", "approximate_records"]
    doc["updates"] = [
        *current.get("updates", []),
        {"at": rfc3339(at), "note": note, "status": doc["status"], "changed": changed},
    ]
    check(doc)
    return doc


def _fields(changes: IncidentChanges) -> dict[str, Any]:
    return {name: getattr(changes, name) for name in IncidentChanges.__slots__}


def _moment(text: object) -> datetime:
    return datetime.fromisoformat(str(text).replace("Z", "+00:00"))


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


def _format_left(left: timedelta) -> str:
    seconds = int(left.total_seconds())
    if seconds < 0:
        return f"deadline passed {(-seconds) // 3600}h{(-seconds) % 3600 // 60:02d}m ago"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m left"


def format_left(left: timedelta) -> str:
    """Time left as `71h59m left` or `deadline passed 2h05m ago`."""
    return _format_left(left)


def incident_of_job(incidents: Iterable[Mapping[str, Any]], job: str) -> dict[str, Any] | None:
    """The job's incident that still takes findings (not closed), newest first by awareness; or None."""
    mine = [dict(d) for d in incidents if d.get("job") == job and d.get("status") != "closed"]
    return max(mine, key=lambda d: str(d["aware_at"])) if mine else None
