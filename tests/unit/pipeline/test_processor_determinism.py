"""A redo of the same record under the same policy produces the same record value, signing included."""

from __future__ import annotations

import base64
import json

from gate.assets import FetchPolicy
from gate.core.record import InboundRecord
from gate.demo.images import camera_exif, jpeg_bytes, product_image
from gate.worker.processor import GateProcessorFactory


def inline_event(event_id: str, **generation: object) -> dict[str, object]:
    """A synthetic product image sent inline, with `generation` fields added to a minimal model block."""
    return {
        "event_id": event_id,
        "occurred_at": "2026-11-26T10:00:00Z",
        "source": "studio-gen",
        "asset": {
            "data": base64.b64encode(jpeg_bytes(product_image(96, 64))).decode(),
            "media_type": "image/jpeg",
        },
        "generation": {
            "synthetic": True,
            "model": {"name": "m", "version": "1", "provider": "p"},
            **generation,
        },
    }


def test_a_signed_output_is_published_once_and_reused_on_redo(spec, tmp_path) -> None:  # type: ignore[no-untyped-def]
    event = inline_event("evt-redo-1")
    record = InboundRecord("images.ingest", 0, 7, b"evt-redo-1", json.dumps(event).encode())
    factory = GateProcessorFactory(
        spec=spec, fetch=FetchPolicy(), store_dir=tmp_path / "store", tracing=False
    )
    first = factory.build()(record)
    again = factory.build()(record)  # a restarted worker: signing again gives new bytes, the index wins
    assert json.loads(first.value)["actions"] == ["manifest.attached"]
    assert first.value == again.value
    assert factory.policy == spec.load_policy().ref


def test_entity_types_of_personal_data_reach_the_routed_record(spec, tmp_path) -> None:  # type: ignore[no-untyped-def]
    event = inline_event("evt-pii-1", parameters={"prompt": "a mug", "notify": "jane.doe@example.com"})
    record = InboundRecord("images.ingest", 0, 8, b"evt-pii-1", json.dumps(event).encode())
    routed = GateProcessorFactory(spec=spec, fetch=FetchPolicy(), store_dir=tmp_path, tracing=False).build()(
        record
    )
    assert "params.personal_data" in routed.reason_codes
    assert "EMAIL_ADDRESS" in routed.entity_types
    assert all("jane" not in entity for entity in routed.entity_types)


def test_the_record_names_the_stored_object_in_the_segment_the_event_declares(spec, tmp_path) -> None:  # type: ignore[no-untyped-def]
    factory = GateProcessorFactory(spec=spec, fetch=FetchPolicy(), store_dir=tmp_path, tracing=False)
    processor = factory.build()
    for synthetic, segment in ((True, "synthetic"), (False, "non-synthetic")):
        event = {
            "event_id": f"evt-{segment}",
            "occurred_at": "2026-11-26T10:00:00Z",
            "source": "studio-gen",
            "asset": {
                # GPS and serial in EXIF: stripped for both, signed only for the synthetic one.
                "data": base64.b64encode(jpeg_bytes(product_image(80, 60), exif=camera_exif())).decode(),
                "media_type": "image/jpeg",
            },
            "generation": {"synthetic": synthetic, "model": {"name": "m", "version": "1", "provider": "p"}},
        }
        routed = processor(InboundRecord("images.ingest", 0, 1, None, json.dumps(event).encode()))
        output = json.loads(routed.value)["asset"]["output"]
        sha = output["sha256"]
        path = tmp_path / "published" / segment / sha[:2] / sha[2:4] / f"{sha}.jpg"
        assert output["store"] == path.as_uri()
        assert path.read_bytes() == base64.b64decode(output["data"])
        assert "store" in routed.check_seconds
