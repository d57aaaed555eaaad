"""The public surface: everything in gate.__all__ resolves, and importing gate stays cheap."""

from __future__ import annotations

import subprocess
import sys

import gate


def test_every_public_name_resolves() -> None:
    for name in gate.__all__:
        assert getattr(gate, name) is not None, name


def test_all_matches_the_lazy_export_table() -> None:
    assert set(gate.__all__) - {"__version__"} == set(gate._EXPORTS)


def test_scanner_import_does_not_load_c2pa_or_kafka() -> None:
    code = (
        "import sys; from gate import scan_parameters; "
        "print('c2pa' in sys.modules, 'confluent_kafka' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_the_decision_core_and_the_worker_processor_import_no_kafka_client() -> None:
    code = (
        "import sys, gate.core.pipeline, gate.core.policy, gate.core.flow, gate.worker.processor, "
        "gate.cli.check, gate.cli.check_run; "
        "print('confluent_kafka' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
