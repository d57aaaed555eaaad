"""`gate serve`'s request handling: signature, payload, decision within the budget, answer, records.

`WebhookService.handle(body, signature)` is the whole contract without HTTP (`gate.commerce.http` puts it on
a port): a request whose signature is missing or wrong gets 401 and an audit line, never a decision; a signed
one is parsed, its new images decided on the decision threads and recorded, and the answer is the webhook
operation. The hard budget (`commerce.budget_ms`) is enforced by waiting for the decision no longer than
that: past it, or on any internal error, the answer is `commerce.fail_mode`'s, counted by cause. A decision
that finishes after its request was answered is still recorded (it is what the gate decided) and logged; one
that had not started yet is dropped (nothing was decided, and the answer already said so).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Literal

from gate.commerce.metrics import CommerceMetrics
from gate.commerce.records import Recorder, RecordingFailed, refusal_record
from gate.commerce.signature import SignatureCheck, WebhookSignature
from gate.commerce.veto import DecidedImage, ProductSaveVeto, answer
from gate.commerce.webhook import (
    WEBHOOK_PATH,
    PayloadInvalid,
    ProductSave,
    exception,
    parse_product_save,
    success,
)
from gate.core.record import RoutedRecord
from gate.errors import ConfigError
from gate.observe.metrics import PrometheusObserver
from gate.observe.observer import report_decided
from gate.worker.assembly import LoadedConfig

_LOG = logging.getLogger("gate.commerce")
_JSON = "application/json"
FailMode = Literal["exception", "success"]
_FAIL_MESSAGES = {
    "budget": "gate: the images could not be checked within the time budget; save again",
    "error": "gate: the images could not be checked (internal error); save again",
    "recording": "gate: the decision could not be recorded; save again",
}


@dataclass(frozen=True, slots=True)
class Reply:
    """An HTTP answer: status, body, content type."""

    status: int
    body: bytes
    content_type: str = _JSON


@dataclass(frozen=True, slots=True)
class Budget:
    """The hard time budget of one request, and what to answer past it (or on an internal error)."""

    seconds: float
    fail_mode: FailMode = "exception"
    max_images: int = 50


class WebhookService:
    """Answers product-save webhooks; thread-safe (the HTTP server calls it from one thread per request)."""

    def __init__(
        self,
        signature: WebhookSignature,
        veto: ProductSaveVeto,
        recorder: Recorder,
        *,
        observer: PrometheusObserver,
        metrics: CommerceMetrics,
        budget: Budget,
        workers: int = 1,
    ) -> None:
        self._signature = signature
        self._veto = veto
        self._recorder = recorder
        self._observer = observer
        self._metrics = metrics
        self._budget = budget
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="gate-commerce-decide")
        self._warm = [self._pool.submit(veto.warm) for _ in range(workers)]

    def ready(self) -> bool:
        """True once the decision threads have built their pipelines and records can be written."""
        return all(f.done() and f.exception() is None for f in self._warm) and self._recorder.ready()

    def handle(self, body: bytes, signature: str | None) -> Reply:
        """Answer one request to the webhook path (body already read, within the size limit)."""
        started = time.perf_counter()
        try:
            return self._handle(body, signature, started)
        finally:
            self._metrics.duration.observe(time.perf_counter() - started)

    def refuse(self, answer_label: str, status: int, message: str) -> Reply:
        """An HTTP refusal before the body was read (too large, no length): counted, not decided."""
        self._metrics.requests.labels(answer=answer_label).inc()
        return Reply(status, _error(message))

    def reload(self, load: Callable[[], LoadedConfig]) -> bool:
        """Read the configuration again (SIGHUP): on success decide with it from the next image on; on a
        ConfigError keep the pinned one. Counted in gate_policy_reloads_total; returns whether it loaded."""
        old = self._veto.config.policy_ref
        try:
            config = load()
            config.build()  # refuse a policy or signer that cannot be built before any request meets it
        except ConfigError as exc:
            _LOG.error("reload failed: the pinned policy stays", extra={"error_type": type(exc).__name__})
            self._observer.policy_reloaded(old.version, old.sha256, "failed")
            return False
        self._veto.reload(config)
        new = config.policy_ref
        self._observer.policy_reloaded(new.version, new.sha256, "loaded")
        _LOG.info("policy reloaded", extra={"policy_version": new.version, "policy_sha256": new.sha256})
        return True

    def close(self) -> None:
        """Stop the decision threads (waiting for the one running)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _handle(self, body: bytes, signature: str | None, started: float) -> Reply:
        check = self._signature.check(body, signature)
        if check is not SignatureCheck.VALID:
            self._recorder.refused(refusal_record(check.value, body, WEBHOOK_PATH))
            self._metrics.requests.labels(answer="unauthorized").inc()
            return Reply(
                401,
                _error(
                    f"{check.value}: send the request signed by Commerce "
                    "(x-adobe-commerce-webhook-signature with the configured key pair)"
                ),
            )
        try:
            save = parse_product_save(body)
        except PayloadInvalid as exc:
            return self._answered(exception(f"gate: not a product-save payload ({exc})"), "exception")
        if len(save.new_media) > self._budget.max_images:
            message = f"gate: {len(save.new_media)} new images in one save; at most {self._budget.max_images}"
            return self._answered(exception(message), "exception")
        if not save.new_media:
            return self._answered(success(), "success")
        future = self._pool.submit(self._decide_and_record, save)
        remaining = self._budget.seconds - (time.perf_counter() - started)
        try:
            images = future.result(timeout=max(remaining, 0.0))
        except FutureTimeout:
            # Not started yet (the threads are busy with earlier saves): dropped, so an overload does not
            # pile up decisions nobody waits for. Started: it finishes and is recorded.
            if not future.cancel():
                future.add_done_callback(_late)
            return self._fail("budget")
        except RecordingFailed:
            return self._fail("recording")
        except Exception as exc:  # a bug must not approve: the fail mode answers
            _LOG.error("webhook decision failed", extra={"error_type": type(exc).__name__})
            return self._fail("error")
        body_out = answer(images)
        return self._answered(body_out, "success" if body_out == success() else "exception")

    def _decide_and_record(self, save: ProductSave) -> list[DecidedImage]:
        started = time.perf_counter()
        images = self._veto.decide(save)
        records = self._recorder.record(images)
        latency = time.perf_counter() - started
        for record in records:
            self._decided(record, latency)
        for image in images:
            if image.unavailable is not None:
                _LOG.warning(
                    "image not checked",
                    extra={"event_id": image.event_id, "reason_codes": [image.unavailable.code]},
                )
        return images

    def _decided(self, record: RoutedRecord, latency: float) -> None:
        report_decided(self._observer, record, latency)
        _LOG.info(
            "image decided",
            extra={
                "event_id": record.key.decode(),
                "verdict": record.verdict.value,
                "reason_codes": list(record.reason_codes),
            },
        )

    def _fail(self, cause: str) -> Reply:
        mode = self._budget.fail_mode
        self._metrics.fail_mode.labels(cause=cause, answer=mode).inc()
        _LOG.error("webhook answered by the fail mode", extra={"kind": cause, "outcome": mode})
        return self._answered(success() if mode == "success" else exception(_FAIL_MESSAGES[cause]), mode)

    def _answered(self, body: bytes, label: str) -> Reply:
        self._metrics.requests.labels(answer=label).inc()
        _LOG.info("webhook answered", extra={"outcome": label})
        return Reply(200, body)


def _late(future: Future[list[DecidedImage]]) -> None:
    """A decision that finished after its request was answered by the fail mode."""
    error = future.exception()
    _LOG.warning(
        "decision finished after the budget",
        extra={"outcome": "failed" if error is not None else "recorded"},
    )


def _error(message: str) -> bytes:
    return json.dumps({"error": message}).encode()
