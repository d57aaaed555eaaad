"""JSON Schemas from `schemas/`, validated at the gate's boundaries.

Validation runs in jsonschema-rs (Rust): an ingest event is checked in about a microsecond, where the
pure-Python `jsonschema` took 150 us warm and twice that in a worker between c2pa calls, on every event.
Patterns follow ECMA-262, as JSON Schema specifies: `$` ends the text, so a value with a trailing newline
does not pass `^[A-Za-z0-9._-]+$` (Python's `re`, which `jsonschema` used, let it through).
Formats are annotations (the 2020-12 default); the schemas' patterns say what is enforced.

Error messages name the JSON pointer and the rule that failed, never the offending value: the validator's
own messages quote the instance, which could be an email address typed into a prompt.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema_rs

INGEST_EVENT = "ingest-event.schema.json"
DECISION = "decision.schema.json"
POLICY = "policy.schema.json"
GENERATION_METADATA = "generation-metadata.schema.json"


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


def schema_errors(name: str, instance: Any, *, limit: int = 5) -> list[str]:
    """Value-free descriptions of what in `instance` breaks schema `name` (empty when valid)."""
    check = validator(name)
    try:
        if check.is_valid(instance):  # the common case, without building error objects
            return []
        errors = sorted(check.iter_errors(instance), key=lambda e: [str(p) for p in e.instance_path])
    except ValueError:
        # A value JSON cannot hold (a YAML date, binary or set in a policy file): the validator cannot
        # convert it. Say where, so the author can quote it.
        return [f"{_non_json_pointer(instance) or '/'}: is not a JSON value (quote dates; no binary or sets)"]
    return [_describe(error) for error in errors[:limit]]


_JSON_SCALARS = (str, int, float, bool, type(None))


def _non_json_pointer(value: Any, pointer: str = "") -> str | None:
    """The pointer of the first value in `value` that is not JSON, or None."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                return pointer or "/"
            found = _non_json_pointer(item, f"{pointer}/{_escape(key)}")
            if found is not None:
                return found
        return None
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            found = _non_json_pointer(item, f"{pointer}/{index}")
            if found is not None:
                return found
        return None
    return None if isinstance(value, _JSON_SCALARS) else pointer or "/"


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _describe(error: jsonschema_rs.ValidationError) -> str:
    pointer = "".join("/" + _escape(str(part)) for part in error.instance_path)
    keywords = [part for part in error.schema_path if isinstance(part, str)]
    rule = keywords[-1] if keywords else type(error.kind).__name__
    if rule == "required":
        # The message of `required` names the missing property: a schema name, not event data.
        return f"{pointer or '/'}: {error.message}"
    if rule == "additionalProperties":
        return f"{pointer or '/'}: unexpected property"
    return f"{pointer or '/'}: does not satisfy '{rule}'"
