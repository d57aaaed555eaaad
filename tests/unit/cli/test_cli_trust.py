"""`gate trust show|verify|update` as a user runs them, and the start-up warning for a stale list."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from gate.cli.main import main
from gate.cli.run import warn_stale_trust_lists
from gate.provenance import create_dev_pki
from gate.worker.assembly import PipelineSpec


def _json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:  # type: ignore[type-arg]
    status = main(["trust", *args, "--json"])
    return status, json.loads(capsys.readouterr().out)


def test_show_names_the_shipped_lists(capsys: pytest.CaptureFixture[str]) -> None:
    status, doc = _json(["show"], capsys)
    assert status == 0
    assert [row["kind"] for row in doc["lists"]] == ["c2pa", "tsa"]
    assert all(len(row["sha256"]) == 64 and row["certificates"] > 0 for row in doc["lists"])


def test_update_then_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pki = create_dev_pki(tmp_path / "pki")
    lists = tmp_path / "lists"
    assert main(["trust", "update", str(pki.root_ca), "--kind", "tsa", "--lists-dir", str(lists)]) == 0
    assert "trust.lists_dir" in capsys.readouterr().out
    status, doc = _json(["verify", "--lists-dir", str(lists)], capsys)
    assert status == 0
    by_kind = {row["kind"]: row for row in doc["lists"]}
    assert by_kind["tsa"]["certificates"] == 1 and by_kind["tsa"]["age_days"] == 0
    assert by_kind["c2pa"]["certificates"] > 1  # seeded from the shipped copy
    # An old list: verify says so with its own exit status.
    old = ["trust", "update", str(pki.root_ca), "--lists-dir", str(lists), "--issued", "2020-01-01T00:00:00Z"]
    assert main(old) == 0
    capsys.readouterr()
    assert main(["trust", "verify", "--lists-dir", str(lists)]) == 1
    assert "stale" in capsys.readouterr().out
    # Altered by hand: refused, with what to do.
    (lists / "C2PA-TRUST-LIST.pem").write_bytes(pki.root_ca.read_bytes() + b"\n")
    assert main(["trust", "verify", "--lists-dir", str(lists)]) == 2
    assert "gate trust update" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"not a certificate", "not a PEM bundle"), (None, "cannot read")],
)
def test_update_refuses_what_is_not_a_list(
    content: bytes | None, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.pem"
    if content is not None:
        path.write_bytes(content)
    assert main(["trust", "update", str(path), "--lists-dir", str(tmp_path / "lists")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "lists" / "lists.json").exists()


def test_update_needs_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pki = create_dev_pki(tmp_path)
    assert main(["trust", "update", str(pki.root_ca)]) == 2
    assert "--lists-dir" in capsys.readouterr().err


def test_start_warns_when_a_list_in_use_is_old(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    pki = create_dev_pki(tmp_path / "pki")
    lists = tmp_path / "lists"
    assert (
        main(["trust", "update", str(pki.root_ca), "--lists-dir", str(lists), "--issued", "2020-01-01"]) == 0
    )
    with caplog.at_level(logging.WARNING, logger="gate.cli.run"):
        assert warn_stale_trust_lists(
            PipelineSpec(anchors_mode="add", trust_lists_dir=lists).load().trust, 180
        ) == ["c2pa"]
    assert "gate trust update" in caplog.text
    # Lists not in use (replace mode) are not warned about; nor are fresh ones.
    assert warn_stale_trust_lists(PipelineSpec(trust_lists_dir=lists).load().trust, 180) == []
    assert warn_stale_trust_lists(PipelineSpec(anchors_mode="add").load().trust, 3650) == []


def test_trust_settings_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    from gate.errors import ConfigError  # noqa: PLC0415
    from gate.settings import load_settings  # noqa: PLC0415

    monkeypatch.setenv("GATE_TRUST__ANCHORS_MODE", "add")
    monkeypatch.setenv("GATE_TRUST__ALLOWED_EKUS", '["1.3.6.1.4.1.311.76.59.1.9"]')
    settings = load_settings()
    assert settings.trust.anchors_mode == "add"
    assert settings.trust.allowed_ekus == ("1.3.6.1.4.1.311.76.59.1.9",)
    with pytest.raises(ConfigError, match=r"trust\.allowed_ekus"):
        load_settings(trust={"allowed_ekus": ["documentSigning"]})
    with pytest.raises(ConfigError, match=r"trust\.anchors_mode"):
        load_settings(trust={"anchors_mode": "merge"})


@pytest.mark.parametrize(
    ("issued", "status"),
    [
        ("2099-01-01", 2),  # years ahead: would never read as stale
        ("2099-01-01T00:00:00Z", 2),
        ("2026-01-05", 0),  # in the past
        ("2026-01-05T10:00:00+02:00", 0),
    ],
)
def test_trust_update_refuses_an_issue_date_in_the_future(
    issued: str, status: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pki = create_dev_pki(tmp_path / "keys")
    lists = tmp_path / "lists"
    args = [
        "trust",
        "update",
        str(pki.root_ca),
        "--kind",
        "c2pa",
        "--issued",
        issued,
        "--lists-dir",
        str(lists),
    ]
    assert main(args) == status
    err = capsys.readouterr().err
    if status:
        assert "is in the future" in err and err.count("\n") == 1
        assert not (lists / "lists.json").exists()
