"""The ingest topic must keep originals at least as long as the quarantine topic keeps records naming them."""

from __future__ import annotations

import pytest

from gate.runner.topics import retention_gap

H = 3_600_000


@pytest.mark.parametrize(
    ("ingest", "quarantine", "gap"),
    [
        (7 * 24 * H, 7 * 24 * H, False),
        (30 * 24 * H, 7 * 24 * H, False),
        (7 * 24 * H, 30 * 24 * H, True),
        (-1, 30 * 24 * H, False),  # ingest forever
        (-1, -1, False),
        (30 * 24 * H, -1, True),  # quarantine forever, ingest not
        (None, 7 * H, False),  # unknown: nothing to say (the caller decides)
        (7 * H, None, False),
    ],
)
def test_retention_gap(ingest: int | None, quarantine: int | None, gap: bool) -> None:
    retention = {k: v for k, v in (("i", ingest), ("q", quarantine)) if v is not None}
    found = retention_gap(retention, "i", "q")
    assert (found is not None) is gap
    if found:
        assert "retention.ms" in found and "i" in found
