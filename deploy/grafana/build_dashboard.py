"""Build `deploy/grafana/gate.json`, the gate's Grafana dashboard, as code with grafana-foundation-sdk.

Run `python deploy/grafana/build_dashboard.py` after changing a panel; a test rebuilds the dashboard and
fails when the committed JSON (or the Helm chart's copy) differs. Queries use `$__rate_interval` (Grafana
picks a window of at least four scrapes) and `instance` for "per pod", which every Prometheus scrape has.

"Earliest incident deadline" shows the hours left to the earliest open breach incident's 72-hour deadline
(GDPR Art. 33), which `gate run` reads from the incidents topic; infinity means no open incident.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from grafana_foundation_sdk.builders import dashboard, prometheus, stat, table, timeseries
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models.dashboard import DataSourceRef
from grafana_foundation_sdk.models.prometheus import PromQueryFormat

ROOT = Path(__file__).resolve().parents[2]
OUTPUTS = (ROOT / "deploy/grafana/gate.json", ROOT / "helm/gate/files/gate.json")
DATASOURCE = DataSourceRef(type_val="prometheus", uid="${datasource}")
RATE = "$__rate_interval"

# (title, unit, [(legend, expr), ...]) per time-series panel, in reading order.
Row = tuple[str, list[tuple[str, str, list[tuple[str, str]]]]]
ROWS: list[Row] = [
    (
        "Traffic and verdicts",
        [
            (
                "Events per second by verdict",
                "ops",
                [("{{verdict}}", f"sum by (verdict) (rate(gate_events_total[{RATE}]))")],
            ),
            (
                "Quarantine and rejection ratios",
                "percentunit",
                [
                    (
                        "quarantined",
                        f'sum(rate(gate_events_total{{verdict="quarantined"}}[{RATE}])) '
                        f"/ sum(rate(gate_events_total[{RATE}]))",
                    ),
                    (
                        "rejected",
                        f'sum(rate(gate_events_total{{verdict="rejected"}}[{RATE}])) '
                        f"/ sum(rate(gate_events_total[{RATE}]))",
                    ),
                ],
            ),
            (
                "Reasons over time",
                "ops",
                [("{{code}}", f"sum by (code) (rate(gate_reasons_total[{RATE}]))")],
            ),
            (
                "Personal-data entity types over time",
                "ops",
                [("{{entity}}", f"sum by (entity) (rate(gate_entities_total[{RATE}]))")],
            ),
        ],
    ),
    (
        "Latency",
        [
            (
                "Per-event latency (fetch to committed verdict)",
                "s",
                [
                    (
                        f"p{q}",
                        f"histogram_quantile(0.{q}, "
                        f"sum by (le) (rate(gate_event_duration_seconds_bucket[{RATE}])))",
                    )
                    for q in ("50", "99")
                ],
            ),
            (
                "Per-check latency p99",
                "s",
                [
                    (
                        "{{check}}",
                        "histogram_quantile(0.99, sum by (le, check) "
                        f"(rate(gate_check_duration_seconds_bucket[{RATE}])))",
                    )
                ],
            ),
            (
                "Batch size (records)",
                "short",
                [
                    (
                        f"p{q}",
                        f"histogram_quantile(0.{q}, "
                        f"sum by (le) (rate(gate_batch_size_records_bucket[{RATE}])))",
                    )
                    for q in ("50", "99")
                ],
            ),
        ],
    ),
    (
        "Kafka",
        [
            (
                "Transactions by outcome",
                "ops",
                [("{{outcome}}", f"sum by (outcome) (rate(gate_transactions_total[{RATE}]))")],
            ),
            (
                "Consumer lag (seconds) per partition",
                "s",
                [("{{topic}}[{{partition}}]", "max by (topic, partition) (gate_consumer_lag_seconds)")],
            ),
            (
                "Consumer lag (records) per partition",
                "short",
                [("{{topic}}[{{partition}}]", "max by (topic, partition) (gate_consumer_lag_records)")],
            ),
            (
                "Time since the last committed transaction",
                "s",
                [("{{instance}}", "time() - max by (instance) (gate_last_commit_timestamp_seconds)")],
            ),
        ],
    ),
    (
        "Health",
        [
            (
                "Worker restarts by cause",
                "short",
                [("{{cause}}", f"sum by (cause) (increase(gate_worker_restarts_total[{RATE}]))")],
            ),
            (
                "Errors by kind",
                "ops",
                [("{{kind}}", f"sum by (kind) (rate(gate_errors_total[{RATE}]))")],
            ),
            (
                "Flood guard tripped (1) per pod",
                "short",
                [("{{instance}}", "max by (instance) (gate_flood_guard_tripped)")],
            ),
        ],
    ),
]

POLICY_TABLE = "max by (instance, version, sha256) (gate_policy_info)"
SIGNER_DAYS_LEFT = "(min(gate_signer_certificate_expiry_timestamp_seconds) - time()) / 86400"
INCIDENT_HOURS_LEFT = "(min(gate_incident_earliest_deadline_timestamp_seconds) - time()) / 3600"


def _query(legend: str, expr: str, ref: int) -> prometheus.Dataquery:
    return prometheus.Dataquery().expr(expr).legend_format(legend).ref_id(chr(ord("A") + ref))


def _timeseries(title: str, unit: str, queries: list[tuple[str, str]]) -> timeseries.Panel:
    panel = timeseries.Panel().title(title).unit(unit).datasource(DATASOURCE).height(8).span(8)
    for n, (legend, expr) in enumerate(queries):
        panel = panel.with_target(_query(legend, expr, n))
    return panel


def build() -> dict[str, object]:
    """The dashboard as a JSON-ready dict."""
    board = (
        dashboard.Dashboard("Gate")
        .uid("gate-overview")
        .description("The streaming policy gate: verdicts, latency, Kafka, health (built by code).")
        .tags(["gate", "kafka"])
        .refresh("30s")
        .time("now-6h", "now")
        .timezone("browser")
        .with_variable(dashboard.DatasourceVariable("datasource").label("Data source").type("prometheus"))
    )
    for title, panels in ROWS:
        board = board.with_row(dashboard.Row(title))
        for panel_title, unit, queries in panels:
            board = board.with_panel(_timeseries(panel_title, unit, queries))
    board = (
        board.with_row(dashboard.Row("Identities and deadlines"))
        .with_panel(
            table.Panel()
            .title("Policy version in use per pod")
            .datasource(DATASOURCE)
            .height(8)
            .span(10)
            .with_target(_policy_query())
        )
        .with_panel(
            stat.Panel()
            .title("Signer certificate days left")
            .unit("d")
            .decimals(1)
            .datasource(DATASOURCE)
            .height(8)
            .span(6)
            .with_target(_query("days left", SIGNER_DAYS_LEFT, 0))
        )
        .with_panel(
            stat.Panel()
            .title("Earliest incident deadline")
            .unit("h")
            .decimals(1)
            .datasource(DATASOURCE)
            .height(8)
            .span(8)
            .with_target(_query("hours left", INCIDENT_HOURS_LEFT, 0))
        )
    )
    encoded: dict[str, object] = json.loads(json.dumps(board.build(), cls=JSONEncoder))
    return encoded


def _policy_query() -> prometheus.Dataquery:
    return _query("", POLICY_TABLE, 0).instant().format(PromQueryFormat.TABLE)


def render() -> str:
    """The committed text of gate.json."""
    return json.dumps(build(), indent=2, sort_keys=True) + "\n"


def main() -> int:
    """Write gate.json and the Helm chart's copy."""
    content = render()
    for path in OUTPUTS:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
