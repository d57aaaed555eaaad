"""The observer seam: the runner reports what happens; metrics, logs and traces listen.

Checks and the decision core never call an observer. Implementations must be cheap and must never raise
into the caller, and must never receive personal data: only verdicts, reason codes, sources, timings.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Protocol

from gate.model import Verdict

TopicPartition = tuple[str, int]


class Observer(Protocol):
    """What the streaming runner tells the outside world."""

    def batch_started(self, size: int, nbytes: int) -> None:
        """A batch of `size` records (`nbytes` of values) was taken from the consumer."""

    def event_decided(
        self,
        *,
        verdict: str,
        source: str,
        reason_codes: Sequence[str],
        latency_s: float,
        check_seconds: Mapping[str, float],
        entity_types: Sequence[str] = (),
    ) -> None:
        """One event got its verdict; `check_seconds` maps check name to its elapsed time; `entity_types`
        are the personal-data entity types its reasons name (types only, never values)."""

    def events_decided(self, records: Sequence[DecidedRecord], latency_s: float) -> None:
        """Each of `records` got its verdict, all `latency_s` after the gate took them in (a committed batch):
        what `event_decided` says per record, said once for all of them."""

    def stage_finished(self, stage: str, seconds: float) -> None:
        """A runner stage (`fetch`, `decode`, `evaluate`, `ipc`, `produce`, `commit`, `wait`) took `seconds`
        (per batch; `wait` is the loop waiting for workers)."""

    def transaction_finished(self, outcome: str) -> None:
        """A transaction ended: `committed`, `aborted`, `fenced` or `failed`."""

    def error(self, kind: str) -> None:
        """Something went wrong that did not stop the loop (`kind` is a short fixed name)."""

    def policy_reloaded(self, version: str, sha256: str, outcome: str) -> None:
        """A reload ended: `loaded` (the policy in force is now `version`/`sha256`) or `failed`."""

    def inflight(self, count: int) -> None:
        """Events currently taken from Kafka and not yet committed."""

    def batch_size_chosen(self, records: int) -> None:
        """The batch size (records) the runner chose for its next batch."""

    def consumer_lag(self, topic: str, partition: int, lag: int) -> None:
        """Lag of one assigned partition, from librdkafka statistics."""

    def partitions_taken(self, oldest_timestamp_ms: Mapping[TopicPartition, int | None]) -> None:
        """A batch was taken; per partition, the producer timestamp (ms) of its oldest record, if any."""

    def partitions_decided(self, partitions: Collection[TopicPartition]) -> None:
        """The records taken from these partitions were committed."""

    def partitions_caught_up(self, partitions: Collection[TopicPartition]) -> None:
        """A fetch found nothing new on these partitions."""

    def partitions_released(self, partitions: Collection[TopicPartition]) -> None:
        """These partitions were revoked or lost."""

    def flood_guard(self, *, tripped: bool, partitions: Collection[TopicPartition]) -> None:
        """The quarantine flood guard tripped (and paused `partitions`) or was released."""


class NullObserver:
    """An observer that ignores everything (the default for `gate check` and unit tests)."""

    def batch_started(self, size: int, nbytes: int) -> None:
        """Ignore."""

    def event_decided(
        self,
        *,
        verdict: str,
        source: str,
        reason_codes: Sequence[str],
        latency_s: float,
        check_seconds: Mapping[str, float],
        entity_types: Sequence[str] = (),
    ) -> None:
        """Ignore."""

    def events_decided(self, records: Sequence[DecidedRecord], latency_s: float) -> None:
        """One `event_decided` per record (an observer that overrides only that still sees every event)."""
        for record in records:
            report_decided(self, record, latency_s)

    def stage_finished(self, stage: str, seconds: float) -> None:
        """Ignore."""

    def transaction_finished(self, outcome: str) -> None:
        """Ignore."""

    def error(self, kind: str) -> None:
        """Ignore."""

    def policy_reloaded(self, version: str, sha256: str, outcome: str) -> None:
        """Ignore."""

    def inflight(self, count: int) -> None:
        """Ignore."""

    def batch_size_chosen(self, records: int) -> None:
        """Ignore."""

    def consumer_lag(self, topic: str, partition: int, lag: int) -> None:
        """Ignore."""

    def partitions_taken(self, oldest_timestamp_ms: Mapping[TopicPartition, int | None]) -> None:
        """Ignore."""

    def partitions_decided(self, partitions: Collection[TopicPartition]) -> None:
        """Ignore."""

    def partitions_caught_up(self, partitions: Collection[TopicPartition]) -> None:
        """Ignore."""

    def partitions_released(self, partitions: Collection[TopicPartition]) -> None:
        """Ignore."""

    def flood_guard(self, *, tripped: bool, partitions: Collection[TopicPartition]) -> None:
        """Ignore."""


class DecidedRecord(Protocol):
    """What `report_decided` reads of a decided record. `gate.core.record.RoutedRecord` has all of it; the
    observe layer sits below the core, so it names the fields instead of importing the class."""

    @property
    def verdict(self) -> Verdict:
        """The verdict the event got."""

    @property
    def source(self) -> str:
        """The event's declared source."""

    @property
    def reason_codes(self) -> Sequence[str]:
        """The codes of its reasons."""

    @property
    def check_seconds(self) -> Mapping[str, float]:
        """Check name to its elapsed time."""

    @property
    def entity_types(self) -> Sequence[str]:
        """The personal-data entity types its reasons name (types only, never values)."""


def report_decided(observer: Observer, record: DecidedRecord, latency_s: float) -> None:
    """Tell `observer` that `record`'s event got its verdict, `latency_s` after the gate took it in: the one
    translation of a decided record into `Observer.event_decided`, for the stream and `gate serve` alike."""
    observer.event_decided(
        verdict=record.verdict.value,
        source=record.source,
        reason_codes=record.reason_codes,
        latency_s=latency_s,
        check_seconds=record.check_seconds,
        entity_types=record.entity_types,
    )
