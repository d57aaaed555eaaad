"""`gate serve`'s webhook on a real port over real HTTP: signed Commerce payloads in, operations out.

The server is the real one (`build_server`, a ThreadingHTTPServer on a free port) with the shipped policy and
real images under a generated `pub/media` tree; requests are built from the documented payload and signed
with a generated key pair, as Commerce signs them.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import socket
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from PIL import Image
from prometheus_client.parser import text_string_to_metric_families

from gate.cli.run import processor_factory
from gate.commerce.assembly import Served, build_server
from gate.commerce.signature import SIGNATURE_HEADER, sign_body
from gate.commerce.webhook import WEBHOOK_PATH
from gate.core.policy import default_policy_path
from gate.demo.images import camera_exif, jpeg_bytes, product_image
from gate.settings import load_settings
from gate.worker.assembly import PipelineSpec
from tests.commerce_webhooks import (
    commerce_key,
    encode,
    new_image,
    post,
    product_save,
    saved_image,
    strict_policy,
    write_public_key,
)

EMAIL = "jane.doe@example.com"
IMAGE_DESCRIPTION = 0x010E

ServeFactory = Callable[..., Served]


@pytest.fixture
def media(tmp_path: Path) -> Path:
    """A Magento pub/media tree with pending uploads: a clean photo, one with an e-mail address in EXIF."""
    root = tmp_path / "pub" / "media"
    pending = root / "tmp/catalog/product"
    (pending / "c/l").mkdir(parents=True)
    (pending / "p/d").mkdir(parents=True)
    (pending / "c/l/clean.jpg").write_bytes(jpeg_bytes(product_image(seed=1)))
    exif = Image.Exif()
    exif[IMAGE_DESCRIPTION] = f"shot for {EMAIL}"
    (pending / "p/d/personal.jpg").write_bytes(jpeg_bytes(product_image(seed=2), exif=exif))
    (tmp_path / "outside.jpg").write_bytes(jpeg_bytes(product_image(seed=3)))
    return root


@pytest.fixture
def serve(tmp_path: Path, media: Path) -> Iterator[ServeFactory]:
    started: list[Served] = []

    def start(policy: Path | None = None, **commerce: Any) -> Served:
        key = write_public_key(tmp_path / "commerce-public.pem")
        settings = load_settings(
            fetch={"file_roots": [str(media)]},
            commerce={"webhook_public_key": str(key), **commerce},
            policy=policy,
        )
        factory = processor_factory(settings)
        served = build_server(settings, factory.config, factory.fetch, host="127.0.0.1", port=0)
        served.server.start()
        started.append(served)
        return served

    yield start
    for served in started:
        served.server.stop()
        served.close()


def _metrics(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
        text = response.read().decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def _get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_an_approved_new_image_lets_the_save_go_on(serve: ServeFactory) -> None:
    port = serve().server.port
    payload = product_save({"1": saved_image("/o/l/old.jpg", 1), "new": new_image("/c/l/clean.jpg.tmp", 2)})
    assert post(port, encode(payload)) == post(port, encode(payload))  # a retried save: the same answer
    answer = post(port, encode(payload))
    assert (answer.status, answer.body) == (200, {"op": "success"})
    metrics = _metrics(port)
    assert metrics[("gate_events_total", (("source", "other"), ("verdict", "approved")))] == 3
    assert metrics[("gate_commerce_requests_total", (("answer", "success"),))] == 3


def test_personal_data_in_metadata_stops_the_save_naming_file_and_codes_only(serve: ServeFactory) -> None:
    port = serve().server.port
    payload = product_save({"a": new_image("/c/l/clean.jpg.tmp"), "b": new_image("/p/d/personal.jpg.tmp", 2)})
    answer = post(port, encode(payload))
    assert answer.status == 200 and answer.body["op"] == "exception"
    message = answer.body["message"]
    assert message == "gate: image /p/d/personal.jpg.tmp: quarantined (metadata.personal_data EMAIL_ADDRESS)"
    assert EMAIL not in message and "jane" not in message
    metrics = _metrics(port)
    assert metrics[("gate_reasons_total", (("code", "metadata.personal_data"),))] == 1
    assert metrics[("gate_entities_total", (("entity", "EMAIL_ADDRESS"),))] == 1


def test_an_image_approved_only_after_the_gate_changes_it_stops_the_save(
    serve: ServeFactory, media: Path
) -> None:
    # GPS and a body serial are stripped losslessly by the shipped policy: approved, but with new bytes,
    # which Commerce would not publish (it keeps its own).
    photo = jpeg_bytes(product_image(seed=6), exif=camera_exif())
    (media / "tmp/catalog/product/c/l/gps.jpg").write_bytes(photo)
    port = serve().server.port
    answer = post(port, encode(product_save({"g": new_image("/c/l/gps.jpg.tmp")})))
    assert answer.body == {
        "op": "exception",
        "message": "gate: image /c/l/gps.jpg.tmp: approved only after the gate changes it "
        "(metadata.stripped); upload a copy without the flagged metadata",
    }
    assert "48" not in answer.body["message"] and "A7IV" not in answer.body["message"]


@pytest.mark.parametrize("signature", [None, "", "bm90IGEgc2lnbmF0dXJl", "%%%"])
def test_missing_or_wrong_signature_is_401_with_an_audit_line_and_no_decision(
    serve: ServeFactory, signature: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    port = serve().server.port
    body = encode(product_save({"b": new_image("/p/d/personal.jpg.tmp")}))
    with caplog.at_level(logging.INFO):
        answer = post(port, body, signature=signature)
    assert answer.status == 401 and "signature" in answer.body["error"]
    audits = [r.audit for r in caplog.records if hasattr(r, "audit")]  # type: ignore[attr-defined]
    assert len(audits) == 1
    audit = audits[0]
    assert audit["schema"] == "gate.commerce.refusal/1"
    assert audit["reason"] in {"signature.missing", "signature.invalid", "signature.malformed"}
    assert audit["body_size"] == len(body) and len(audit["body_sha256"]) == 64
    assert "personal" not in json.dumps(audit) and "Pr-1" not in json.dumps(audit)
    assert not [r for r in caplog.records if r.getMessage() == "image decided"]
    metrics = _metrics(port)
    assert metrics[("gate_commerce_requests_total", (("answer", "unauthorized"),))] == 1
    assert ("gate_events_total", (("source", "other"), ("verdict", "quarantined"))) not in metrics


def test_a_signature_by_another_key_pair_is_refused(serve: ServeFactory) -> None:
    port = serve().server.port
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    answer = post(port, encode(product_save({"a": new_image("/c/l/clean.jpg.tmp")})), key=other)
    assert answer.status == 401


@pytest.mark.parametrize(("fail_mode", "op"), [("exception", "exception"), ("success", "success")])
def test_over_the_budget_the_fail_mode_answers_and_is_counted(
    serve: ServeFactory, media: Path, fail_mode: str, op: str
) -> None:
    # A real decision of a 12-megapixel photo takes far longer than one millisecond.
    big = jpeg_bytes(product_image(4000, 3000, seed=9))
    (media / "tmp/catalog/product/c/l/big.jpg").write_bytes(big)
    port = serve(budget_ms=1, fail_mode=fail_mode).server.port
    answer = post(port, encode(product_save({"a": new_image("/c/l/big.jpg.tmp")})))
    assert answer.status == 200 and answer.body["op"] == op
    if op == "exception":
        assert "time budget" in answer.body["message"]
    metrics = _metrics(port)
    assert metrics[("gate_commerce_fail_mode_total", (("answer", fail_mode), ("cause", "budget")))] == 1


def test_over_budget_work_that_never_started_is_dropped_and_started_work_is_recorded(
    serve: ServeFactory, media: Path
) -> None:
    # Five 12-megapixel photos keep the one decision thread busy well past the next request's budget.
    for n in range(5):
        (media / f"tmp/catalog/product/c/l/big{n}.jpg").write_bytes(
            jpeg_bytes(product_image(4000, 3000, seed=20 + n))
        )
    # 20 ms: long enough for the idle thread to pick the first save up, far shorter than its decisions.
    port = serve(budget_ms=20).server.port
    busy = product_save({f"b{n}": new_image(f"/c/l/big{n}.jpg.tmp", n) for n in range(5)})
    assert post(port, encode(busy)).body["op"] == "exception"
    assert post(port, encode(product_save({"c": new_image("/c/l/clean.jpg.tmp")}))).body["op"] == "exception"
    key = ("gate_events_total", (("source", "other"), ("verdict", "approved")))
    deadline = time.monotonic() + 30
    while _metrics(port).get(key, 0) < 5 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    metrics = _metrics(port)
    assert metrics[key] == 5  # the busy save's five images, decided late and recorded; not the queued one
    assert metrics[("gate_commerce_fail_mode_total", (("answer", "exception"), ("cause", "budget")))] == 2


def test_an_oversized_body_is_413_before_it_is_read(serve: ServeFactory) -> None:
    port = serve(max_body_bytes=4096).server.port
    payload = product_save({"a": new_image("/c/l/clean.jpg.tmp")})
    payload["data"]["product"]["description"] = "x" * 5000
    answer = post(port, encode(payload))
    assert answer.status == 413
    assert "commerce.max_body_bytes" in answer.body["error"] and "4096" in answer.body["error"]
    assert _metrics(port)[("gate_commerce_requests_total", (("answer", "too_large"),))] == 1


def _chunked(port: int, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        pieces = [body[i : i + 1000] for i in range(0, len(body), 1000)]
        connection.request("POST", WEBHOOK_PATH, body=iter(pieces), headers=headers, encode_chunked=True)
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


def _raw(port: int, request: bytes) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(request)
        return int(conn.recv(4096).split(b" ", 2)[1])


def test_a_chunked_body_is_read_up_to_the_limit(serve: ServeFactory) -> None:
    port = serve(max_body_bytes=4096).server.port
    body = encode(product_save({"a": new_image("/c/l/clean.jpg.tmp")}))
    signed = {SIGNATURE_HEADER: sign_body(commerce_key(), body), "Content-Type": "application/json"}
    assert _chunked(port, body, signed) == (200, {"op": "success"})
    status, answer = _chunked(port, body + b" " * 5000, signed)
    assert status == 413 and "commerce.max_body_bytes" in answer["error"]


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"POST /commerce/webhooks/product-save HTTP/1.1\r\nHost: x\r\n\r\n", 411),
        (b"POST /commerce/webhooks/product-save HTTP/1.1\r\nContent-Length: ten\r\n\r\n", 411),
        (b"POST /commerce/webhooks/product-save HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 411),
        (b"POST /commerce/webhooks/product-save HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        (
            b"POST /commerce/webhooks/product-save HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}xx",
            400,
        ),
    ],
)
def test_bodies_without_a_usable_length_are_refused(
    serve: ServeFactory, request_bytes: bytes, status: int
) -> None:
    port = serve().server.port
    assert _raw(port, request_bytes) == status
    assert _metrics(port)[("gate_commerce_requests_total", (("answer", "bad_request"),))] == 1


@pytest.mark.parametrize(
    ("file", "reason"),
    [
        ("/../../../outside.jpg", "media.outside_roots"),
        ("/c/l/link.jpg.tmp", "media.outside_roots"),
        ("/n/o/none.jpg.tmp", "media.not_found"),
    ],
)
def test_a_gallery_entry_outside_the_roots_stops_the_save_with_a_clear_reason(
    serve: ServeFactory, media: Path, file: str, reason: str
) -> None:
    os.symlink(media.parent.parent / "outside.jpg", media / "tmp/catalog/product/c/l/link.jpg")
    port = serve().server.port
    answer = post(port, encode(product_save({"a": new_image(file)})))
    assert answer.body["op"] == "exception"
    assert answer.body["message"].startswith(f"gate: image {file}: not checked ({reason}: ")


def test_a_signed_payload_that_is_no_product_save_is_refused_fail_closed(serve: ServeFactory) -> None:
    port = serve().server.port
    answer = post(port, b'{"eventName": "catalog_product_save_before", "data": {}}')
    assert answer.body["op"] == "exception" and "names no product" in answer.body["message"]


def test_a_reload_pins_the_new_policy_and_a_broken_one_keeps_the_old(
    serve: ServeFactory, tmp_path: Path
) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text(default_policy_path().read_text(encoding="utf-8"), encoding="utf-8")
    served = serve(policy=policy)
    port = served.server.port
    clean = encode(product_save({"a": new_image("/c/l/clean.jpg.tmp")}))
    assert post(port, clean).body == {"op": "success"}
    policy.write_text("version: [not, a, policy", encoding="utf-8")
    assert not served.service.reload(PipelineSpec(policy=policy).load)
    assert post(port, clean).body == {"op": "success"}  # the pinned policy still decides
    strict_policy(policy, "2026.12.9")
    assert served.service.reload(PipelineSpec(policy=policy).load)
    answer = post(port, clean)
    assert answer.body["op"] == "exception" and "provenance.missing" in answer.body["message"]
    metrics = _metrics(port)
    assert metrics[("gate_policy_reloads_total", (("outcome", "loaded"),))] == 1
    assert metrics[("gate_policy_reloads_total", (("outcome", "failed"),))] == 1
    assert any(name == "gate_policy_info" and ("version", "2026.12.9") in labels for name, labels in metrics)


def test_health_readiness_metrics_and_unknown_paths(serve: ServeFactory) -> None:
    port = serve().server.port
    assert _get(port, "/healthz") == (200, "ok\n")
    assert _get(port, "/readyz") == (200, "ok\n")
    status, text = _get(port, "/metrics")
    assert status == 200 and "gate_commerce_request_duration_seconds_bucket" in text
    assert 'gate_policy_info{sha256="' in text
    assert _get(port, "/nope")[0] == 404
    assert post(port, b"{}", path="/other").status == 404
