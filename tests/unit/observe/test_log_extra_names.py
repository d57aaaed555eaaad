"""Every `extra=` field the gate logs passes the guard of the command that logs it.

The guard drops an extra whose name is not allow-listed and lists the name in `refused_fields`: right for a
value that could hold personal data, but a field name the code itself uses and the guard refuses is a log
line that silently lost its detail. `gate run` warned of a stale trust list without saying which (its
`trust_list`, `issued`, `sha256` were refused) and of an unreadable incidents topic without why.
"""

from __future__ import annotations

import ast
from pathlib import Path

import gate
from gate.cli.serve import LOG_FIELDS as SERVE_FIELDS
from gate.observe.logs import ALLOWED_FIELDS

_ROOT = Path(gate.__file__).parent
# Modules that log only inside `gate serve`, whose configure_logging adds its own fields.
_SERVE_ONLY = {"commerce"}


def _extra_names() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(_ROOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg == "extra" and isinstance(keyword.value, ast.Dict):
                    for key in keyword.value.keys:
                        if isinstance(key, ast.Constant) and isinstance(key.value, str):
                            found.append((str(path.relative_to(_ROOT)), node.lineno, key.value))
    return found


def test_the_scan_sees_the_gates_log_calls() -> None:
    names = {name for _, _, name in _extra_names()}
    assert {"event_id", "verdict", "port", "audit"} <= names


def test_every_extra_name_in_the_code_is_allowed_by_its_guard() -> None:
    refused = [
        f"{where}:{line} {name}"
        for where, line, name in _extra_names()
        if name not in ALLOWED_FIELDS and not (where.split("/")[0] in _SERVE_ONLY and name in SERVE_FIELDS)
    ]
    assert refused == []
