"""Renditions keep their marking: the gate publishes a signed image and its `.c2pa` sidecar beside it;
Magento re-encodes the image (Pillow here, as Magento's GD/ImageMagick adapters do) and loses the
embedded manifest; the sidecar still verifies the published bytes, and says honestly that a rendition is
not the image it was made for."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from gate.assets import FetchPolicy
from gate.cli.main import main
from gate.core.record import InboundRecord
from gate.demo.images import jpeg_bytes, png_bytes, product_image
from gate.imaging.c2pa_store import manifest_store
from gate.provenance import (
    DevPki,
    GenerationClaim,
    SignerConfig,
    TrustAnchors,
    Verifier,
    attach_manifest,
    create_dev_pki,
    verify_manifest,
)
from gate.schemas import AUDIT, DECISION, schema_errors
from gate.storage import DirectoryStore, Segment
from gate.worker.assembly import PipelineSpec
from gate.worker.processor import GateProcessorFactory
from tests.media_tree import reencode


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    return create_dev_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def verifier(pki: DevPki) -> Verifier:
    return Verifier.create(TrustAnchors.from_pem(pki.root_ca.read_bytes()))


@pytest.fixture(scope="module")
def published(pki: DevPki, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A synthetic product photo through the real worker: signed, stored, with its sidecar."""
    base = tmp_path_factory.mktemp("gate")
    source = base / "media" / "banner.jpg"
    source.parent.mkdir()
    source.write_bytes(jpeg_bytes(product_image(640, 480, seed=21)))
    event = {
        "event_id": "evt-sidecar-1",
        "occurred_at": "2026-12-05T10:00:00Z",
        "source": "studio-gen",
        "asset": {
            "uri": source.as_uri(),
            "sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
            "media_type": "image/jpeg",
        },
        "generation": {"synthetic": True, "model": {"name": "m", "version": "1", "provider": "p"}},
    }
    spec = PipelineSpec(
        trust_anchors=(pki.root_ca,), signer_chain=pki.signer_chain, signer_key=pki.signer_key
    )
    factory = GateProcessorFactory(
        spec=spec, fetch=FetchPolicy(file_roots=(source.parent,)), store_dir=base / "store", tracing=False
    )
    routed = factory.build()(
        InboundRecord("images.ingest", 0, 1, b"evt-sidecar-1", json.dumps(event).encode())
    )
    document = routed.document
    output = document["asset"]["output"]
    return {
        "document": document,
        "audit": json.loads(routed.audit),
        "image": Path(output["store"].removeprefix("file://")),
        "sidecar": Path(output["sidecar"].removeprefix("file://")),
        "base": base,
    }


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    status = main(["check", *args, "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert schema_errors(DECISION, doc) == []
    return status, doc


def test_the_gate_writes_the_sidecar_beside_the_published_image(published: dict[str, Any]) -> None:
    document, image, sidecar = published["document"], published["image"], published["sidecar"]
    assert document["verdict"] == "approved" and document["actions"] == ["manifest.attached"]
    assert schema_errors(DECISION, document) == []
    output = document["asset"]["output"]
    assert image.name == f"{output['sha256']}.jpg"
    assert sidecar == image.with_suffix(".c2pa")  # <sha256>.c2pa beside <sha256>.jpg, same segment
    assert "/published/synthetic/" in output["sidecar"]
    assert sidecar.read_bytes() == manifest_store(image.read_bytes(), "image/jpeg")
    assert sidecar.read_bytes()[4:8] == b"jumb"  # a JUMBF manifest store, as application/c2pa
    audit = published["audit"]
    assert schema_errors(AUDIT, audit) == []
    assert audit["asset"]["published_sidecar"] == output["sidecar"]


def test_the_store_still_serves_the_image_not_its_sidecar(published: dict[str, Any]) -> None:
    store = DirectoryStore(published["base"] / "store")
    sha256 = published["document"]["asset"]["output"]["sha256"]
    assert store.get(sha256, "image/jpeg", Segment.SYNTHETIC) == published["image"].read_bytes()


def test_a_sidecar_is_written_once(published: dict[str, Any]) -> None:
    store = DirectoryStore(published["base"] / "store")
    sha256 = published["document"]["asset"]["output"]["sha256"]
    before = published["sidecar"].read_bytes()
    again = store.put_sidecar(sha256, b"something else", Segment.SYNTHETIC)
    assert published["sidecar"].read_bytes() == before
    assert again.sha256 == hashlib.sha256(before).hexdigest()


def test_the_published_image_verifies_against_its_sidecar(
    published: dict[str, Any], pki: DevPki, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found beside the image as <name>.c2pa, without --sidecar.
    status, doc = check(capsys, str(published["image"]), "--synthetic", "--trust-anchors", str(pki.root_ca))
    assert status == 0 and doc["verdict"] == "approved"
    assert doc["sidecar"]["path"] == str(published["sidecar"])
    assert (doc["sidecar"]["state"], doc["sidecar"]["status_codes"]) == ("trusted", [])


def test_a_reencoded_rendition_loses_the_manifest_and_the_sidecar_says_it_is_other_bytes(
    published: dict[str, Any],
    pki: DevPki,
    verifier: Verifier,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    original = published["image"].read_bytes()
    for name, rendition in (
        ("reencoded.jpg", reencode(original, quality=90)),
        ("small_image.jpg", reencode(original, size=(265, 199))),  # Magento's default small_image size
    ):
        assert manifest_store(rendition, "image/jpeg") is None
        assert verify_manifest(rendition, "image/jpeg", verifier).state == "absent"  # the marking is gone
        path = tmp_path / name
        path.write_bytes(rendition)
        status, doc = check(
            capsys, str(path), "--sidecar", str(published["sidecar"]), "--trust-anchors", str(pki.root_ca)
        )
        assert status == 5
        assert doc["sidecar"]["state"] == "invalid"
        assert "assertion.dataHash.mismatch" in doc["sidecar"]["status_codes"]
        assert "rendition" in doc["sidecar"]["meaning"]
        assert doc["provenance"]["state"] == "absent"  # the decision itself is about the rendition's bytes


def test_text_output_names_the_sidecar_and_what_it_proves(
    published: dict[str, Any], pki: DevPki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rendition = tmp_path / "rendition.jpg"
    rendition.write_bytes(reencode(published["image"].read_bytes()))
    status = main(
        ["check", str(rendition), "--sidecar", str(published["sidecar"]), "--trust-anchors", str(pki.root_ca)]
    )
    out = capsys.readouterr().out
    assert status == 5
    assert f"sidecar {published['sidecar']}: invalid (assertion.dataHash.mismatch" in out
    assert "rendition" in out


@pytest.mark.parametrize("media_type", ["image/png", "image/webp"])
def test_png_and_webp_stores_are_cut_out_and_verify(pki: DevPki, verifier: Verifier, media_type: str) -> None:
    image = product_image(64, 48, seed=5)
    if media_type == "image/png":
        data = png_bytes(image)
    else:
        out = io.BytesIO()
        image.save(out, "WEBP")
        data = out.getvalue()
    signer = SignerConfig.from_files(pki.signer_chain, pki.signer_key)
    signed = attach_manifest(data, media_type, signer, GenerationClaim("m", "1", "p"))
    store = manifest_store(signed, media_type)
    assert store is not None and store[4:8] == b"jumb"
    assert verify_manifest(signed, media_type, verifier, sidecar=store).state == "trusted"
    rendition = io.BytesIO()
    Image.open(io.BytesIO(signed)).save(rendition, "PNG" if media_type == "image/png" else "WEBP")
    assert manifest_store(rendition.getvalue(), media_type) is None


@pytest.mark.parametrize(
    "data",
    [b"", b"\xff\xd8\xff", b"not an image", jpeg_bytes(product_image(16, 16))],
    ids=["empty", "cut", "text", "plain"],
)
def test_no_store_is_found_where_there_is_none(data: bytes) -> None:
    assert manifest_store(data, "image/jpeg") is None


def test_a_missing_or_foreign_sidecar_is_a_clear_error_or_unreadable(
    published: dict[str, Any], pki: DevPki, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(published["image"]), "--sidecar", str(tmp_path / "none.c2pa")]) == 2
    assert "cannot read the sidecar" in capsys.readouterr().err
    junk = tmp_path / "junk.c2pa"
    junk.write_bytes(b"\x00\x00\x00\x10jumbnot-a-store")
    status, doc = check(
        capsys, str(published["image"]), "--sidecar", str(junk), "--trust-anchors", str(pki.root_ca)
    )
    assert status == 5 and doc["sidecar"]["state"] in ("unreadable", "invalid")


def test_a_plain_image_without_sidecar_is_checked_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(jpeg_bytes(product_image(32, 32)))
    status, doc = check(capsys, str(photo), "--not-synthetic")
    assert status == 0 and "sidecar" not in doc


def test_check_out_writes_the_sidecar_beside_the_published_file(
    pki: DevPki, verifier: Verifier, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    banner = tmp_path / "banner.jpg"
    banner.write_bytes(jpeg_bytes(product_image(96, 64, seed=3)))
    out = tmp_path / "published.jpg"
    keys = ["--signer-chain", str(pki.signer_chain), "--signer-key", str(pki.signer_key)]
    status, doc = check(
        capsys, str(banner), "--synthetic", *keys, "--trust-anchors", str(pki.root_ca), "--out", str(out)
    )
    assert status == 0 and doc["actions"] == ["manifest.attached"]
    sidecar = tmp_path / "published.c2pa"
    assert doc["asset"]["output"]["sidecar"] == sidecar.as_uri()
    assert (
        verify_manifest(out.read_bytes(), "image/jpeg", verifier, sidecar=sidecar.read_bytes()).state
        == "trusted"
    )
