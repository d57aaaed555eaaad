"""`gate check --out`: the published copy (metadata stripped, manifest attached) never overwrites a file
given as input; `gate check photo.jpg --out photo.jpg` replaced the original with the stripped copy."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from gate.cli.main import main


def _photo(path: Path) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 30, 200)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


@pytest.mark.parametrize(
    "out",
    [
        "{dir}/photo.jpg",  # the image itself
        "{dir}/./sub/../photo.jpg",  # the same file spelled another way
        "{dir}/link.jpg",  # a symlink to it
        "{dir}/photo.c2pa",  # a name whose manifest store would land on the given sidecar
    ],
)
def test_out_onto_an_input_is_refused_and_the_input_kept(
    out: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = _photo(tmp_path / "photo.jpg")
    (tmp_path / "sub").mkdir()
    (tmp_path / "link.jpg").symlink_to(tmp_path / "photo.jpg")
    sidecar = tmp_path / "photo.c2pa"
    sidecar.write_bytes(b"given sidecar")
    args = ["check", str(tmp_path / "photo.jpg"), "--not-synthetic", "--out", out.format(dir=tmp_path)]
    if out.endswith(".c2pa"):
        args += ["--sidecar", str(sidecar)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "which you gave as input" in err and err.count("\n") == 1
    assert (tmp_path / "photo.jpg").read_bytes() == original
    assert sidecar.read_bytes() == b"given sidecar"


def test_out_elsewhere_is_written(tmp_path: Path) -> None:
    original = _photo(tmp_path / "photo.jpg")
    assert (
        main(["check", str(tmp_path / "photo.jpg"), "--not-synthetic", "--out", str(tmp_path / "pub.jpg")])
        == 0
    )
    assert (tmp_path / "pub.jpg").exists()
    assert (tmp_path / "photo.jpg").read_bytes() == original
