"""The report's numbers and page, from audit records (the browser test is in tests/integration)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from gate.compliance.inventory import Period, parse_time
from gate.compliance.report import render_report, summarise
from tests.unit.compliance.test_inventory import audit

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
    summary = summarise([{**r, "reasons": r.get("reasons", [])} for r in RECORDS], Period())
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
    assert summarise(records, period)["decisions"] == 2


def test_the_page_is_self_contained_and_escapes_what_it_shows() -> None:
    hostile = {**audit("e", "approved", "2026-11-01T10:00:00Z"), "reasons": [{"code": "<script>x</script>"}]}
    page = render_report(summarise([hostile], Period()), Period(), datetime(2026, 12, 5, tzinfo=UTC))
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert not re.search(r'(src|href)="', page)
    assert 'data-metric="decisions">1<' in page


def test_an_empty_period_says_so() -> None:
    page = render_report(summarise([], Period()), Period(), datetime(2026, 12, 5, tzinfo=UTC))
    assert 'data-chart="days" data-empty="true"' in page
    assert 'data-metric="decisions">0<' in page
