"""`gate backfill PATH --report FILE` on a generated Magento tree of a few hundred files: every file and
every skipped folder has exactly one line, every image is decided by the gate's own entry point, and a
second run (or a run after a kill) decides nothing twice."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from gate.cli.main import main
from gate.commerce.backfill import EVENT_ID_PREFIX, Backfill, DecideSink, Journal
from gate.core.event import parse_event
from gate.provenance import DevPki, create_dev_pki
from gate.schemas import DECISION, schema_errors
from tests.media_tree import EXPECTED, MediaTree, build_media_tree


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DevPki:
    return create_dev_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory, pki: DevPki) -> MediaTree:
    return build_media_tree(tmp_path_factory.mktemp("magento"), pki)


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory, pki: DevPki) -> Path:
    path = tmp_path_factory.mktemp("config") / "gate.yaml"
    path.write_text(f"trust_anchors: {pki.root_ca}\n")
    return path


def backfill(tree: MediaTree, config: Path, report: Path, *extra: str) -> tuple[int, Path]:
    args = ["backfill", str(tree.root), "--report", str(report), "--config", str(config), "--no-progress"]
    status = main([*args, "--json", *extra])
    return status, report


def lines(report: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in report.read_text().splitlines()]


@pytest.fixture(scope="module")
def first_run(tree: MediaTree, config: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = tmp_path_factory.mktemp("report") / "report.jsonl"
    status, _ = backfill(tree, config, report)
    assert status == 0
    return report


def test_every_file_and_skipped_folder_has_exactly_one_line(tree: MediaTree, first_run: Path) -> None:
    by_path = Counter(line["path"] for line in lines(first_run))
    assert all(count == 1 for count in by_path.values())
    assert set(by_path) == set(tree.kinds) | set(tree.skipped)
    assert not set(by_path) & set(tree.not_walked)  # nothing under cache/, .thumbs/ or .renditions/


def test_each_skip_names_its_reason(tree: MediaTree, first_run: Path) -> None:
    skipped = {line["path"]: line for line in lines(first_run) if line["status"] == "skipped"}
    assert {path: line["reason"] for path, line in skipped.items()} == tree.skipped
    assert all(line["why"] for line in skipped.values())


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_each_kind_of_image_gets_the_gates_decision(tree: MediaTree, first_run: Path, kind: str) -> None:
    verdict, codes = EXPECTED[kind]
    decided = [
        line for line in lines(first_run) if line["status"] == "decided" and tree.kinds[line["path"]] == kind
    ]
    assert len(decided) == sum(1 for k in tree.kinds.values() if k == kind)
    for line in decided:
        document = line["decision"]
        assert schema_errors(DECISION, document) == []
        assert (document["verdict"], {r["code"] for r in document["reasons"]}) == (verdict, codes), line[
            "path"
        ]
        assert document["event_id"] == line["event_id"] and document["source"] == "magento-backfill"
        assert document["asset"]["sha256"] == line["sha256"]


def test_decisions_carry_no_value_and_event_ids_no_file_name(first_run: Path) -> None:
    text = first_run.read_text()
    assert "Maria Schmidt" not in text and "A7IV-00418833" not in text
    for line in lines(first_run):
        if line["status"] == "decided":
            assert line["event_id"].startswith(EVENT_ID_PREFIX)
            assert line["path"].rsplit("/", 1)[-1].split(".")[0] not in line["event_id"]


def test_a_second_run_decides_nothing_again(
    tree: MediaTree, config: Path, first_run: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.jsonl"
    report.write_bytes(first_run.read_bytes())
    state = Path(str(first_run) + ".state")
    Path(str(report) + ".state").write_bytes(state.read_bytes())
    capsys.readouterr()
    status, _ = backfill(tree, config, report)
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert status == 0
    assert report.read_bytes() == first_run.read_bytes()  # nothing appended
    assert summary["outcomes"] == {} and summary["skipped"] == {}
    assert summary["already_done"] == tree.images + len(tree.skipped)


def test_a_run_killed_midway_resumes_where_it_stopped(
    tree: MediaTree, config: Path, first_run: Path, tmp_path: Path
) -> None:
    from gate.assets import AssetFetcher, FetchPolicy  # noqa: PLC0415
    from gate.worker.assembly import PipelineSpec  # noqa: PLC0415

    report, state = tmp_path / "killed.jsonl", tmp_path / "killed.jsonl.state"
    pipeline = PipelineSpec(trust_anchors=(Path(config.read_text().split(": ")[1].strip()),)).build()
    inner = DecideSink(pipeline, AssetFetcher(FetchPolicy(file_roots=(tree.root,))))

    class Killed(BaseException):
        pass

    class DiesAfter:
        def __init__(self, left: int) -> None:
            self.left = left

        def submit(self, image: Any, event: Any, finished: Any) -> None:
            if self.left == 0:
                raise Killed
            self.left -= 1
            inner.submit(image, event, finished)

        def drain(self) -> None:
            pass

    journal = Journal(state, "decide")
    with report.open("a") as handle:
        run = Backfill(tree.root, DiesAfter(100), journal, handle, 64 << 20)
        with pytest.raises(Killed):
            run.run(run.entries())
    journal.close()
    assert sum(1 for line in lines(report) if line["status"] == "decided") == 100
    status, _ = backfill(tree, config, report)
    assert status == 0
    resumed = lines(report)
    assert Counter(line["path"] for line in resumed) == Counter(line["path"] for line in lines(first_run))
    # Same files, same event ids, same verdicts as the uninterrupted run.
    first = {line["path"]: (line.get("event_id"), line.get("verdict")) for line in lines(first_run)}
    assert {line["path"]: (line.get("event_id"), line.get("verdict")) for line in resumed} == first


def test_sku_map_puts_the_sku_in_each_line_and_event(tree: MediaTree, config: Path, tmp_path: Path) -> None:
    plain = sorted(path for path, kind in tree.kinds.items() if kind == "plain" and "/" in path)[:3]
    csv = tmp_path / "media.csv"
    csv.write_text(
        "sku,id,media_type,label,position,disabled,types,file\n"
        f"MB01,101,image,Front,1,0,image|small_image,/{plain[0]}\n"
        f"MB02,102,image,,1,0,,/{plain[1]}\n"
        f"MB03,103,image,,2,0,,/{plain[1]}\n"  # one image shared by two products
        f"MB04,104,external-video,,1,0,,/{plain[2]}\n"  # not an image entry: ignored
    )
    report = tmp_path / "report.jsonl"
    status, _ = backfill(tree, config, report, "--sku-map", str(csv))
    assert status == 0
    by_path = {line["path"]: line for line in lines(report)}
    assert by_path[plain[0]]["sku"] == "MB01"
    assert by_path[plain[1]]["sku"] == "MB02,MB03"
    assert "sku" not in by_path[plain[2]]
    assert sum(1 for line in by_path.values() if "sku" in line) == 2


def test_the_event_a_backfill_builds_is_a_valid_ingest_event(tree: MediaTree) -> None:
    from gate.commerce.backfill import ingest_event  # noqa: PLC0415
    from gate.commerce.media_tree import inspect  # noqa: PLC0415
    from gate.commerce.skumap import parse_sku_map  # noqa: PLC0415

    path = sorted(p for p, k in tree.kinds.items() if k == "gps")[0]
    image = inspect(tree.root, tree.root / path, 1 << 20)
    skus = parse_sku_map(f"sku,file,id\nMH01,/{path},7\n")
    event = ingest_event(image, source="magento-backfill", skus=skus)  # type: ignore[arg-type]
    parsed = parse_event(json.dumps(event).encode())
    assert parsed.context == {"sku": "MH01", "media_entry_id": 7}
    assert parsed.asset.uri == (tree.root / path).as_uri()
