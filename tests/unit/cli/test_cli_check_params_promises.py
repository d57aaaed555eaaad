"""`gate check --params` with hostile files: nesting too deep to parse and repeated keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gate.cli.main import main
from gate.demo.images import jpeg_bytes, product_image


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "image.jpg"
    path.write_bytes(jpeg_bytes(product_image(48, 32)))
    return path


@pytest.mark.parametrize("depth", [40, 2_000, 200_000])
@pytest.mark.parametrize(("open_", "close"), [("[", "]"), ('{"a":', "}")])
def test_deeply_nested_params_give_params_limits(
    image: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int, open_: str, close: str
) -> None:
    params = tmp_path / "deep.json"
    params.write_text(open_ * depth + "1" + close * depth)
    status = main(["check", str(image), "--synthetic", "--params", str(params), "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert status == 3
    assert [r["code"] for r in doc["reasons"] if r["code"].startswith("params.")] == ["params.limits"]


@pytest.mark.parametrize(
    ("text", "where"),
    [('{"prompt": "a", "prompt": "jane@example.com"}', "the top level"),
     ('{"loras": [{"name": "x", "name": "y"}]}', "/loras/0")],
)  # fmt: skip
def test_a_repeated_key_in_params_is_a_usage_error_naming_the_object(
    image: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, where: str
) -> None:
    params = tmp_path / "dup.json"
    params.write_text(text)
    status = main(["check", str(image), "--synthetic", "--params", str(params)])
    err = capsys.readouterr().err
    assert status == 2
    assert f"the JSON object at {where} has a duplicate key" in err
    assert "keep one of them" in err and "jane" not in err


@pytest.mark.parametrize(
    ("text", "message"),
    [('{"prompt": "for jane\\ud800.doe@example.com"}', "the JSON string at /prompt holds a lone surrogate"),
     ('{"loras": [{"jane.doe@example.com\\udc00": 1}]}', "string at /loras/0 holds a lone surrogate"),
     ('{"seed": 1' + "0" * 4_400 + "}", "an integer of 4401 digits"),
     ('{"seed": -' + "9" * 4_301 + "}", "an integer of 4301 digits")],
)  # fmt: skip
def test_json_the_gate_cannot_read_as_text_is_a_usage_error_that_says_why(
    image: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    # A lone surrogate: one reader drops it, another replaces it, and a scan of either reading is not a
    # scan of the other; before, it reached the scanner and ended as gate.error.
    params = tmp_path / "odd.json"
    params.write_text(text)
    status = main(["check", str(image), "--synthetic", "--params", str(params)])
    err = capsys.readouterr().err
    assert status == 2
    assert message in err and "jane" not in err and "Traceback" not in err
