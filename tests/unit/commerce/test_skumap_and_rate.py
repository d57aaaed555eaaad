"""The SKU-map CSV (exports of GET /V1/products/{sku}/media), `--rate`, and the rate cap itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.cli.backfill import parse_rate
from gate.commerce.backfill import RateLimit
from gate.commerce.skumap import parse_sku_map, read_sku_map
from gate.errors import ConfigError


def test_file_paths_are_matched_as_the_api_writes_them_and_as_the_walk_finds_them() -> None:
    skus = parse_sku_map("SKU,File,ID\nMJ03,/m/j/mj03-black_main_1.jpg,694\nMJ04,m\\j\\mj04.jpg,\n")
    assert skus.lookup("m/j/mj03-black_main_1.jpg").sku == "MJ03"  # type: ignore[union-attr]
    assert skus.lookup("m/j/mj03-black_main_1.jpg").entry_id == 694  # type: ignore[union-attr]
    assert skus.lookup("m/j/mj04.jpg").entry_id is None  # type: ignore[union-attr]
    assert skus.lookup("m/j/other.jpg") is None
    assert len(skus) == 2


def test_a_shared_image_lists_every_product_and_no_single_entry_id() -> None:
    skus = parse_sku_map("sku,file,id\nB,/a/b/x.jpg,2\nA,/a/b/x.jpg,1\n")
    entry = skus.lookup("a/b/x.jpg")
    assert entry is not None and entry.sku == "A,B" and entry.entry_id is None


def test_videos_and_labels_are_never_read() -> None:
    skus = parse_sku_map(
        "sku,file,media_type,label\nV1,/v/i/v.jpg,external-video,x\nI1,/i/m/i.jpg,image,Jane Doe\n"
    )
    assert skus.lookup("v/i/v.jpg") is None
    assert "Jane" not in repr(skus)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("file\n/a/b/c.jpg\n", "lacks sku"),
        ("sku\nA\n", "lacks file"),
        ("", "lacks sku, file"),
        ("sku,file\n,/a/b/c.jpg\n", "line 2: sku and file"),
        ("sku,file\nA,\n", "line 2: sku and file"),
        ("sku,file,id\nA,/a.jpg,x1\n", "line 2: id must be"),
    ],
)
def test_a_map_that_cannot_be_used_is_refused_with_the_line(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_sku_map(text)


def test_reading_a_map_with_a_bom_and_errors_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "media.csv"
    path.write_bytes(b"\xef\xbb\xbfsku,file\nA,/a/b/c.jpg\n")
    assert read_sku_map(path).lookup("a/b/c.jpg") is not None
    path.write_bytes(b"sku,file\nA,\xff\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        read_sku_map(path)
    with pytest.raises(ConfigError, match="cannot read --sku-map"):
        read_sku_map(tmp_path / "missing.csv")


@pytest.mark.parametrize(
    ("text", "rate"), [(None, None), ("50", 50.0), ("50/s", 50.0), (" 2.5/s ", 2.5), (".5", 0.5)]
)
def test_rate_accepts_a_number_per_second(text: str | None, rate: float | None) -> None:
    assert parse_rate(text) == rate


@pytest.mark.parametrize("text", ["0", "0/s", "-1", "fast", "50/min", "5/s/s", ""])
def test_rate_refuses_anything_else(text: str) -> None:
    with pytest.raises(ConfigError, match="--rate"):
        parse_rate(text)


def test_the_rate_cap_spaces_items_evenly_and_does_not_wait_when_behind() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(round(seconds, 6))
        now[0] += seconds

    limit = RateLimit(4.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(5):
        limit.wait()
    assert slept == [0.25, 0.25, 0.25, 0.25]
    now[0] += 10.0  # a slow item: the next ones are already due
    limit.wait()
    assert len(slept) == 4
    RateLimit(None, sleep=sleep).wait()
    assert len(slept) == 4


@pytest.mark.parametrize("source", ["a b", "", "x" * 101, "café", "shop@example.com"])
def test_a_source_the_event_schema_refuses_is_refused_up_front(source: str, tmp_path: Path) -> None:
    from gate.cli.main import main  # noqa: PLC0415

    assert main(["backfill", str(tmp_path), "--report", str(tmp_path / "r.jsonl"), "--source", source]) == 2
    assert not (tmp_path / "r.jsonl").exists()
