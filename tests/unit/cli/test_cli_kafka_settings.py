"""A `kafka:` passthrough key librdkafka does not know (a typo such as `sasl.mechanism`) or a value it
refuses ends every command in one line naming it, exit 2, not a KafkaException traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.cli.main import main


@pytest.mark.parametrize(
    ("kafka", "says"),
    [
        ("bogus.property: 'x'", 'No such configuration property: "bogus.property"'),
        ("security.protocol: NOPE", 'Invalid value "NOPE" for configuration property "security.protocol"'),
    ],
)
@pytest.mark.parametrize(
    "command", [["quarantine", "ls", "--no-progress"], ["incidents", "ls", "--no-progress"]]
)
def test_a_refused_kafka_setting_is_named(
    kafka: str, says: str, command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "gate.yaml"
    config.write_text(f"bootstrap_servers: 127.0.0.1:1\nkafka:\n  {kafka}\n")
    assert main([*command, "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "the Kafka client refused the `kafka:` settings" in err
    assert says in err


def test_other_errors_still_surface(monkeypatch: pytest.MonkeyPatch) -> None:
    import gate.cli.keys  # noqa: PLC0415

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(gate.cli.keys, "create_dev_pki", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        main(["keys", "init", "/tmp/never-written"])
