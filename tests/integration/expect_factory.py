"""A picklable ProcessorFactory for integration tests: routes each event by its JSON field "expect".

Values that are not JSON objects are quarantined (`test.undecodable`), as the real core does with poison.
The output value depends only on the input record, so a redo produces byte-identical records.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass

from gate.core.record import InboundRecord, RoutedRecord, encode_json, route_headers
from gate.model import PolicyRef, Verdict

POLICY = PolicyRef(version="itest-1", sha256="1" * 64)


@dataclass(frozen=True)
class ExpectProcessor:
    """Decides what the event asks for; sleeps `sleep_s` per event to simulate check time."""

    sleep_s: float = 0.0

    def __call__(self, record: InboundRecord) -> RoutedRecord:
        if self.sleep_s:
            time.sleep(self.sleep_s)
        try:
            event = json.loads(record.value or b"")
            verdict, codes = Verdict(event["expect"]), ()
        except (ValueError, TypeError, KeyError):
            verdict, codes = Verdict.QUARANTINED, ("test.undecodable",)
        value = encode_json(
            {
                "verdict": verdict.value,
                "reasons": list(codes),
                "input_sha256": hashlib.sha256(record.value or b"").hexdigest(),
            }
        )
        return RoutedRecord(
            verdict=verdict,
            key=record.key or b"",
            value=value,
            headers=route_headers(verdict, codes, POLICY, record.header("traceparent")),
            reason_codes=codes,
            source="itest",
        )


@dataclass(frozen=True)
class ExpectFactory:
    """Builds an ExpectProcessor in each worker (taking `build_sleep_s` to build, like a large trust list)."""

    sleep_s: float = 0.0
    build_sleep_s: float = 0.0

    @property
    def policy(self) -> PolicyRef:
        """The fixed test policy."""
        return POLICY

    def build(self) -> ExpectProcessor:
        """A ready processor."""
        time.sleep(self.build_sleep_s)
        return ExpectProcessor(self.sleep_s)
