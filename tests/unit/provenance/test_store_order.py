"""c2pa-rs hands the store's manifests back in an order of its own per process: the report must not follow it.

An ingredient's assertions are named `/manifest/ingredient/*N/...`, N the manifest's place; when that
place followed c2pa-rs's order, one image gave different reason paths (and decision records) in two runs.
"""

from __future__ import annotations

from itertools import permutations
from typing import Any

from gate.provenance.verify import _report


def _manifest(title: str) -> dict[str, Any]:
    return {
        "title": title,
        "claim_generator": "tool/1.0",
        "assertions": [{"label": "stds.schema-org.CreativeWork", "data": {"author": [{"name": title}]}}],
    }


def _store(order: tuple[str, ...]) -> dict[str, Any]:
    return {
        "active_manifest": "urn:c2pa:b",
        "manifests": {label: _manifest(label) for label in order},
        "validation_state": "Valid",
        "validation_results": {"activeManifest": {"success": [], "failure": []}},
    }


def test_the_report_is_the_same_whatever_order_the_manifests_come_in() -> None:
    labels = ("urn:c2pa:a", "urn:c2pa:b", "urn:c2pa:c")
    generations = {label: {"model": label} for label in labels}
    reports = [
        _report(_store(order), dict(reversed(generations.items())) if n % 2 else generations)
        for n, order in enumerate(permutations(labels))
    ]
    report = reports[0]
    assert all(other == report for other in reports[1:])
    assert [label for label, *_ in report.other_assertions][:2] == ["urn:c2pa:a", "urn:c2pa:a"]
    assert [label for label, _ in report.other_generation_assertions] == ["urn:c2pa:a", "urn:c2pa:c"]
