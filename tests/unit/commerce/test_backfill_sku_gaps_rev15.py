"""A Magento operator's SKU map with gaps: `gate backfill --sku-map` says how many images the map does not
name and how many map entries name no file of the tree.

Before rev15 both were silent: an image missing from the export simply had no `sku` in its line and
event, and an entry for a file that is not there (a stale export, another store's map) was never mentioned,
so the operator believed every image was mapped to its product.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gate.cli.main import main
from gate.demo.images import jpeg_bytes, product_image

HEADER = "sku,id,media_type,label,position,disabled,types,file\n"


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "media/catalog/product"
    (root / "p/l").mkdir(parents=True)
    for n in range(3):
        (root / f"p/l/plain-00{n}.jpg").write_bytes(jpeg_bytes(product_image(64, 48, seed=n)))
    config = tmp_path / "gate.yaml"
    config.write_text(f"fetch:\n  file_roots: [{tmp_path / 'media'}]\n")
    return root, config


def _run(tree: tuple[Path, Path], csv: str, tmp_path: Path, *extra: str) -> int:
    root, config = tree
    (tmp_path / "media.csv").write_text(HEADER + csv)
    report = tmp_path / f"report-{len(list(tmp_path.glob('report-*')))}.jsonl"
    args = ["backfill", str(root), "--report", str(report), "--config", str(config), "--no-progress"]
    return main([*args, "--sku-map", str(tmp_path / "media.csv"), *extra])


@pytest.mark.parametrize(
    ("csv", "without_sku", "not_found"),
    [
        (
            "MB01,1,image,,1,0,,/p/l/plain-000.jpg\nMB01,2,image,,2,0,,/p/l/plain-001.jpg\n"
            "MB02,3,image,,1,0,,/p/l/plain-002.jpg\n",
            0,
            0,
        ),
        ("MB01,1,image,,1,0,,/p/l/plain-000.jpg\n", 2, 0),
        ("MB01,1,image,,1,0,,/p/l/plain-000.jpg\nMB09,9,image,,1,0,,/p/l/gone.jpg\n", 2, 1),
        ("MB09,9,image,,1,0,,/x/y/elsewhere.jpg\n", 3, 1),
    ],
)
def test_the_summary_counts_the_maps_gaps(
    tree: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    csv: str,
    without_sku: int,
    not_found: int,
) -> None:
    assert _run(tree, csv, tmp_path, "--json") == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["sku_map"] == {"images_without_sku": without_sku, "entries_not_found": not_found}
    # a second run decides nothing again, and still tells the gaps of the same tree
    assert _run(tree, csv, tmp_path, "--json", "--state", str(tmp_path / "report-0.jsonl.state")) == 0
    again = json.loads(capsys.readouterr().out)["summary"]
    assert again["already_done"] == 3 and again["sku_map"] == summary["sku_map"]


def test_the_text_summary_says_what_to_do_about_the_gaps(
    tree: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _run(tree, "MB01,1,image,,1,0,,/p/l/plain-000.jpg\nMB09,9,image,,1,0,,/p/l/gone.jpg\n", tmp_path) == 0
    )
    out = capsys.readouterr().out
    assert "images without a SKU in --sku-map: 2" in out and "export the products' media again" in out
    assert "--sku-map entries naming no file of this tree: 1" in out and "stale export" in out
    assert "gone.jpg" not in out  # file names stay out of the summary


def test_without_a_map_the_summary_has_no_map_section(
    tree: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, config = tree
    report = tmp_path / "r.jsonl"
    args = [
        "backfill",
        str(root),
        "--report",
        str(report),
        "--config",
        str(config),
        "--no-progress",
        "--json",
    ]
    assert main(args) == 0
    assert "sku_map" not in json.loads(capsys.readouterr().out)["summary"]
