"""The runbook is followed at 3 a.m.: every `gate ...` command it spells has the options it names, and every
reason code it names is one the gate writes."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from gate.cli.main import build_parser

ROOT = Path(__file__).resolve().parents[3]
RUNBOOK = (ROOT / "docs/runbook.md").read_text(encoding="utf-8")
REASON_PREFIXES = ("provenance", "params", "metadata", "image", "event", "asset", "gate", "pixels", "check")


def _subparser(
    parser: argparse.ArgumentParser, words: list[str]
) -> tuple[argparse.ArgumentParser, list[str]]:
    """The deepest (sub)command the words name, and the words that remain."""
    while words:
        actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not actions or words[0] not in actions[0].choices:
            break
        parser, words = actions[0].choices[words[0]], words[1:]
    return parser, words


def _commands() -> list[str]:
    # Inline code spans may wrap across lines in the markdown.
    return [" ".join(span.split()) for span in re.findall(r"`(gate [^`]+)`", RUNBOOK)]


def test_the_runbook_spells_gate_commands() -> None:
    assert len(_commands()) >= 5


def test_every_option_the_runbook_names_exists_on_its_command() -> None:
    parser = build_parser()
    for command in _commands():
        sub, rest = _subparser(parser, command.split()[1:])
        assert sub is not parser, command
        known = {s for a in sub._actions for s in a.option_strings}
        for flag in (w for w in rest if w.startswith("--")):
            assert flag in known, (command, flag)


def test_every_reason_code_the_runbook_names_is_written_by_the_gate() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "gate").rglob("*.py"))
    codes = set(re.findall(rf"`((?:{'|'.join(REASON_PREFIXES)})\.[a-z_]+)`", RUNBOOK))
    assert codes
    for code in codes:
        assert f'"{code}"' in sources, code
