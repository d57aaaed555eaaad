"""The report's incident section: every open breach incident (GDPR Art. 33) with the time left to its
72-hour deadline, as a chart (one bar per incident: the part of the 72 hours still left) and a table.

An incident whose status is `notified` or `closed` is not open: the authority was told, or the DPO closed
it; those are counted, not charted. The section is about now (the report's generation time), not about
the report's period: a deadline does not wait for the period an auditor chose.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from html import escape
from typing import Any

from gate.core.incident import NOTIFY_WITHIN, format_left, rfc3339, time_left

# Bar colours by urgency; none is a verdict colour, so a screenshot tells them apart.
URGENCY_COLOURS = {"on time": "#00897b", "due within 24 hours": "#ef6c00", "deadline passed": "#ad1457"}
TRACK_COLOUR = "#e0e0e0"
_DUE_SOON_S = 24 * 3600
_WIDTH = 760


def urgency(seconds_left: int) -> str:
    """`on time` (more than 24 hours left), `due within 24 hours`, or `deadline passed`."""
    if seconds_left < 0:
        return "deadline passed"
    return "due within 24 hours" if seconds_left <= _DUE_SOON_S else "on time"


def summarise_incidents(incidents: Iterable[Mapping[str, Any]], now: datetime) -> dict[str, Any]:
    """The open incidents (soonest deadline first, with seconds left at `now`) and the others' counts."""
    docs = list(incidents)
    now = now.replace(microsecond=0)  # the page states `as_of` to the second: count from that moment
    rows = []
    for doc in sorted((d for d in docs if d.get("status") == "open"), key=lambda d: str(d["deadline"])):
        left = int(time_left(doc, now).total_seconds())
        rows.append(
            {
                "incident_id": str(doc["incident_id"]),
                "aware_at": str(doc["aware_at"]),
                "deadline": str(doc["deadline"]),
                "seconds_left": left,
                "urgency": urgency(left),
                "records": int(doc["records"]),
                "entities": list(doc["entities"]),
                "update": int(doc["update"]),
            }
        )
    return {
        "open": rows,
        "notified": sum(1 for d in docs if d.get("status") == "notified"),
        "closed": sum(1 for d in docs if d.get("status") == "closed"),
        "as_of": rfc3339(now),
    }


def render_incidents(summary: Mapping[str, Any]) -> str:
    """The HTML of the section (heading, figures, chart and table)."""
    rows: Sequence[Mapping[str, Any]] = summary["open"]
    figures = (
        f'<p data-as-of="{summary["as_of"]}"><span class="n" data-metric="incidents-open">{len(rows)}</span> '
        f"open incident(s) as of {summary['as_of']}; "
        f'<span data-metric="incidents-notified">{summary["notified"]}</span> notified, '
        f'<span data-metric="incidents-closed">{summary["closed"]}</span> closed.</p>'
    )
    if not rows:
        return figures + '<p data-chart="incident-deadlines" data-empty="true">No open incident.</p>'
    table = "".join(
        f'<tr data-incident="{escape(row["incident_id"])}" data-seconds-left="{row["seconds_left"]}">'
        f"<td>{escape(row['incident_id'])}</td><td>{row['aware_at']}</td><td>{row['deadline']}</td>"
        f"<td>{escape(_left_text(row['seconds_left']))}</td><td>{row['records']}</td>"
        f"<td>{escape(', '.join(row['entities']))}</td><td>{row['update']}</td></tr>"
        for row in rows
    )
    return (
        figures
        + _deadline_chart(rows)
        + '<table class="incidents"><tr><th>incident</th><th>aware at</th><th>notify by</th>'
        + f"<th>time left</th><th>images</th><th>entity types</th><th>updates</th></tr>{table}</table>"
    )


def _left_text(seconds: int) -> str:
    return format_left(timedelta(seconds=seconds))


def _deadline_chart(rows: Sequence[Mapping[str, Any]]) -> str:
    """One bar per incident on a 72-hour track: the bar is the time still left (full: just opened)."""
    row_h, label_w, top = 26, 230, 18
    track = _WIDTH - label_w - 180
    total = NOTIFY_WITHIN.total_seconds()
    height = top + row_h * len(rows) + 24
    shapes = [f'<text x="{label_w}" y="12">72 h</text><text x="{label_w + track - 10}" y="12">0</text>']
    for index, row in enumerate(rows):
        y = top + index * row_h
        left = row["seconds_left"]
        colour = URGENCY_COLOURS[row["urgency"]]
        # A passed deadline is drawn as a full bar in its colour: the most urgent row must be the loudest.
        wide = track if left < 0 else track * min(1.0, left / total)
        shapes.append(
            f'<text x="0" y="{y + 15}">{escape(row["incident_id"])}</text>'
            f'<rect x="{label_w}" y="{y}" width="{track}" height="{row_h - 8}" fill="{TRACK_COLOUR}"/>'
            f'<rect x="{label_w + track - wide:.1f}" y="{y}" width="{max(wide, 2.0):.1f}" '
            f'height="{row_h - 8}" '
            f'fill="{colour}" data-incident="{escape(row["incident_id"])}" data-seconds-left="{left}">'
            f"<title>{escape(row['incident_id'])}: {escape(_left_text(left))}</title></rect>"
            f'<text x="{label_w + track + 8}" y="{y + 15}">{escape(_left_text(left))}</text>'
        )
    legend = "".join(
        f'<rect x="{label_w + i * 170}" y="{height - 14}" width="12" height="12" fill="{colour}"/>'
        f'<text x="{label_w + 16 + i * 170}" y="{height - 3}">{escape(name)}</text>'
        for i, (name, colour) in enumerate(URGENCY_COLOURS.items())
    )
    return (
        f'<svg data-chart="incident-deadlines" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" xmlns="http://www.w3.org/2000/svg">{"".join(shapes)}{legend}</svg>'
    )
