"""JSON Schemas from `schemas/`, validated at the gate's boundaries.

Error messages name the JSON pointer and the rule that failed, never the offending value: jsonschema's own
messages quote the instance, which could be an email address typed into a prompt.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

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
def validator(name: str) -> Draft202012Validator:
    """A cached validator for the schema `name`, with format checking on."""
    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def schema_errors(name: str, instance: Any, *, limit: int = 5) -> list[str]:
    """Value-free descriptions of what in `instance` breaks schema `name` (empty when valid)."""
    check = validator(name)
    if check.is_valid(instance):  # the common case, without building and sorting error objects
        return []
    errors = sorted(check.iter_errors(instance), key=lambda e: list(e.absolute_path))
    return [_describe(error) for error in errors[:limit]]


def _describe(error: ValidationError) -> str:
    pointer = "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in error.absolute_path)
    rule = error.validator
    if rule == "required":
        # The message of `required` names the missing property: a schema name, not event data.
        return f"{pointer or '/'}: {error.message}"
    if rule == "additionalProperties":
        return f"{pointer or '/'}: unexpected property"
    return f"{pointer or '/'}: does not satisfy '{rule}'"
