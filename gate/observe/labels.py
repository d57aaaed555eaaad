"""Label hygiene: turn runtime strings into bounded, personal-data-free Prometheus label values.

Every label value is a time series that lives for the life of the process and is shipped to the monitoring
stack, so a label must never carry personal data and must come from a small, bounded set.

- Names chosen by our own code (verdict, check, stage, error kind, transaction outcome) only need a format
  check: anything odd becomes ``"invalid"`` so a bug shows up on the dashboard instead of leaking.
- Reason codes must look like ``family.code`` (``^[a-z_]+(\\.[a-z_]+)+$``), else ``"invalid_code"``.
- ``source`` comes from the event itself, i.e. from outside: see `SourceLabels`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Collection

INVALID = "invalid"
OTHER = "other"
INVALID_CODE = "invalid_code"

_NAME = re.compile(r"[a-z][a-z0-9_.-]{0,63}")
_REASON_CODE = re.compile(r"[a-z_]+(\.[a-z_]+)+")
_MAX_REASON_CODE_LEN = 128
_SOURCE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,47}")
# Six or more digits in a row look like a phone, customer or ID number rather than a system name.
_DIGIT_RUN = re.compile(r"[0-9]{6,}")
_TOPIC = re.compile(r"[A-Za-z0-9._-]{1,249}")
_VERSION = re.compile(r"[A-Za-z0-9_.+-]{1,64}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_ENTITY = re.compile(r"[A-Z][A-Z0-9_]{0,47}")


def name_label(value: str) -> str:
    """A name our own code chose (verdict, check, stage, kind, outcome), or ``"invalid"``."""
    # fullmatch, not match with `$`: `$` would accept a trailing newline.
    return value if _NAME.fullmatch(value) else INVALID


def reason_code_label(code: str) -> str:
    """A reason code such as ``provenance.manifest_missing``, or ``"invalid_code"``."""
    if len(code) <= _MAX_REASON_CODE_LEN and _REASON_CODE.fullmatch(code):
        return code
    return INVALID_CODE


def topic_label(topic: str) -> str:
    """A Kafka topic name (Kafka's own legal characters), or ``"invalid"``."""
    return topic if _TOPIC.fullmatch(topic) else INVALID


def version_label(version: str) -> str:
    """A version string (policy or package), or ``"invalid"``."""
    return version if _VERSION.fullmatch(version) else INVALID


def entity_label(entity: str) -> str:
    """A detector's entity type such as ``EMAIL_ADDRESS`` (a constant in our code, so a bounded set), or
    ``"invalid"``."""
    return entity if _ENTITY.fullmatch(entity) else INVALID


def sha256_label(digest: str) -> str:
    """A lowercase hex SHA-256 digest, or ``"invalid"``."""
    digest = digest.lower()
    return digest if _SHA256.fullmatch(digest) else INVALID


class SourceLabels:
    """Maps the free-form ``source`` of events to a bounded set of label values.

    The choice, in order:

    1. The value is stripped and lowercased. If it is not already ``[a-z0-9][a-z0-9_.-]{0,47}``, or it holds
       a run of six or more digits, it becomes ``"invalid"``. We reject rather than rewrite: replacing
       ``@`` in ``alice@example.com`` with ``_`` would still publish the address.
    2. With an allow-list (recommended in production, from settings), a well-formed value outside it becomes
       ``"other"``. A format check cannot tell a system name from a person's name; an allow-list can.
    3. Without one, the first `max_distinct` well-formed values are admitted, first come first served, and
       every later new value becomes ``"other"``. This bounds the series count even when a producer
       misbehaves, at the price of the admitted set depending on arrival order.

    Thread-safe: the runner may report from more than one thread.
    """

    def __init__(self, allowed: Collection[str] | None = None, max_distinct: int = 20) -> None:
        """`allowed` fixes the admitted sources; otherwise up to `max_distinct` are admitted as seen."""
        if max_distinct < 0:
            raise ValueError("max_distinct must be >= 0")
        self._allowed = None if allowed is None else frozenset(s.strip().lower() for s in allowed)
        self._max_distinct = max_distinct
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, source: str) -> str:
        """The label value for `source`."""
        value = source.strip().lower()
        if not _SOURCE.fullmatch(value) or _DIGIT_RUN.search(value):
            return INVALID
        if self._allowed is not None:
            return value if value in self._allowed else OTHER
        with self._lock:
            if value in self._seen:
                return value
            if len(self._seen) < self._max_distinct:
                self._seen.add(value)
                return value
        return OTHER
