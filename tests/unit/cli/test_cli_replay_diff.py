"""`gate replay --dry-run` prints old -> new with each reason code once on both sides: a decision whose three
entities make three reasons of one code must not read as a change when nothing changed."""

from __future__ import annotations

import argparse
import json
from types import SimpleNamespace

import pytest

from gate.cli.replay import _Runner


def _step(old: tuple[str, ...], new: tuple[str, ...]) -> SimpleNamespace:
    decision = SimpleNamespace(event_id="sku-1", verdict="quarantined", reason_codes=old)
    return SimpleNamespace(decision=decision, new_verdict="quarantined", new_reasons=new)


OLD = ("params.personal_data", "params.personal_data", "params.personal_data", "provenance.missing")
NEW = ("params.personal_data", "provenance.missing")


@pytest.mark.parametrize("as_json", [False, True])
def test_an_unchanged_decision_reads_unchanged(as_json: bool, capsys: pytest.CaptureFixture[str]) -> None:
    runner = _Runner.__new__(_Runner)
    runner.args = argparse.Namespace(json=as_json, dry_run=True)
    runner._print_step(_step(OLD, NEW))
    out = capsys.readouterr().out
    if as_json:
        line = json.loads(out)
        assert line["old"]["reasons"] == line["new"]["reasons"] == list(NEW)
    else:
        assert out.strip() == (
            "sku-1: quarantined [params.personal_data,provenance.missing] -> "
            "quarantined [params.personal_data,provenance.missing]"
        )
