"""The order of the checks is stated once (gate.core.checks.order) and the pipeline keeps to it."""

from __future__ import annotations

import base64
import itertools
import json
from hashlib import sha256 as SHA256
from types import SimpleNamespace

import pytest

from gate.assets import AssetFetcher, AssetRef, FetchPolicy
from gate.core.checks import integrity
from gate.core.checks.order import NEEDS, PROVIDES, order_problems
from gate.core.event import parse_event
from gate.core.flow import evaluate_event_bytes
from gate.core.pipeline import Pipeline
from gate.demo.images import jpeg_bytes, product_image
from gate.model import Status


def test_the_pipeline_runs_its_checks_in_an_order_that_gives_every_step_its_facts(gate: Pipeline) -> None:
    names = [check.name for check in gate.checks]
    assert order_problems(names) == []
    assert set(names) >= set(PROVIDES)  # every fact named in the table has a check that provides it


@pytest.mark.parametrize(
    ("order", "problem"),
    [
        (["integrity", "metadata", "image", "parameters", "provenance"], "metadata needs probe"),
        (["integrity", "image", "parameters", "provenance", "metadata"], "provenance needs metadata"),
        (["image", "parameters", "metadata", "provenance"], "remediation needs sha256"),
        (["integrity", "image", "metadata", "provenance"], "remediation needs generation_findings"),
    ],
)
def test_an_order_that_starves_a_step_is_named(order: list[str], problem: str) -> None:
    assert any(p.startswith(problem) for p in order_problems(order)), order_problems(order)


def test_of_all_orders_only_those_with_probe_and_metadata_first_pass() -> None:
    names = list(PROVIDES)
    for order in itertools.permutations(names):
        index = {name: i for i, name in enumerate(order)}
        fine = index["image"] < index["metadata"] < index["provenance"]
        assert (order_problems(order) == []) is fine, order


def test_every_fact_a_step_needs_is_provided_by_some_check() -> None:
    provided = set().union(*PROVIDES.values())
    for step, needs in NEEDS.items():
        assert needs <= provided, step


def test_the_event_asset_is_typed_at_the_boundary_and_hashed_once(
    gate: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    image = jpeg_bytes(product_image(32, 24))
    raw = json.dumps(
        {
            "event_id": "evt-typed",
            "occurred_at": "2026-12-05T00:00:00Z",
            "source": "studio-camera",
            "asset": {"data": base64.b64encode(image).decode(), "media_type": "image/jpeg"},
        }
    ).encode()
    assert isinstance(parse_event(raw).asset, AssetRef)

    def no_second_hash(_data: bytes) -> None:
        raise AssertionError("the integrity check hashed the asset again")

    monkeypatch.setattr(integrity, "hashlib", SimpleNamespace(sha256=no_second_hash))
    with AssetFetcher(FetchPolicy()) as fetcher:
        outcome = evaluate_event_bytes(raw, gate, fetcher, fallback_id="x")
    assert outcome.evaluation is not None
    result = next(r for r in outcome.evaluation.results if r.check == "integrity")
    assert result.status is Status.PASS
    assert outcome.evaluation.sha256 == SHA256(image).hexdigest()
