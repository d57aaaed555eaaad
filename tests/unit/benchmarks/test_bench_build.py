"""benchmarks/build.py: a benchmark states which build of gate it measured and refuses the wrong one."""

from __future__ import annotations

import json
import subprocess

import pytest

from benchmarks.build import gate_build, module_command, require_build


def test_the_editable_install_is_the_pure_build() -> None:
    build = gate_build()
    assert build["kind"] == "pure"
    assert all(file.endswith(".py") for file in build["modules"].values())


def test_asking_for_the_compiled_build_and_getting_the_pure_one_stops_the_run() -> None:
    with pytest.raises(SystemExit, match="compiled build of gate, but imported the pure"):
        require_build("compiled")
    assert require_build("pure")["kind"] == "pure"
    assert require_build("any")["kind"] == "pure"


def test_a_benchmark_child_process_and_its_spawned_and_forked_workers_import_the_same_build() -> None:
    done = subprocess.run(
        module_command("benchmarks.build"), capture_output=True, text=True, timeout=120, check=True
    )
    report = json.loads(done.stdout)
    assert report["process"] == report["spawned"] == report["forkserver"] == gate_build()
