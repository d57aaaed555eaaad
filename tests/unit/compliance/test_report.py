"""The report's numbers and page, from audit records (the browser test is in tests/integration)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from gate.compliance.inventory import Period, parse_time
from gate.compliance.report import render_report, summarise
from tests.unit.compliance.test_inventory import audit

NOW = datetime(2026, 11, 3, 10, 0, tzinfo=UTC)
RECORDS = [
    audit("a", "approved", "2026-11-01T10:00:00Z"),
    {
        **audit("b", "quarantined", "2026-11-01T11:00:00Z"),
        "reasons": [
            {
                "code": "params.personal_data",
                "entity": "EMAIL_ADDRESS",
                "path": "/generation/parameters/prompt",
            },
            {"code": "params.personal_data", "entity": "PHONE_NUMBER", "path": "/generation/parameters/x"},
        ],
    },
    {
        **audit("c", "rejected", "2026-11-02T09:00:00Z", synthetic=False),
        "reasons": [{"code": "image.undecodable"}],
    },
    {**audit("d", "approved", "2026-11-03T09:00:00Z"), "policy": {"version": "p2", "sha256": "y"}},
]


def test_summary_counts_each_reason_once_per_decision() -> None:
    summary = summarise([{**r, "reasons": r.get("reasons", [])} for r in RECORDS], Period(), NOW)
    assert summary["decisions"] == 4
    assert summary["verdicts"] == {"approved": 2, "quarantined": 1, "rejected": 1}
    assert summary["by_day"] == {
        "2026-11-01": {"approved": 1, "quarantined": 1},
        "2026-11-02": {"rejected": 1},
        "2026-11-03": {"approved": 1},
    }
    assert summary["reasons"] == {"params.personal_data": 1, "image.undecodable": 1}
    assert summary["entities"] == {"EMAIL_ADDRESS": 1, "PHONE_NUMBER": 1}
    assert (summary["synthetic"], summary["synthetic_ai_marked"]) == (3, 3)
    assert summary["models"] == {"acme imagegen 2": 3}
    assert [v["decisions"] for v in summary["policies"].values()] == [3, 1]


def test_the_period_selects_by_decision_time() -> None:
    records = [{**r, "reasons": r.get("reasons", [])} for r in RECORDS]
    period = Period(since=parse_time("2026-11-02", option="s"))
    assert summarise(records, period, NOW)["decisions"] == 2


def test_the_page_is_self_contained_and_escapes_what_it_shows() -> None:
    hostile = {**audit("e", "approved", "2026-11-01T10:00:00Z"), "reasons": [{"code": "<script>x</script>"}]}
    page = render_report(summarise([hostile], Period(), NOW), Period(), datetime(2026, 12, 5, tzinfo=UTC))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert not re.search(r'(src|href)="', page)
    assert 'data-metric="decisions">1<' in page


def test_an_empty_period_says_so() -> None:
    page = render_report(summarise([], Period(), NOW), Period(), datetime(2026, 12, 5, tzinfo=UTC))
    assert 'data-chart="days" data-empty="true"' in page
    assert 'data-metric="decisions">0<' in page


def test_quarantine_ages_count_images_still_waiting() -> None:
    records = [
        audit("a", "quarantined", "2026-11-03T09:30:00Z"),  # 30 minutes
        audit("b", "quarantined", "2026-11-02T12:00:00Z"),  # 22 hours
        audit("c", "quarantined", "2026-10-01T10:00:00Z"),  # a month
        audit("d", "quarantined", "2026-11-01T10:00:00Z"),  # released since: not waiting
        audit("d", "approved", "2026-11-02T10:00:00Z"),
    ]
    summary = summarise(records, Period(), NOW)
    assert summary["quarantined_now"] == 3
    assert summary["quarantine_ages"] == {"< 1 hour": 1, "1-24 hours": 1, "1-7 days": 0, "> 7 days": 1}
    page = render_report(summary, Period(), NOW)
    assert 'data-metric="quarantined-now">3<' in page
