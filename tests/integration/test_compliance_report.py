"""`gate report` on a real run: the HTML opens in real headless Chromium, the charts render, the numbers
are the audit topic's."""

from __future__ import annotations

import html
import re
import uuid
from collections import Counter
from pathlib import Path

import pytest
from browser import rendered_dom, screenshot
from compliance_run import Run, gate_cli, model_samples, policy_with_approved_models, run_samples
from PIL import Image

from gate.broker import EmbeddedBroker
from gate.compliance.inventory import ai_marked
from gate.compliance.report import BAR_COLOUR, VERDICT_COLOURS
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


def test_the_report_renders_in_chromium_with_the_audit_topics_numbers(run: Run, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    done = gate_cli(run, "report", "--out", str(page))
    assert done.returncode == 0, done.stderr
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

    # The charts were drawn: each verdict's colour and the bar colour cover real area of the screenshot.
    shot = tmp_path / "report.png"
    screenshot(page, shot)
    with Image.open(shot) as image:
        assert image.size == (900, 2600)
        for verdict, colour in VERDICT_COLOURS.items():
            if verdicts[verdict]:
                assert _pixels(image, colour) > 300, verdict
        assert _pixels(image, BAR_COLOUR) > 5000
