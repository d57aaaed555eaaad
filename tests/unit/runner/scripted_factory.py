"""A picklable ProcessorFactory for pool tests: the record value is a command for the worker.

b"ok" / anything else: route APPROVED; b"sleep:<s>": sleep then route; b"hang": sleep forever;
b"crash": os._exit(3) (like a segfault, no cleanup); b"raise": raise inside the processor;
b"store-down": raise StoreUnavailable (the published-image store did not answer); b"modules": route with
the files this worker imported `gate` and this module from.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass

from gate.core.record import InboundRecord, RoutedRecord, encode_json, route_headers
from gate.errors import StoreUnavailable
from gate.model import PolicyRef, Verdict

POLICY = PolicyRef(version="test-1", sha256="0" * 64)


class ScriptedProcessor:
    """Obeys the command in each record's value."""

    def __call__(self, record: InboundRecord) -> RoutedRecord:
        command = record.value or b""
        if command == b"hang":
            time.sleep(3600)
        elif command == b"crash":
            os._exit(3)
        elif command == b"raise":
            raise RuntimeError("processor bug")
        elif command == b"store-down":
            raise StoreUnavailable("s3 put: ServiceUnavailable (HTTP 503)")
        elif command.startswith(b"sleep:"):
            time.sleep(float(command.split(b":", 1)[1]))
        answer = {"offset": record.offset, "pid": os.getpid(), "command": command.decode()}
        if command == b"modules":
            answer["files"] = {name: sys.modules[name].__file__ for name in ("gate", __name__)}
        value = encode_json(answer)
        return RoutedRecord(
            verdict=Verdict.APPROVED,
            key=record.key or b"",
            value=value,
            headers=route_headers(Verdict.APPROVED, (), POLICY, None),
            reason_codes=(),
            source="test",
        )


@dataclass(frozen=True)
class ScriptedFactory:
    """Builds a ScriptedProcessor; `fail_build` makes build() raise (a broken policy, say), `build_sleep_s`
    makes it slow (a large trust list, say)."""

    fail_build: bool = False
    build_sleep_s: float = 0.0

    @property
    def policy(self) -> PolicyRef:
        """The fixed test policy."""
        return POLICY

    def reload(self) -> ScriptedFactory:
        """Nothing to read again."""
        return self

    def build(self) -> ScriptedProcessor:
        """A fresh processor (or a failure, when asked)."""
        time.sleep(self.build_sleep_s)
        if self.fail_build:
            raise ValueError("policy file is broken")
        return ScriptedProcessor()
