"""`gate report` on a real run: the HTML opens in real headless Chromium, the charts render, the numbers
are the audit topic's, and the open incidents with their time left are the incidents topic's."""

from __future__ import annotations

import html
import re
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from browser import rendered_dom, screenshot
from compliance_run import Run, gate_cli, model_samples, policy_with_approved_models, read_topics, run_samples
from confluent_kafka import Producer
from PIL import Image

from gate.broker import EmbeddedBroker
from gate.compliance.incident_section import URGENCY_COLOURS
from gate.compliance.inventory import ai_marked
from gate.compliance.report import BAR_COLOUR, VERDICT_COLOURS
from gate.core.incident import AffectedImage, current_incidents, encode, open_incident
from gate.demo.samples import build_samples
from gate.provenance import create_dev_pki

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def run(broker: EmbeddedBroker, tmp_path_factory: pytest.TempPathFactory) -> Run:
    trusted = create_dev_pki(tmp_path_factory.mktemp("trusted"))
    untrusted = create_dev_pki(tmp_path_factory.mktemp("untrusted"), organisation="unknown vendor")
    prefix = f"rp-{uuid.uuid4().hex[:6]}"
    samples = build_samples(trusted, untrusted, size=(160, 120), prefix=prefix) + model_samples(prefix)
    directory = tmp_path_factory.mktemp("run")
    return run_samples(broker, trusted, samples, directory, policy_with_approved_models(directory))


def _metric(dom: str, name: str) -> str:
    found = re.search(rf'data-metric="{name}">([^<]*)<', dom)
    assert found, name
    return found.group(1)


def _chart_counts(dom: str, chart: str) -> dict[str, int]:
    svg = re.search(rf'<svg data-chart="{chart}".*?</svg>', dom, re.DOTALL)
    assert svg, chart
    return {
        html.unescape(label): int(count)
        for label, count in re.findall(r'data-label="([^"]*)" data-count="(\d+)"', svg.group(0))
    }


def _pixels(image: Image.Image, colour: str) -> int:
    wanted = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    rgb = image.convert("RGB")
    return sum(count for count, pixel in rgb.getcolors(maxcolors=1 << 24) or [] if pixel == wanted)


# Incidents aware this many hours ago: on time (71 h left), due within 24 h (12 h), passed (8 h ago), and
# one the DPO closes with `gate incidents close` (not open: not charted).
AGES = {"inc-report-ontime": 1, "inc-report-due": 60, "inc-report-late": 80, "inc-report-closed": 5}


def _plant_incidents(run: Run) -> None:
    """Incident documents from the incident module on the run's incidents topic, one closed by the CLI."""
    now = datetime.now(UTC)
    producer = Producer({"bootstrap.servers": run.bootstrap_servers})
    for n, (incident_id, hours) in enumerate(AGES.items()):
        images = [
            AffectedImage(
                f"ev-{n}-{i}",
                f"{n:02x}" * 32,
                None,
                ("EMAIL_ADDRESS",),
                ("/p",),
                {"offset": i},
                "quarantined",
            )
            for i in range(n + 1)
        ]
        doc = open_incident(
            images,
            aware_at=now - timedelta(hours=hours),
            contact="dpo",
            found_by="test",
            incident_id=incident_id,
        )
        producer.produce(run.topics.incidents, key=incident_id.encode(), value=encode(doc))
    assert producer.flush(10) == 0
    closed = gate_cli(
        run,
        "incidents",
        "close",
        "inc-report-closed",
        "--notified-at",
        now.isoformat(),
        "--reference",
        "SA-7",
        "--no-progress",
    )
    assert closed.returncode == 0, closed.stderr


def _open_incidents_on_the_topic(run: Run) -> list[dict[str, Any]]:
    values = [value for _, value in read_topics(run.bootstrap_servers, [run.topics.incidents], len(AGES) + 1)]
    found, unreadable = current_incidents(values)
    assert unreadable == 0 and len(found) == len(AGES)
    return sorted((d for d in found.values() if d["status"] == "open"), key=lambda d: d["deadline"])


def test_the_report_renders_in_chromium_with_the_audit_topics_numbers(run: Run, tmp_path: Path) -> None:
    _plant_incidents(run)
    page = tmp_path / "report.html"
    done = gate_cli(run, "report", "--out", str(page))
    assert done.returncode == 0, done.stderr
    assert "3 open incident(s)" in done.stdout
    text = page.read_text()
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in text and "<script" not in text  # self-contained: nothing to fetch

    # What the audit topic says, counted here independently of the report's code.
    unique = {doc["decision_id"]: doc for doc in run.audit}.values()
    verdicts = Counter(doc["verdict"] for doc in unique)
    reasons = Counter(code for doc in unique for code in {r["code"] for r in doc["reasons"]})
    entities = Counter(e for doc in unique for e in {r["entity"] for r in doc["reasons"] if r.get("entity")})
    synthetic = [doc for doc in unique if doc["synthetic"] is True]

    dom = rendered_dom(page)
    assert int(_metric(dom, "decisions")) == len(unique) == len(run.samples)
    for verdict in VERDICT_COLOURS:
        assert int(_metric(dom, f"verdict-{verdict}")) == verdicts[verdict], verdict
    assert int(_metric(dom, "synthetic")) == len(synthetic)
    assert int(_metric(dom, "synthetic-ai-marked")) == sum(ai_marked(doc) for doc in synthetic)
    assert _chart_counts(dom, "reasons") == dict(reasons)
    assert _chart_counts(dom, "entities") == dict(entities)
    assert "EMAIL_ADDRESS" in _chart_counts(dom, "entities")
    assert sum(_chart_counts(dom, "models").values()) == len(synthetic)
    latest: dict[str, dict[str, object]] = {}
    for doc in sorted(unique, key=lambda d: d["decided_at"]):
        if doc["asset"]["sha256"]:
            latest[doc["asset"]["sha256"]] = doc
    waiting = sum(1 for doc in latest.values() if doc["verdict"] == "quarantined")
    assert int(_metric(dom, "quarantined-now")) == waiting > 0
    assert _chart_counts(dom, "quarantine-age")["< 1 hour"] == waiting  # all decided moments ago
    days = re.findall(r'data-verdict="(\w+)" data-count="(\d+)"', dom)
    assert sum(int(count) for _, count in days) == len(unique)

    # The open incidents and their time left are the incidents topic's, as of the page's own clock.
    expected = _open_incidents_on_the_topic(run)
    as_of = re.search(r'data-as-of="([^"]+)"', dom)
    assert as_of
    now = datetime.fromisoformat(as_of.group(1).replace("Z", "+00:00"))
    assert int(_metric(dom, "incidents-open")) == len(expected) == 3
    assert int(_metric(dom, "incidents-closed")) == 1 and int(_metric(dom, "incidents-notified")) == 0
    left = {
        d["incident_id"]: int(
            (datetime.fromisoformat(d["deadline"].replace("Z", "+00:00")) - now).total_seconds()
        )
        for d in expected
    }
    cells = r"<td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td>[^<]*</td><td>(\d+)</td>"
    rows = re.findall(r'<tr data-incident="([^"]+)" data-seconds-left="(-?\d+)">' + cells, dom)

    assert [(r[0], int(r[1])) for r in rows] == list(left.items())  # soonest deadline first
    assert [(r[2], r[3], int(r[4])) for r in rows] == [
        (d["aware_at"], d["deadline"], d["records"]) for d in expected
    ]
    bars = re.findall(r'fill="(#[0-9a-f]{6})" data-incident="([^"]+)" data-seconds-left="(-?\d+)"', dom)
    assert [(b[1], int(b[2])) for b in bars] == list(left.items())
    assert [b[0] for b in bars] == [
        URGENCY_COLOURS[u] for u in ("deadline passed", "due within 24 hours", "on time")
    ]
    assert "inc-report-closed" not in re.findall(r'data-incident="([^"]+)"', dom)
    assert abs(left["inc-report-due"] - 12 * 3600) < 600 and left["inc-report-late"] < -7 * 3600

    # The charts were drawn: each verdict's colour and the bar colour cover real area of the screenshot.
    shot = tmp_path / "report.png"
    screenshot(page, shot, (900, 3200))
    with Image.open(shot) as image:
        assert image.size == (900, 3200)
        for verdict, colour in VERDICT_COLOURS.items():
            if verdicts[verdict]:
                assert _pixels(image, colour) > 300, verdict
        assert _pixels(image, BAR_COLOUR) > 5000
        for urgency, colour in URGENCY_COLOURS.items():
            assert _pixels(image, colour) > 600, urgency  # each open incident's bar was drawn
