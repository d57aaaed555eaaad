"""JSON Schemas from `schemas/`, validated at the gate's boundaries.

Whether an instance is valid is decided by jsonschema-rs (Rust): an ingest event is checked in about a
microsecond, where the pure-Python `jsonschema` took 150 us warm and twice that in a worker between c2pa
calls, on every event. Patterns follow ECMA-262, as JSON Schema specifies: `$` ends the text, so a value
with a trailing newline does not pass `^[A-Za-z0-9._-]+$` (Python's `re` let it through). Formats are
annotations (the 2020-12 default); the schemas' patterns say what is enforced.

Only an invalid instance is described, by the pure-Python validator, which builds its errors lazily and
light: jsonschema-rs copies the whole instance into each error (a 10 MB event missing `event_id` took
2.4 GB). At most `_ERRORS_READ` errors are read, so a million bad items cost no more than a few.

Descriptions name a JSON pointer and the rule that failed, never a value. Pointers spell only names the
schema itself defines and array indices; any other key (it could be an email address used as a key) is
shown as "*".
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema_rs

from gate.pointers import escape_token

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

INGEST_EVENT = "ingest-event.schema.json"
DECISION = "decision.schema.json"
POLICY = "policy.schema.json"
GENERATION_METADATA = "generation-metadata.schema.json"
AUDIT = "audit.schema.json"


def schema_dir() -> Path:
    """Where the schemas live: packaged under `gate/_schemas` in a wheel, `schemas/` in a checkout."""
    packaged = resources.files("gate").joinpath("_schemas")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "schemas"


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The parsed schema document called `name` (e.g. `INGEST_EVENT`)."""
    with (schema_dir() / name).open("rb") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def validator(name: str) -> jsonschema_rs.Validator:
    """A cached validator for the schema `name`; the schema itself is checked against its metaschema."""
    schema = load_schema(name)
    jsonschema_rs.meta.validate(schema)
    return jsonschema_rs.validator_for(schema, validate_formats=False)


@cache
def _describer(name: str) -> Draft202012Validator:
    # Imported when the first invalid instance is met: it costs each process 10 MiB that a gate seeing
    # only valid events never needs.
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    return Draft202012Validator(load_schema(name))


@cache
def _schema_words(name: str) -> frozenset[str]:
    """Every property name the schema `name` defines: the keys a pointer may spell."""
    words: set[str] = set()
    stack: list[Any] = [load_schema(name)]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for keyword in ("properties", "patternProperties"):
                if isinstance(node.get(keyword), dict):
                    words.update(node[keyword])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return frozenset(words)


_ERRORS_READ = 50  # errors read from the describer (then sorted by pointer, and `limit` kept)
_MAX_DEPTH = 1000  # deeper than json.loads can nest; a YAML alias cycle is caught before this
_MAX_NODES = 100_000  # values `_not_json` looks at before it gives up locating one (an event can be 64 MiB)


def schema_errors(name: str, instance: Any, *, limit: int = 5) -> list[str]:
    """Value-free descriptions of what in `instance` breaks schema `name` (empty when valid). Never raises."""
    check = validator(name)
    try:
        if check.is_valid(instance):  # the common case
            return []
    except ValueError:
        # Something JSON cannot hold (a YAML date, binary, set or alias cycle; a lone surrogate): the
        # validator cannot convert it.
        return [_not_json(name, instance)]
    try:
        errors = list(itertools.islice(_describer(name).iter_errors(instance), _ERRORS_READ))
    except RecursionError:
        return ["/: is nested too deeply to validate"]
    except ValueError:
        # The describer's messages repr the instance, which Python refuses for an integer of more than
        # 4300 digits (YAML's hex and octal literals can hold one).
        errors = []
    if errors:
        errors.sort(key=lambda e: [(isinstance(p, str), p) for p in e.absolute_path])
        return [_describe(name, e.absolute_path, e.validator, e.message) for e in errors[:limit]]
    # What only ECMA-262 and JSON refuse: "$" before a trailing newline, NaN or Infinity where a number is
    # typed. Such an error sits on the one value, so jsonschema-rs is asked for its first error only.
    try:
        first = next(iter(check.iter_errors(instance)))
    except (StopIteration, ValueError):
        return ["/: does not satisfy the schema"]
    keywords = [part for part in first.schema_path if isinstance(part, str)]
    rule = keywords[-1] if keywords else type(first.kind).__name__
    return [_describe(name, first.instance_path, rule, "")]


def _describe(name: str, path: Iterable[str | int], rule: object, message: str) -> str:
    pointer = _pointer(name, path)
    if rule == "required" and message:
        # The message of `required` names the missing property: a schema name, not event data.
        return f"{pointer}: {message}"
    if rule == "additionalProperties":
        return f"{pointer}: unexpected property"
    return f"{pointer}: does not satisfy '{rule}'"


def _pointer(name: str, path: Iterable[str | int]) -> str:
    words = _schema_words(name)
    tokens = [
        str(part) if isinstance(part, int) else escape_token(part) if part in words else "*" for part in path
    ]
    return "".join("/" + token for token in tokens) or "/"


def _not_json(name: str, instance: Any) -> str:
    """Where in `instance` the first value JSON cannot hold is, and what it is (no value quoted).

    Depth first, one iterator per open container, so a container of millions of items is walked without
    being copied, and at most `_MAX_NODES` values are looked at.
    """
    root: Iterator[tuple[Any, Any]] = iter(((None, instance),))
    # Open containers: (their items, their pointer path, whether keys are read, their id).
    stack: list[tuple[Iterator[tuple[Any, Any]], tuple[str | int, ...], bool, int]] = [(root, (), False, 0)]
    open_ids: set[int] = set()
    for _ in range(_MAX_NODES):
        items, base, keyed, container = stack[-1]
        entry = next(items, None)
        if entry is None:
            stack.pop()
            open_ids.discard(container)
            if not stack:
                break
            continue
        step, value = entry
        if keyed and (not isinstance(step, str) or not _unicode(step)):
            return f"{_pointer(name, base)}: has a key that is not a JSON string"
        # Only containers and what is reported get a path of their own: building one per scalar, deep in
        # a document, copied a thousand steps each time.
        if isinstance(value, dict | list | tuple):
            path = _at(base, step)
            if id(value) in open_ids:
                return f"{_pointer(name, path)}: refers to itself (a YAML alias cycle)"
            if len(path) >= _MAX_DEPTH:
                return f"{_pointer(name, path)}: is nested too deeply to validate"
            open_ids.add(id(value))
            if isinstance(value, dict):
                stack.append((iter(value.items()), path, True, id(value)))
            else:
                stack.append((enumerate(value), path, False, id(value)))
        elif isinstance(value, str):
            if not _unicode(value):
                return f"{_pointer(name, _at(base, step))}: is not valid Unicode (a lone surrogate)"
        elif not isinstance(value, int | float | bool) and value is not None:
            return f"{_pointer(name, _at(base, step))}: is not a JSON value (quote dates; no binary or sets)"
    return "/: holds a value that cannot be validated as JSON"


def _at(base: tuple[str | int, ...], step: str | int | None) -> tuple[str | int, ...]:
    return base if step is None else (*base, step)


def _unicode(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
