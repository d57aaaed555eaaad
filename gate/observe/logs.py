"""Structured logging: one JSON object per line on stderr, with a guard against logging personal data.

Usage from any module::

    _LOG.info("event decided", extra={"event_id": eid, "verdict": "allow", "reason_codes": codes})

The guard (`ExtraFieldGuard`) sits on the handler, so it sees every record, ours and third-party alike. Any
``extra`` field whose name is not in the allow-list is removed before formatting and its *name* is listed
in ``refused_fields``. The point is that logging a new kind of data takes a reviewed code change (extend
`ALLOWED_FIELDS` or pass ``extra_fields``) rather than an innocent ``extra={"prompt": ...}``. It cannot
inspect the message text itself: messages must stay constant templates without personal data.

Third-party loggers (Pillow's TIFF plugin writes EXIF values at DEBUG, for instance) are not held to that
review, so the guard holds them at WARNING whatever the gate's level (their records below WARNING are
dropped, and Pillow's loggers are set to WARNING so they do not even build them), and their messages are
emitted as their constant templates, without the arguments that would be formatted into them.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any, Literal, TextIO

from opentelemetry import trace

from gate.errors import ConfigError

__all__ = ["ALLOWED_FIELDS", "ExtraFieldGuard", "JsonFormatter", "TextFormatter", "configure_logging"]

ALLOWED_FIELDS = frozenset(
    {
        "event_id",
        "verdict",
        "reason_codes",
        "policy_version",
        "policy_sha256",
        "check",
        "stage",
        "kind",
        "outcome",
        "topic",
        "partition",
        "offset",
        "batch_size",
        "duration_s",
        "attempt",
        "error_type",
        "port",
        "http_method",
        "http_path",
        "status",
        "repeats",
        "trust_list",
        "issued",
        "sha256",
    }
)

# Attributes every LogRecord has; anything else on a record came from `extra=` (or a filter).
_RECORD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
_MARKER = "_gate_handler"
# Loggers whose messages are the gate's own, reviewed templates.
_OWN_LOGGERS = ("gate", "__main__")
# Third-party loggers known to log values from the data they parse: held at WARNING at their source.
_CHATTY_LOGGERS = ("PIL",)


def _own(name: str) -> bool:
    return any(name == own or name.startswith(own + ".") for own in _OWN_LOGGERS)


def _extras(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _RECORD_ATTRS and not k.startswith("_")}


class ExtraFieldGuard(logging.Filter):
    """Removes ``extra`` fields that are not allow-listed and names them in ``refused_fields``."""

    def __init__(self, allowed: frozenset[str] = ALLOWED_FIELDS) -> None:
        """`allowed` is the complete set of permitted extra field names."""
        super().__init__()
        self.allowed = allowed | {"refused_fields"}

    def filter(self, record: logging.LogRecord) -> bool:
        """Strip refused fields in place. The gate's own records are always emitted; a third-party
        record only at WARNING or above, as its template without arguments."""
        if not _own(record.name):
            if record.levelno < logging.WARNING:
                return False
            if record.args:
                record.msg, record.args = str(record.msg), None
        refused = sorted(k for k in _extras(record) if k not in self.allowed)
        for key in refused:
            delattr(record, key)
        if refused:
            record.refused_fields = refused
        return True


def _trace_ids() -> dict[str, str]:
    ctx = trace.get_current_span().get_span_context()
    if not ctx.is_valid:
        return {}
    return {"trace_id": format(ctx.trace_id, "032x"), "span_id": format(ctx.span_id, "016x")}


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "msg", ...extras, trace_id, span_id, exc}`` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        """Render `record` as one JSON line."""
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update(_extras(record))
        entry.update(_trace_ids())
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        # default=str: an odd extra value (a tuple of enums, a Path) must not lose the whole line.
        return json.dumps(entry, default=str, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """Human-readable: ``ts level logger msg key=value ...`` for local runs."""

    def format(self, record: logging.LogRecord) -> str:
        """Render `record` as one text line (plus a traceback, if any)."""
        ts = datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")
        fields = {**_extras(record), **_trace_ids()}
        line = " ".join(
            [ts, record.levelname, record.name, record.getMessage()] + [f"{k}={v}" for k, v in fields.items()]
        )
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


def configure_logging(
    level: str,
    fmt: Literal["json", "text"] = "json",
    *,
    stream: TextIO | None = None,
    extra_fields: frozenset[str] = frozenset(),
) -> logging.Handler:
    """Route the root logger to `stream` (stderr) in `fmt`, at `level`, behind the `ExtraFieldGuard`.

    Idempotent: a handler installed by an earlier call is replaced, not duplicated. `extra_fields` extends
    the allow-list. Returns the installed handler. Raises `ConfigError` for an unknown level or format.
    """
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        raise ConfigError(f"unknown log level {level!r}: use debug, info, warning, error or critical")
    formatters: dict[str, logging.Formatter] = {"json": JsonFormatter(), "text": TextFormatter()}
    if fmt not in formatters:
        raise ConfigError(f"unknown log format {fmt!r}: use 'json' or 'text'")
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(formatters[fmt])
    handler.addFilter(ExtraFieldGuard(ALLOWED_FIELDS | extra_fields))
    setattr(handler, _MARKER, True)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _MARKER, False)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(numeric)
    for name in _CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(max(numeric, logging.WARNING))
    return handler
