"""The streaming loop: batches in flight -> evaluate -> transactions, until asked to stop.

Pipelining: while the workers evaluate batch N, the loop fetches and decodes batch N+1, and produces and
commits the batches before N: between fetches by default, or on a thread of its own with
`batch.commit_thread` (see `gate.runner.inflight`, `gate.runner.commit_thread`).
Batches are committed strictly in fetch order, with their own outputs and end offsets in the same
transaction (every decided batch at the head of the window goes into one transaction); when a transaction
cannot be committed, every batch behind it is discarded unproduced and the consumer rewound, so records are
decided again, never skipped. At a trickle a decided batch may wait up to `batch.commit_interval_ms` for
its transaction (`gate.runner.cadence`); uncommitted, it is in flight like any other.

Rebalances: rebalance callbacks run inside consume() on the loop thread. A revoke first waits for the
commit in flight and collects it, so a rebalance only ever happens between committed batches; then it
discards every batch still in flight (none of it was produced, and its offsets were not committed); records
of a revoked partition still waiting in the batch being assembled are dropped too (see
`BatchReader.revoked`).

Shutdown: SIGTERM/SIGINT set a flag (while workers start, the run ends there); no batch is fetched any more,
the batches in flight are finished and committed, unless that runs past `shutdown_timeout_s`, when they
are abandoned uncommitted and re-read by the next owner. A SIGHUP reload waits until nothing is in flight.

Store outage: a batch whose published bytes cannot be stored is not committed, nor is any batch behind it:
the consumer is rewound to their first offsets, readiness turns false, and they are retried after a pause.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from confluent_kafka import KafkaError, KafkaException

from gate.core.record import RoutedRecord
from gate.errors import ConfigError, StoreUnavailable
from gate.observe.observer import Observer
from gate.observe.tracing import batch_span
from gate.runner.batch_size import BatchSizer, CommittedBatch
from gate.runner.batching import SLICE_S, Batch, BatchReader
from gate.runner.cadence import CommitCadence, cadence_interval_s
from gate.runner.clients import FENCED_CODES, KafkaClients, fatal_error, kafka_error_of
from gate.runner.commit_thread import CommitJob, CommitOutcome, CommitThread
from gate.runner.contract import ProcessorFactory
from gate.runner.decided import report_decisions
from gate.runner.errors import Fenced, PoolError, RunnerError, TransactionFailed
from gate.runner.evaluator import Evaluator, InProcessEvaluator
from gate.runner.flood_guard import FloodGuard, PauseControl
from gate.runner.health import RunnerHealth
from gate.runner.inflight import InFlight, InFlightBatches
from gate.runner.pool import ProcessPool
from gate.runner.signals import install_signal_handlers
from gate.runner.stats import StatsListener
from gate.runner.transaction import TransactionalCommitter, verdict_topics
from gate.settings import GateSettings

log = logging.getLogger("gate.runner")

EXIT_OK, EXIT_FAILED, EXIT_CONFIG, EXIT_FENCED = 0, 1, 2, 3
MAX_ABORTS_IN_A_ROW = 5  # an abort that keeps coming back (e.g. a record the broker refuses) must surface
MAX_STORE_PAUSE_S = 30.0  # well under max.poll.interval.ms (300 s), so the group keeps our partitions
_WAIT_SLICE_S = 0.25  # longest wait for workers before looking at the stop and reload flags again
_PAUSED_POLL_S = 0.05  # an operator's `gate resume` takes effect within this


class GateRunner:
    """Consumes the ingest topic and routes every record to exactly one verdict topic, transactionally."""

    def __init__(
        self,
        settings: GateSettings,
        factory: ProcessorFactory,
        observer: Observer,
        health: RunnerHealth | None = None,
        *,
        clients: KafkaClients | None = None,
        evaluator: Evaluator | None = None,
        flood_guard: FloodGuard | None = None,
    ) -> None:
        if settings.bootstrap_servers is None:
            raise ConfigError("bootstrap_servers: required to run (start an embedded broker for demos)")
        self._settings = settings
        self._factory = factory
        self._observer = observer
        self.health = health or RunnerHealth()
        self._clients = clients or KafkaClients(
            settings, error_cb=self._on_kafka_error, stats_cb=StatsListener(observer, self.health)
        )
        self._evaluator = evaluator or _make_evaluator(settings, factory, observer)
        # Shared with the admin endpoint, which asks it to resume.
        self.flood_guard = flood_guard or FloodGuard(settings.flood_guard)
        self._stop = threading.Event()
        self._reload = threading.Event()
        self._stop_deadline = float("inf")
        self._fatal: KafkaError | None = None
        self._inflight = InFlightBatches()
        self._batch_size = BatchSizer(settings.batch)
        self._cadence = CommitCadence(
            cadence_interval_s(settings.batch.commit_interval_ms, settings.batch.linger_ms)
        )
        self._aborts_in_a_row = self._store_failures = 0
        self._ipc_reported = 0.0
        self._commits: CommitThread | None = None  # set by run()
        self._guard: PauseControl | None = None  # set by run()
        self._deferred: Exception | None = None  # a fatal commit error collected inside a callback
        # The consumer's group metadata (member id, generation) for the transactions' offsets: it changes
        # only in a rebalance, and reading it is a round trip to librdkafka's main thread (~10 us idle, a
        # scheduling wait on busy cores) before every commit. Forgotten at every rebalance and every abort.
        self._group_metadata: Any = None

    def request_stop(self, *, immediately: bool = False) -> None:
        """Finish the batches in flight, then stop (abandon them at once if `immediately`). Signal-safe."""
        now = time.monotonic()
        if self._stop.is_set() or immediately:
            self._stop_deadline = now  # a second request: do not wait for the batches
        else:
            self._stop_deadline = now + self._settings.shutdown_timeout_s
        self._stop.set()

    def request_reload(self) -> None:
        """Load the configuration again before the next batch (SIGHUP). Signal-handler safe."""
        self._reload.set()

    def run(self) -> None:
        """Run until stopped. Raises a RunnerError subclass when the loop cannot go on."""
        committer: TransactionalCommitter | None = None
        commits: CommitThread | None = None
        try:
            if not self._evaluator.start(self._stop.is_set):  # workers before Kafka's threads start
                return  # asked to stop while they started (seconds): nothing was read
            consumer, producer = self._clients.consumer, self._clients.producer
            committer = TransactionalCommitter(
                producer,
                consumer,
                verdict_topics(self._settings.topics),
                self._observer,
                self._factory.policy,
                audit_topic=self._settings.topics.audit,
            )
            if not committer.init(self._stop.is_set):
                return  # asked to stop while the brokers did not answer: nothing was registered or read
            commits = self._commits = CommitThread(
                _threaded(committer), inline=not self._settings.batch.commit_thread
            )
            self._evaluator.watch(commits.wakeup_fd)  # a commit's end wakes the loop's waits
            reader = BatchReader(consumer, self._settings.batch, on_error=self._observer.error)
            consumer.subscribe(
                [self._settings.topics.ingest],
                on_assign=lambda _c, parts: self._assigned(reader, parts),
                on_revoke=lambda _c, parts: self._revoked(reader, parts),
                on_lost=lambda _c, parts: self._revoked(reader, parts),
            )
            self.health.set_broker_reachable(True)  # init_transactions just talked to the coordinator
            self.health.mark_started()
            self._guard = PauseControl(self.flood_guard, consumer, self.health, self._observer)
            self._loop(reader, committer, self._guard)
        finally:
            self.health.mark_stopping()
            if commits is not None:
                commits.close()  # a commit in flight finishes (or fails) before the producer is left
            if committer is not None:
                committer.abort_open()
            self._clients.close()
            self._evaluator.close()

    def _loop(self, reader: BatchReader, committer: TransactionalCommitter, guard: PauseControl) -> None:
        commits = self._committing()
        while True:
            self._raise_if_fatal()
            self.health.tick()
            if self._stop.is_set():
                if not self._busy():
                    return
                if time.monotonic() >= self._stop_deadline:  # set with the stop flag
                    log.warning(
                        "shutdown timeout: abandoning %d records in flight uncommitted",
                        self._inflight.records,
                    )
                    self._evaluator.abandon()
                    self._observer.inflight(0)
                    return  # run() lets a commit in flight finish before it leaves the producer
            elif self._reload.is_set() and not self._busy():
                self._reload_configuration(committer)
            if commits.finished:
                self._collect(guard)
            elif not commits.busy and self._commit_due():
                self._start_commit(guard)
            elif self._may_fetch():
                self._fetch(reader, guard)
            else:
                waited = time.monotonic()
                # A commit thread's end wakes this wait (`Evaluator.watch`); the slice bounds it otherwise.
                self._evaluator.serve(SLICE_S if commits.busy else _WAIT_SLICE_S)
                self._observer.stage_finished("wait", time.monotonic() - waited)

    def _committing(self) -> CommitThread:
        assert self._commits is not None, "run() starts the commit thread"
        return self._commits

    def _busy(self) -> bool:
        """Batches in flight, or a commit not yet collected."""
        return bool(self._inflight) or self._committing().busy

    def _oldest_done(self) -> bool:
        oldest = self._inflight.oldest
        return oldest is not None and self._evaluator.done(oldest.ticket)

    def _commit_due(self) -> bool:
        """The oldest batch is decided and may commit now: the cadence has a start for it, or the loop must
        drain (stop, reload, a paused flood guard, a full window: holding would only idle the workers)."""
        if not self._oldest_done():
            return False
        if not self._may_fetch() or (self._guard is not None and self._guard.paused):
            return True
        return self._cadence.wait_s(self._inflight.decided_records(self._evaluator)) <= 0

    def _may_fetch(self) -> bool:
        if self._stop.is_set() or self._reload.is_set():
            return False  # drain first: stop or reload only between committed batches
        return self._inflight.has_room(self._batch_size.size, max(1, self._settings.workers))

    def _fetch(self, reader: BatchReader, guard: PauseControl) -> None:
        """Read the next batch and submit it; with batches in flight, keep them moving while waiting."""
        guard.before_fetch()
        busy = self._busy()
        fetch_started = time.monotonic()
        decode_before = reader.decode_seconds
        batch = reader.next_batch(
            max_records=self._batch_size.size,
            # Paused by the flood guard, nothing arrives: look at the resume request often instead.
            idle_timeout_s=_WAIT_SLICE_S if busy else (_PAUSED_POLL_S if guard.paused else None),
            # Idle workers gain nothing from a linger: send what is there, and batch up behind it.
            linger_s=0.0 if self._evaluator.overlaps and not busy else None,
            between=self._keep_moving if busy else None,
            # Linger only while the workers have enough to do: a batch waiting to fill while a worker
            # idles adds its wait to every record in it and buys nothing (commits group by themselves).
            send_now=self._evaluator.hungry if busy else None,
        )
        if batch is None:
            if not busy and not guard.paused:
                self._observer.partitions_caught_up(self.health.assigned)
            return
        if guard.hold_back(batch):
            return
        self._observer.partitions_taken(batch.oldest_timestamps_ms)
        self._observer.stage_finished("fetch", time.monotonic() - fetch_started)
        self._observer.stage_finished("decode", reader.decode_seconds - decode_before)
        self._observer.batch_started(len(batch.records), batch.nbytes)
        self._inflight.add(batch, self._evaluator.submit(batch.records))
        # Hand the records to the workers now: the loop's next step may be a commit, which holds it for
        # the broker's round trips (~10 ms), and records still queued here would wait that out while a
        # worker idles (at half load that was about a third of submit -> decided).
        self._evaluator.serve(0.0)
        self._observer.inflight(self._inflight.records)

    def _keep_moving(self) -> bool:
        """Between consume() polls: serve the workers a moment; True (close the batch) once the oldest batch
        is decided and the commit thread is free for it (idle and the cadence has a start for it, or its
        last commit is ready to collect). While the cadence holds a decided batch, the batch being
        assembled goes on as the workers allow.
        A commit that ended with a batch still evaluating behind it does not close the batch: batches stay
        as large as the evaluation takes, and transactions as few. One that ended with nothing in flight
        does: the loop collects it and waits for records in consume(), which wakes at once, instead of
        polling it every slice (the wait for a first record lasts up to `_WAIT_SLICE_S`; at 57 events/s a
        finished commit stayed uncollected 7.5 ms, the median gap between records, inflating the gate's
        own fetch -> commit latency, which the batch sizer reads)."""
        self._evaluator.serve(SLICE_S)
        commits = self._committing()
        if commits.finished:
            return not self._inflight or self._oldest_done()
        return not commits.busy and self._commit_due()

    def _start_commit(self, guard: PauseControl) -> None:
        """Hand every decided batch at the head of the window to the commit thread, in one transaction."""
        consumer = self._clients.consumer
        entries: list[InFlight] = []
        routed: list[list[RoutedRecord]] = []
        while self._oldest_done():
            entry = self._inflight.pop_oldest()
            try:
                results = self._evaluator.take(entry.ticket)
            except StoreUnavailable as exc:
                # Not committed, nor anything behind it; the decided batches before it still are.
                self._store_failures += 1
                self._inflight.discard_all(self._evaluator, consumer, also=[entry.batch])
                self._hold_for_store(len(entry.batch.records), exc, self._store_failures)
                break
            self._observer.stage_finished("evaluate", time.monotonic() - entry.submitted_at)
            entries.append(entry)
            routed.append(results)
        ipc = self._evaluator.ipc_seconds
        self._observer.stage_finished("ipc", ipc - self._ipc_reported)
        self._ipc_reported = ipc
        if not entries:
            return
        self._cadence.started()
        self._committing().submit(CommitJob(tuple(entries), tuple(routed)), self._metadata(consumer))
        self._observer.inflight(self._inflight.records)

    def _metadata(self, consumer: Any) -> Any:
        """The group metadata the transactions send their offsets with, read once per rebalance."""
        if self._group_metadata is None:
            try:
                self._group_metadata = consumer.consumer_group_metadata()
            except KafkaException as exc:
                raise fatal_error(kafka_error_of(exc), "consumer_group_metadata") from None
        return self._group_metadata

    def _collect(self, guard: PauseControl, *, in_rebalance: bool = False) -> None:
        """Take the finished commit's outcome: report what was committed; after an abort, discard every batch
        behind it and rewind. Inside a rebalance callback a fatal error is kept and raised after it."""
        outcome = self._committing().collect()
        self.health.tick()
        consumer = self._clients.consumer
        job = outcome.job
        if outcome.committed is None:
            self._group_metadata = None  # read it afresh: a generation gone stale is one cause of an abort
        if outcome.error is not None:
            self._inflight.discard_all(self._evaluator, consumer, also=job.batches)
            self._observer.inflight(0)
            if not in_rebalance:
                raise outcome.error
            self._deferred = outcome.error
            return
        if outcome.committed is None:
            only = self.health.assigned if in_rebalance else None
            self._inflight.discard_all(self._evaluator, consumer, also=job.batches, only=only)
            self._observer.inflight(0)
            self._aborts_in_a_row += 1
            self._observer.error("transaction_aborted")
            if self._aborts_in_a_row >= MAX_ABORTS_IN_A_ROW:
                failed = TransactionFailed(f"{self._aborts_in_a_row} transactions in a row were aborted")
                if not in_rebalance:
                    raise failed
                self._deferred = failed
            elif not in_rebalance:
                time.sleep(min(2.0, 0.1 * 2**self._aborts_in_a_row))
            return
        self._committed(outcome, guard, in_rebalance=in_rebalance)

    def _committed(self, outcome: CommitOutcome, guard: PauseControl, *, in_rebalance: bool) -> None:
        assert outcome.committed is not None
        self._aborts_in_a_row = self._store_failures = 0
        self._observer.inflight(self._inflight.records)
        self.health.set_broker_reachable(True)
        self.health.set_store_reachable(True)
        now = time.monotonic()
        for entry, committed in zip(outcome.job.entries, outcome.committed, strict=True):
            batch = entry.batch
            self._observer.partitions_decided(batch.next_offsets.keys())
            self._batch_size.observe(
                CommittedBatch(len(batch.records), now - batch.fetched_at, batch.full, now)
            )
            report_decisions(self._observer, batch, committed)
            guard.after_commit(committed, batch)
        self._observer.batch_size_chosen(self._batch_size.size)
        if guard.paused and self._inflight and not in_rebalance:
            # Decided while the flood was building, not yet committed: read again once resumed.
            self._inflight.discard_all(self._evaluator, self._clients.consumer)
            self._observer.inflight(0)

    def _reload_configuration(self, committer: TransactionalCommitter) -> None:
        """Between batches: read the configuration again and swap in workers built from it.

        The new workers start before the old ones stop, so a configuration that cannot be used (bad policy,
        unreadable anchors, a worker that cannot build) leaves the gate deciding under the old one.
        """
        self._reload.clear()
        old = self._factory.policy
        try:
            factory = self._factory.reload()
            evaluator = _make_evaluator(self._settings, factory, self._observer)
            if not evaluator.start(self._stop.is_set):
                return  # asked to stop meanwhile: the old workers finish what is in flight
        except (ConfigError, PoolError) as exc:
            log.error("reload failed, keeping policy %s: %s", old.version, exc)
            self._observer.policy_reloaded(old.version, old.sha256, "failed")
            return
        self._evaluator.close()
        self._evaluator, self._factory = evaluator, factory
        evaluator.watch(self._committing().wakeup_fd)
        self._ipc_reported = 0.0
        new = factory.policy
        committer.policy = new
        log.info(
            "configuration reloaded (policy was %s)",
            old.version,
            extra={"policy_version": new.version, "policy_sha256": new.sha256},
        )
        self._observer.policy_reloaded(new.version, new.sha256, "loaded")

    def _hold_for_store(self, records: int, exc: StoreUnavailable, failures: int) -> None:
        """The store failed under a batch (already rewound): report not ready, pause, then retry."""
        log.warning("store unavailable: batch of %d records not committed, retrying (%s)", records, exc)
        self._observer.error("store_unavailable")
        self._observer.inflight(0)
        self.health.set_store_reachable(False)
        pause_until = time.monotonic() + min(MAX_STORE_PAUSE_S, 0.5 * 2 ** min(failures, 8))
        while not self._stop.is_set() and time.monotonic() < pause_until:
            self.health.tick()  # waiting for the store is progress, not a stall: stay alive, not ready
            self._stop.wait(0.25)

    def _assigned(self, reader: BatchReader, partitions: list[Any]) -> None:
        self._group_metadata = None  # a new generation
        reader.assigned((p.topic, p.partition) for p in partitions)
        self.health.set_assignment((p.topic, p.partition) for p in partitions)
        log.info("assigned %s", sorted(p.partition for p in partitions))

    def _revoked(self, reader: BatchReader, partitions: list[Any]) -> None:
        reader.revoked((p.topic, p.partition) for p in partitions)
        self._group_metadata = None  # no commit after this one uses the old generation
        gone = {(p.topic, p.partition) for p in partitions}
        commits, guard = self._commits, self._guard
        if commits is not None and guard is not None and commits.busy:
            # The commit in flight finishes before the partitions go: a rebalance only between commits.
            commits.wait()
            self._collect(guard, in_rebalance=True)
        self.health.set_assignment(self.health.assigned - gone)
        if self._inflight:
            # Decided or not, nothing in flight was produced: drop it uncommitted, its partitions' next owner
            # reads it again. (Eager assignment revokes everything; a partition still ours is rewound.)
            dropped = self._inflight.discard_all(
                self._evaluator, self._clients.consumer, only=self.health.assigned
            )
            self._observer.inflight(0)
            log.info("rebalance: %d records in flight dropped uncommitted", dropped)
        self._observer.partitions_released(gone)
        self.flood_guard.forget(gone)
        log.info("revoked %s", sorted(p.partition for p in partitions))

    def _on_kafka_error(self, err: KafkaError) -> None:
        """error_cb: runs inside consume()/flush() on the loop thread."""
        if err.code() == KafkaError._ALL_BROKERS_DOWN:
            self.health.set_broker_reachable(False)
        if err.fatal() or err.code() in FENCED_CODES:
            self._fatal = err
        self._observer.error("kafka")

    def _raise_if_fatal(self) -> None:
        if self._deferred is not None:
            raise self._deferred
        if self._fatal is not None:
            raise fatal_error(self._fatal, "kafka client")


def _threaded(committer: TransactionalCommitter) -> Callable[[Batch, Sequence[RoutedRecord], Any], Any]:
    """The committer as the commit thread calls it: group metadata read by the loop, rewind left to it."""

    def commit(batch: Batch, routed: Sequence[RoutedRecord], metadata: Any) -> list[RoutedRecord] | None:
        with batch_span(len(batch.records)):
            return committer.commit_batch(batch, routed, group_metadata=metadata, rewind=False)

    return commit


def _make_evaluator(settings: GateSettings, factory: ProcessorFactory, observer: Observer) -> Evaluator:
    if settings.workers == 0:
        return InProcessEvaluator(factory, on_event=observer.error)
    return ProcessPool(factory, settings.workers, settings.event_timeout_s, on_event=observer.error)


def run(
    settings: GateSettings,
    factory: ProcessorFactory,
    observer: Observer,
    health: RunnerHealth | None = None,
    *,
    flood_guard: FloodGuard | None = None,
) -> int:
    """Run the gate until SIGTERM/SIGINT; the exit status for the CLI.

    0 stopped cleanly; 1 Kafka or transaction failure; 2 configuration error; 3 fenced by another instance.
    Signal handlers are installed only when called from the main thread.
    """
    try:
        runner = GateRunner(settings, factory, observer, health, flood_guard=flood_guard)
    except ConfigError as exc:
        log.error("%s", exc)
        return EXIT_CONFIG
    restore = install_signal_handlers(runner.request_stop, runner.request_reload)
    try:
        runner.run()
    except Fenced as exc:
        log.error("stopping: %s", exc)
        return EXIT_FENCED
    except ConfigError as exc:
        log.error("%s", exc)
        return EXIT_CONFIG
    except RunnerError as exc:
        log.error("stopping: %s", exc)
        return EXIT_FAILED
    except KafkaException as exc:  # a client error no layer below expected: still a clean, non-zero exit
        log.error("stopping on an unexpected Kafka error: %s", kafka_error_of(exc).str())
        return EXIT_FAILED
    finally:
        restore()
    return EXIT_OK
