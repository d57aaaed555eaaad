"""The gate's own YAML files (the settings file, a policy) are read strictly (gate/yaml_files.py): a key
written twice is refused instead of the last one silently winning, and a document nested past the
recursion limit is refused with one line instead of a RecursionError traceback. clirev14 found both
(`store_dir` twice used the second; 5,000 levels of --config or --policy ended in a traceback)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PIL import Image

from gate.cli.main import main
from gate.core.policy.load import default_policy_path, load_policy
from gate.errors import ConfigError
from gate.settings import load_settings
from gate.yaml_files import StrictYamlError, load_strict


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("store_dir: /a\nstore_dir: /b\n", "'store_dir' is written twice (line 2)"),
        ("kafka:\n  bootstrap: x:9092\n  bootstrap: y:9092\n", "'bootstrap' is written twice (line 3)"),
        ("[" * 5000 + "]" * 5000, "nested too deeply"),
        ("{a: " * 5000 + "1" + "}" * 5000, "nested too deeply"),
    ],
)
def test_a_duplicate_key_or_deep_nesting_is_refused(text: str, says: str) -> None:
    with pytest.raises(StrictYamlError, match=says.replace("(", r"\(").replace(")", r"\)")):
        load_strict(text)


@pytest.mark.parametrize(
    "text",
    ["store_dir: /a\nkafka:\n  store_dir: /b\n", "a: [1, 1]\nb: {x: 1, y: 1}\n", "", "- a\n- a\n"],
)
def test_the_same_key_in_different_mappings_and_repeated_values_load(text: str) -> None:
    load_strict(text)


def test_a_settings_file_with_a_key_twice_is_a_config_error(tmp_path: Path) -> None:
    config = tmp_path / "gate.yaml"
    config.write_text("store_dir: /srv/a\nstore_dir: /srv/b\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'store_dir' is written twice"):
        load_settings(config)


def test_a_policy_with_a_key_twice_is_a_config_error(tmp_path: Path) -> None:
    text = default_policy_path().read_text(encoding="utf-8")
    policy = tmp_path / "policy.yaml"
    policy.write_text(text.replace("\nrules:", "\nversion: '9'\nrules:", 1), encoding="utf-8")
    with pytest.raises(ConfigError, match="'version' is written twice"):
        load_policy(policy)


@pytest.mark.parametrize("command", [["run"], ["check", "IMAGE"]])
def test_deep_yaml_on_the_command_line_is_one_line_and_exit_2(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    image = tmp_path / "red.png"
    Image.new("RGB", (8, 8), (200, 10, 10)).save(image)
    flag = "--config" if command == ["run"] else "--policy"
    argv = [str(image) if word == "IMAGE" else word for word in command]
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        assert main([*argv, flag, str(deep)]) == 2
    finally:  # `gate run` installs the gate's log handler on the root logger: later tests read records
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
        root.setLevel(level)
    err = capsys.readouterr().err
    assert "nested too deeply" in err
    assert "Traceback" not in err and "RecursionError" not in err
