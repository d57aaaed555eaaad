"""`gate report`: one self-contained HTML file for an auditor, drawn from audit records (pure: no Kafka).

Charts are inline SVG made here (no script, no font, no image, no network): decisions per day by
verdict, reason codes, entity types, synthetic images and their AI marking, model versions, policy
versions; and the open breach incidents with the time left to their deadlines (`incident_section`).
Every number is also in the page as text (`data-metric` cells), so a reader, or a test, can check it
against the audit and incidents topics.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from html import escape
from typing import Any

from gate.compliance.incident_section import render_incidents, summarise_incidents
from gate.compliance.inventory import Period, ai_marked, decided_at, latest_per_asset

VERDICT_COLOURS = {"approved": "#2e7d32", "quarantined": "#f9a825", "rejected": "#c62828"}
BAR_COLOUR = "#1565c0"
_WIDTH = 760
# Age buckets of images still in quarantine: (upper bound, label).
AGE_BUCKETS = (
    (timedelta(hours=1), "< 1 hour"),
    (timedelta(days=1), "1-24 hours"),
    (timedelta(days=7), "1-7 days"),
    (timedelta.max, "> 7 days"),
)


def summarise(
    records: Iterable[Mapping[str, Any]],
    period: Period,
    now: datetime,
    incidents: Iterable[Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The report's numbers: every decision decided in `period` counts (a superseded one too); the
    quarantine ages are those of the images whose latest decision (as of `now`) is a quarantine.
    `incidents`: the current state of every incident (None: the incidents topic was not read)."""
    records = list(records)
    waiting = [
        now - decided_at(record)
        for record in latest_per_asset(records, now).values()
        if record.get("verdict") == "quarantined"
    ]
    ages = {label: 0 for _, label in AGE_BUCKETS}
    for age in waiting:
        ages[next(label for bound, label in AGE_BUCKETS if age < bound)] += 1
    chosen = [record for record in records if period.contains(decided_at(record))]
    chosen.sort(key=decided_at)
    by_day: dict[str, Counter[str]] = {}
    reasons: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    models: Counter[str] = Counter()
    policies: dict[str, dict[str, Any]] = {}
    synthetic = marked = 0
    for record in chosen:
        by_day.setdefault(str(record["decided_at"])[:10], Counter())[record["verdict"]] += 1
        codes = {reason["code"] for reason in record.get("reasons", ())}
        reasons.update(codes)  # once per decision, as the gate_reasons_total metric counts
        entities.update({r["entity"] for r in record.get("reasons", ()) if r.get("entity")})
        if record.get("synthetic") is True:
            synthetic += 1
            marked += ai_marked(record)
            model = record.get("model") or {}
            label = " ".join(str(model.get(key) or "-") for key in ("provider", "name", "version"))
            models[label] += 1
        policy = record.get("policy") or {}
        key = f"{policy.get('version')} {str(policy.get('sha256', ''))[:12]}"
        seen = policies.setdefault(key, {"first": record["decided_at"], "last": "", "decisions": 0})
        seen["last"] = record["decided_at"]
        seen["decisions"] += 1
    verdicts = Counter(record["verdict"] for record in chosen)
    return {
        "decisions": len(chosen),
        "verdicts": {name: verdicts.get(name, 0) for name in VERDICT_COLOURS},
        "by_day": {day: dict(counts) for day, counts in sorted(by_day.items())},
        "reasons": dict(reasons.most_common()),
        "entities": dict(entities.most_common()),
        "synthetic": synthetic,
        "synthetic_ai_marked": marked,
        "models": dict(models.most_common()),
        "policies": policies,
        "quarantined_now": len(waiting),
        "quarantine_ages": ages,
        "incidents": None if incidents is None else summarise_incidents(incidents, now),
    }


def render_report(summary: Mapping[str, Any], period: Period, generated_at: datetime) -> str:
    """The HTML page for `summary` (from `summarise`)."""
    decisions = summary["decisions"]
    synthetic, marked = summary["synthetic"], summary["synthetic_ai_marked"]
    cells = [
        ("decisions", "decisions", decisions),
        *((f"verdict-{name}", name, count) for name, count in summary["verdicts"].items()),
        ("synthetic", "synthetic images", synthetic),
        ("synthetic-ai-marked", "of which AI-marked (trusted or gate-signed)", marked),
    ]
    figures = "".join(
        f'<div class="figure"><div class="n" data-metric="{key}">{count}</div>'
        f"<div>{escape(label)}</div></div>"
        for key, label, count in cells
    )
    policy_rows = "".join(
        f"<tr><td>{escape(key)}</td><td>{escape(str(seen['first']))}</td><td>{escape(str(seen['last']))}</td>"
        f'<td data-metric="policy-decisions">{seen["decisions"]}</td></tr>'
        for key, seen in summary["policies"].items()
    )
    share = f"{100 * synthetic / decisions:.1f}" if decisions else "0.0"
    marked_share = f"{100 * marked / synthetic:.1f}" if synthetic else "0.0"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>gate compliance report</title>
<style>
body {{ font-family: sans-serif; margin: 24px; color: #212121; max-width: 820px; }}
h2 {{ border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 32px; }}
.figures {{ display: flex; flex-wrap: wrap; gap: 12px; }}
.figure {{ border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px; min-width: 110px; }}
.n {{ font-size: 26px; font-weight: bold; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ddd; padding: 4px 8px; text-align: left; }}
svg text {{ font-size: 12px; }}
table.incidents td, table.incidents th {{ white-space: nowrap; font-size: 12px; padding: 3px 6px; }}
</style></head><body>
<h1>gate compliance report</h1>
<p>Decisions from the audit topic, {escape(_period_text(period))}.
Generated {generated_at:%Y-%m-%d %H:%M} UTC.
Every decision counts, including one a later decision superseded.</p>
<div class="figures">{figures}</div>
<h2>Open breach incidents (GDPR Art. 33: notify within 72 hours)</h2>
{_incidents(summary.get("incidents"))}
<h2>Decisions per day by verdict</h2>
{_stacked_days(summary["by_day"])}
<h2>Reason codes</h2>
{_bars("reasons", summary["reasons"])}
<h2>Personal-data entity types found</h2>
{_bars("entities", summary["entities"])}
<h2>Synthetic images</h2>
<p><span data-metric="synthetic-share">{share}</span>% of decisions were about synthetic images;
<span data-metric="ai-marked-share">{marked_share}</span>% of those carry a trusted AI-marked manifest
or the gate's own.</p>
{_bars("synthetic", {"synthetic": synthetic, "AI-marked": marked, "not AI-marked": synthetic - marked})}
<h2>Model versions in use (synthetic images)</h2>
{_bars("models", summary["models"])}
<h2>Quarantine age (images whose latest decision is a quarantine)</h2>
<p><span data-metric="quarantined-now">{summary["quarantined_now"]}</span> images wait in quarantine.</p>
{_bars("quarantine-age", summary["quarantine_ages"], keep_order=True)}
<h2>Policy versions in force</h2>
<table><tr><th>version sha256</th><th>first decision</th><th>last decision</th><th>decisions</th></tr>
{policy_rows}</table>
<h2>Audit trail integrity (each record against its decision record)</h2>
{_integrity(summary.get("integrity"))}
</body></html>
"""


def _integrity(found: Mapping[str, Any] | None) -> str:
    if found is None:
        return (
            '<p data-metric="integrity" data-empty="true">The verdict topics were not read for this page; '
            "<code>gate report</code> reads them.</p>"
        )

    def ids(name: str) -> str:
        shown = found[f"{name}_ids"]
        more = f" and {found[name] - len(shown)} more" if found[name] > len(shown) else ""
        return f"<br><code>{escape(', '.join(shown))}</code>{more}" if shown else ""

    checked = (
        f'<p><span data-metric="integrity-checked">{found["checked"]}</span> audit records of this period '
        f'checked: <span data-metric="integrity-verified">{found["verified"]}</span> match a decision '
        "record whose sha256 is their <code>decision_id</code>.</p>"
    )
    altered = (
        f'<p><b data-metric="integrity-altered">{found["altered"]}</b> disagree with their decision record, '
        "or another audit record carries their <code>decision_id</code> with other contents (altered)."
        f"{ids('altered')}</p>"
    )
    unmatched = (
        f'<p><b data-metric="integrity-unmatched">{found["unmatched"]}</b> have no decision record on the '
        "verdict topics: not written by the gate, or past the verdict topic's retention (the quarantine "
        f"topic keeps records for hours to weeks).{ids('unmatched')}</p>"
    )
    return checked + altered + unmatched


def _incidents(incidents: Mapping[str, Any] | None) -> str:
    if incidents is None:
        return (
            '<p data-chart="incident-deadlines" data-empty="true">The incidents topic was not read for this '
            "page; <code>gate report</code> reads it.</p>"
        )
    return render_incidents(incidents)


def _period_text(period: Period) -> str:
    # In UTC and saying so: the bounds may have been given with any offset, and a bare clock is ambiguous.
    since = f"{period.since.astimezone(UTC):%Y-%m-%d %H:%M} UTC" if period.since else "the beginning"
    until = f"{period.until.astimezone(UTC):%Y-%m-%d %H:%M} UTC" if period.until else "now"
    return f"from {since} to {until}"


def _stacked_days(by_day: Mapping[str, Mapping[str, int]]) -> str:
    """One stacked column per day: approved, quarantined, rejected from the bottom up."""
    if not by_day:
        return '<p data-chart="days" data-empty="true">No decisions in this period.</p>'
    height, top, bottom = 220, 10, 40
    most = max(sum(counts.values()) for counts in by_day.values())
    step = min(60, (_WIDTH - 60) // len(by_day))
    shapes = []
    for index, (day, counts) in enumerate(by_day.items()):
        x, base = 50 + index * step, float(height - bottom)
        for verdict, colour in VERDICT_COLOURS.items():
            count = counts.get(verdict, 0)
            if not count:
                continue
            tall = (height - top - bottom) * count / most
            base -= tall
            shapes.append(
                f'<rect x="{x}" y="{base:.1f}" width="{max(4, step - 8)}" height="{tall:.1f}" '
                f'fill="{colour}" data-day="{day}" data-verdict="{verdict}" data-count="{count}">'
                f"<title>{day} {verdict}: {count}</title></rect>"
            )
        shapes.append(f'<text x="{x}" y="{height - bottom + 16}">{day[5:]}</text>')
    legend = "".join(
        f'<rect x="{50 + i * 130}" y="{height - 14}" width="12" height="12" fill="{colour}"/>'
        f'<text x="{66 + i * 130}" y="{height - 3}">{verdict}</text>'
        for i, (verdict, colour) in enumerate(VERDICT_COLOURS.items())
    )
    axis = f'<text x="4" y="{top + 10}">{most}</text><text x="4" y="{height - bottom}">0</text>'
    return (
        f'<svg data-chart="days" width="{_WIDTH}" height="{height}" viewBox="0 0 {_WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg">{axis}{"".join(shapes)}{legend}</svg>'
    )


def _bars(name: str, counts: Mapping[str, int], limit: int = 20, *, keep_order: bool = False) -> str:
    """Horizontal bars, largest first unless `keep_order` (at most `limit`; the rest summed as "other")."""
    items: Sequence[tuple[str, int]] = list(counts.items())
    if not keep_order:
        items = sorted(items, key=lambda item: (-item[1], item[0]))
    if len(items) > limit:
        items = [*items[: limit - 1], ("other", sum(count for _, count in items[limit - 1 :]))]
    if not items or not any(count for _, count in items):
        return f'<p data-chart="{name}" data-empty="true">None in this period.</p>'
    row, label_width = 22, 260
    most = max(count for _, count in items)
    height = row * len(items) + 6
    shapes = []
    for index, (label, count) in enumerate(items):
        y = 4 + index * row
        wide = (_WIDTH - label_width - 60) * count / most
        shapes.append(
            f'<text x="0" y="{y + 14}">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{wide:.1f}" height="{row - 6}" fill="{BAR_COLOUR}" '
            f'data-label="{escape(label)}" data-count="{count}"/>'
            f'<text x="{label_width + wide + 6:.1f}" y="{y + 14}">{count}</text>'
        )
    return (
        f'<svg data-chart="{name}" width="{_WIDTH}" height="{height}" viewBox="0 0 {_WIDTH} {height}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(shapes)}</svg>'
    )
