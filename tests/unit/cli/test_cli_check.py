"""`gate check` and `gate keys init` as a user runs them: exit codes, JSON output, --out, clear errors."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from gate.cli.main import main
from gate.demo.images import camera_exif, jpeg_bytes, product_image
from gate.imaging import ImageLimits, probe, read_metadata
from gate.schemas import DECISION, schema_errors


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("keys")
    assert main(["keys", "init", str(directory)]) == 0
    return directory


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg_bytes(product_image(96, 64), exif=camera_exif()))
    return path


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    status = main(["check", *args, "--json"])
    out = capsys.readouterr().out
    doc = json.loads(out)
    assert schema_errors(DECISION, doc) == []
    return status, doc


def test_real_photo_with_gps_is_approved_and_out_is_stripped(photo: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "published.jpg"
    status, doc = run_json([str(photo), "--not-synthetic", "--out", str(out)], capsys)
    assert status == 0
    assert doc["verdict"] == "approved"
    assert doc["actions"] == ["metadata.stripped"]
    assert doc["asset"]["output"]["path"] == str(out)
    meta = read_metadata(out.read_bytes(), probe(out.read_bytes(), ImageLimits()))
    assert not [i for i in meta.items if i.kind == "location"]
    assert {r["entity"] for r in doc["reasons"] if "entity" in r} == {"LOCATION", "DEVICE_ID"}


def test_personal_data_in_params_quarantines_with_exit_3(photo: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    params = tmp_path / "params.json"
    params.write_text(json.dumps({"prompt": "call me on +44 20 7946 0958", "seed": 7}))
    status, doc = run_json([str(photo), "--synthetic", "--params", str(params)], capsys)
    assert status == 3
    assert doc["verdict"] == "quarantined"
    hit = [r for r in doc["reasons"] if r["code"] == "params.personal_data"]
    assert hit == [{**hit[0], "entity": "PHONE_NUMBER", "path": "/generation/parameters/prompt"}]
    assert "7946" not in json.dumps(doc)


def test_signing_with_generated_keys_and_verifying_the_output(
    photo: Path, keys: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "signed.jpg"
    signer = ["--signer-chain", str(keys / "signer-chain.pem"), "--signer-key", str(keys / "signer-key.pem")]
    anchors = ["--trust-anchors", str(keys / "root-ca.pem")]
    status, doc = run_json([str(photo), "--synthetic", *signer, *anchors, "--out", str(out)], capsys)
    assert status == 0
    assert doc["actions"] == ["metadata.stripped", "manifest.attached"]
    status, doc = run_json([str(out), "--synthetic", *anchors], capsys)
    assert status == 0
    assert doc["provenance"]["state"] == "trusted"
    status, doc = run_json([str(out), "--synthetic"], capsys)  # not trusted without the anchor
    assert status == 3
    assert doc["reasons"][0]["code"] == "provenance.untrusted"


def test_garbage_is_rejected_with_exit_4(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(b"\x00\x01\x02 not an image" * 10)
    status, doc = run_json([str(junk)], capsys)
    assert status == 4
    assert doc["reasons"][0]["code"] == "image.undecodable"


def test_event_file_with_inline_asset(photo: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    event = {
        "event_id": "evt-42",
        "occurred_at": "2026-11-26T10:00:00Z",
        "source": "photo-studio",
        "asset": {"data": base64.b64encode(photo.read_bytes()).decode(), "media_type": "image/jpeg"},
        "generation": {"synthetic": False},
    }
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event))
    status, doc = run_json(["--event", str(path)], capsys)
    assert status == 0
    assert doc["event_id"] == "evt-42"
    assert doc["source"] == "photo-studio"


def test_event_file_with_file_uri_under_the_event_directory(photo: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    event = {
        "event_id": "evt-43",
        "occurred_at": "2026-11-26T10:00:00Z",
        "source": "photo-studio",
        "asset": {"uri": photo.as_uri(), "sha256": "0" * 64, "media_type": "image/jpeg"},
    }
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event))
    status, doc = run_json(["--event", str(path)], capsys)
    assert status == 4
    assert "asset.hash_mismatch" in [r["code"] for r in doc["reasons"]]
    event["asset"]["sha256"] = hashlib.sha256(photo.read_bytes()).hexdigest()  # type: ignore[index]
    path.write_text(json.dumps(event))
    status, doc = run_json(["--event", str(path)], capsys)
    assert status == 0


def test_invalid_event_file_is_rejected_not_a_crash(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "event.json"
    path.write_text('{"event_id": "x"')
    status, doc = run_json(["--event", str(path)], capsys)
    assert status == 4
    assert doc["reasons"][0]["code"] == "event.invalid"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "/nonexistent/image.jpg"], "cannot read IMAGE"),
        (
            ["check", "IMG", "--params", "BADJSON"],
            "not valid JSON: Expecting property name enclosed in double quotes at line 1, column 2",
        ),
        (["check", "IMG", "--signer-chain", "x.pem"], "needs both --signer-chain and --signer-key"),
        (["check", "IMG", "--policy", "/nonexistent/policy.yaml"], "--policy"),
        (["check", "IMG", "--trust-anchors", "/nonexistent/root.pem"], "trust anchors"),
        (["check"], "required"),
        (["check", "IMG", "--synthetic", "--not-synthetic"], "not allowed"),
        (["check", "IMG", "--out", "/nonexistent/dir/out.jpg"], "cannot write --out"),
    ],
)
def test_usage_errors_exit_2_with_what_to_fix(photo: Path, tmp_path: Path, capsys, args, message) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    args = [str(photo) if a == "IMG" else str(bad) if a == "BADJSON" else a for a in args]
    try:
        status = main(args)
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    assert status == 2
    assert message in capsys.readouterr().err


def test_keys_init_refuses_to_overwrite(keys: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["keys", "init", str(keys)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["keys", "init", str(keys), "--force"]) == 0


@pytest.mark.parametrize(
    ("uri", "option"),
    [("file:///etc/hostname", "--file-root DIR"), ("https://images.example/x.jpg", "--allow-host HOST")],
)
def test_an_asset_the_fetcher_refuses_names_the_check_option(
    uri: str, option: str, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    event = {
        "event_id": "evt-43",
        "occurred_at": "2026-11-26T10:00:00Z",
        "source": "photo-studio",
        "asset": {"uri": uri, "sha256": "0" * 64, "media_type": "image/jpeg"},
    }
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event))
    assert main(["check", "--event", str(path)]) == 3
    assert f"(for gate check: {option}" in capsys.readouterr().err
