"""The notification draft for the DPO (Markdown), from an incident's current state and its history.

The document itself is owned by `gate.core.incident`; this module only renders it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from gate.core.incident import format_left, time_left


def _late(doc: Mapping[str, Any], left: timedelta) -> list[str]:
    """Art. 33(1): a notification after 72 hours must give the reasons for the delay; an open incident past
    its deadline says so in the draft, where the DPO writes the notification."""
    if doc["status"] != "open" or left >= timedelta(0):
        return []
    return [
        "",
        "## Reasons for the delay (Art. 33(1))",
        "",
        "The 72-hour deadline has passed: the notification must give the reasons for the delay. Record "
        f"them with it: `gate incidents update {doc['incident_id']} --notified-at T --note REASONS`.",
    ]


def markdown(doc: Mapping[str, Any], now: datetime) -> str:
    """The notification draft for the DPO, as Markdown: the latest state, then every phased update."""
    n = doc["notification"]
    left = time_left(doc, now)
    clock = format_left(left) if doc["status"] == "open" else f"{doc['status']}, the clock is stopped"
    notified = [f"- Notified to the authority: {doc['notified_at']}"] if "notified_at" in doc else []
    reference = (
        [f"- Authority reference: {doc['authority_reference']}"] if "authority_reference" in doc else []
    )
    lines = [
        f"# Personal data breach {doc['incident_id']} (draft notification, GDPR Art. 33)",
        "",
        f"- Aware at: {doc['aware_at']}",
        f"- Notify the supervisory authority by: {doc['deadline']} ({clock})",
        f"- Status: {doc['status']} (update {doc['update']})",
        *notified,
        *reference,
        f"- Found by: {doc['found_by']}",
        *_late(doc, left),
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
        *([_history_line(u) for u in doc["updates"]] or ["- none yet"]),
        "",
    ]
    return "\n".join(lines)


def _history_line(update: Mapping[str, Any]) -> str:
    changed = update.get("changed") or []
    status = f" [{update['status']}]" if "status" in update else ""
    if not update["note"]:
        return f"- {update['at']}{status}: changed {', '.join(changed) or 'nothing'}"
    fields = f" (changed: {', '.join(changed)})" if changed else ""
    return f"- {update['at']}{status}: {update['note']}{fields}"
