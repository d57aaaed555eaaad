"""A reviewer approves a quarantined synthetic image whose file changed at its URI since it was quarantined.

Before rev15 the release decided the original again, read the NEW bytes at the URI, signed and published
them: an image nobody decided or reviewed went out with the gate's manifest and the reviewer's name. The
release now refuses when the bytes it read are not those of the quarantined decision, and says what to do.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.core.flow import EventOutcome
from gate.core.policy import Decision
from gate.core.record import InboundRecord
from gate.model import PolicyRef, Verdict
from gate.replay.release import ReleaseRefused, release
from tests.unit.replay.test_release import ORIGINAL, OUTPUT, REVIEW, _quarantined


def _read_now(sha256: str) -> Any:
    from gate.core.pipeline import Evaluation  # noqa: PLC0415

    def publish(original: InboundRecord) -> tuple[EventOutcome, dict[str, Any]]:
        decision = Decision(Verdict.QUARANTINED, (), (), PolicyRef("v1", "a" * 64))
        evaluation = Evaluation(decision, (), ("manifest.attached",), sha256, "image/jpeg", b"signed", 1.0)
        return EventOutcome("e1", "studio", decision, evaluation=evaluation), OUTPUT

    return publish


@pytest.mark.parametrize(("read_now", "refused"), [("a" * 64, False), ("f" * 64, True)])
def test_an_approval_signs_only_the_bytes_that_were_quarantined(read_now: str, refused: bool) -> None:
    def approve() -> Any:
        return release(
            _quarantined(),
            ORIGINAL,
            to=Verdict.APPROVED,
            review=REVIEW,
            can_sign=True,
            publish=_read_now(read_now),
        )

    if not refused:
        assert approve().document["asset"]["output"] == OUTPUT
        return
    with pytest.raises(ReleaseRefused) as raised:
        approve()
    message = str(raised.value)
    assert "not the one that was quarantined" in message and "changed at its URI" in message
    assert "ffffffffffff" in message and "aaaaaaaaaaaa" in message
    assert "gate replay --mode reevaluate --event-id" in message
