"""An empty path setting is refused, not read as the current directory (usersrev16).

Before: `GATE_STORE_DIR=` (a deployment template's empty value) was Path("."): `gate store check` made
published/, quarantine/ and derived/ in the directory the command ran from and said "fit", and `gate run`
would have published images there. The same held for every file setting (the policy, the signer's key ...).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.cli.main import main
from gate.errors import ConfigError
from gate.settings import load_settings

PATH_SETTINGS = [
    "GATE_STORE_DIR",
    "GATE_POLICY",
    "GATE_TRUST_ANCHORS",
    "GATE_SIGNER_CHAIN",
    "GATE_SIGNER_KEY",
    "GATE_FETCH__CA_BUNDLE",
    "GATE_COMMERCE__WEBHOOK_PUBLIC_KEY",
]


@pytest.mark.parametrize("variable", PATH_SETTINGS)
@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_path_in_the_environment_is_refused_naming_it(
    variable: str, value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(variable, value)
    name = variable.removeprefix("GATE_").lower().replace("__", ".")
    with pytest.raises(ConfigError, match=rf"{name}: .*is empty; unset it for the default, or give a path"):
        load_settings()


def test_an_empty_store_dir_in_the_yaml_file_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "gate.yaml"
    config.write_text('store_dir: ""\n')
    with pytest.raises(ConfigError, match=r"store_dir: .*is empty"):
        load_settings(config)


def test_store_check_with_an_empty_store_dir_creates_nothing_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GATE_STORE_DIR", "")
    assert main(["store", "check"]) == 2
    assert list(tmp_path.iterdir()) == []
    assert "store_dir" in capsys.readouterr().err


@pytest.mark.parametrize("variable", ["GATE_STORE_DIR", "GATE_POLICY"])
def test_unset_keeps_the_default_and_a_path_is_read(variable: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The neighbours: unset is the default (None), and "./x" is a path."""
    monkeypatch.delenv(variable, raising=False)
    field = variable.removeprefix("GATE_").lower()
    assert getattr(load_settings(), field) is None
    monkeypatch.setenv(variable, "./x")
    assert getattr(load_settings(), field) == Path("x")
