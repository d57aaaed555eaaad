"""The gate's one settings object, built once by the CLI.

Sources, highest precedence first: explicit overrides (CLI flags) > environment (`GATE_`, nested with
`__`, e.g. `GATE_TOPICS__INGEST=...`, `GATE_KAFKA='{"security.protocol": "SSL"}'`) > the YAML file
(`--config gate.yaml`) > defaults. Invalid settings raise `ConfigError` naming the setting and what to fix.
"""

from __future__ import annotations

import os
import re
import socket
from contextvars import ContextVar
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    YamlConfigSettingsSource,
)

from gate.errors import ConfigError
from gate.yaml_files import StrictYamlError, load_strict

MiB = 1024 * 1024
_OID = re.compile(r"[0-2](\.(0|[1-9][0-9]{0,8})){1,31}")


def _not_empty(value: Any) -> Any:
    """Refuse an empty path: pydantic reads "" as Path("."), so `GATE_STORE_DIR=` (a template's empty
    value) stored published images in whatever directory the gate was started from, and `gate store check`
    said fit."""
    if isinstance(value, str) and not value.strip():
        raise ValueError("is empty; unset it for the default, or give a path")
    return value


# A file or directory setting.
PathSetting = Annotated[Path, BeforeValidator(_not_empty)]

# Which YAML file the settings being built read; a context variable because pydantic-settings picks sources
# per class, not per call.
_yaml_file: ContextVar[Path | None] = ContextVar("gate_settings_yaml_file", default=None)

# librdkafka settings the runner owns: overriding them would silently break exactly-once routing.
RESERVED_KAFKA_KEYS = frozenset(
    {
        "enable.auto.commit",
        "enable.auto.offset.store",
        "isolation.level",
        "transactional.id",
        "enable.idempotence",
        "group.id",
        "bootstrap.servers",
        "partition.assignment.strategy",
    }
)
# Why a reserved key cannot be passed through, where the general answer is not enough.
_RESERVED_WHY = {
    "partition.assignment.strategy": (
        "the runner needs eager (roundrobin) assignment: every rebalance then revokes everything between two "
        "batches, while cooperative assignment would take partitions away under an open batch"
    ),
}


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TopicSettings(_Section):
    """The ingest topic and one output topic per verdict."""

    ingest: str = "images.ingest"
    approved: str = "images.approved"
    quarantine: str = "images.quarantine"
    rejected: str = "images.rejected"
    # Every decision of every kind, in the same transaction as the decision (append-only; see README).
    audit: str = "gate.audit"
    # Breach incidents (GDPR Art. 33), with their phased updates under the same id (append-only).
    incidents: str = "gate.incidents"


class BatchSettings(_Section):
    """How many records one transaction covers: whichever bound is reached first closes the batch."""

    max_records: int = Field(default=64, ge=1, le=100_000)
    max_bytes: int = Field(default=32 * MiB, ge=1)
    linger_ms: int = Field(default=50, ge=0)
    # The gate sizes batches between min_records and max_records: while it keeps up, the p99 of each
    # event's fetch-to-commit time over a window is held under this target (halving the size when it is
    # over); under a backlog the size follows throughput (see gate.runner.batch_size). 80 ms is the gate's
    # share of a 100 ms produce -> verdict readable: the producer's linger, the consumer's fetch wait and
    # the reader's fetch take the rest (README "Performance"). null: always max_records.
    target_latency_ms: int | None = Field(default=80, ge=1)
    min_records: int = Field(default=1, ge=1, le=100_000)
    # Produce and commit each transaction on a thread of its own while the loop fetches and dispatches on.
    # On since the sixth session: at half load each transaction held the loop ~13 ms (produce, flush,
    # offsets, commit), 50 times a second, and records waited behind it (half-load p99 106/101 ms inline,
    # 90/74 ms with the thread, same drain rate; README "Performance"). Off: commit inline, as before.
    commit_thread: bool = True
    # At a trickle, at most one transaction start per this many ms beyond a burst of a few: a transaction
    # costs broker and runner ~2 ms of CPU whatever it holds, so decided records wait for the next start
    # (never longer than linger_ms, nor when 8 are decided; see gate.runner.cadence). 0: commit at once.
    commit_interval_ms: int = Field(default=25, ge=0)

    @model_validator(mode="after")
    def _min_fits_max(self) -> BatchSettings:
        if self.min_records > self.max_records:
            raise ValueError("batch.min_records must not exceed batch.max_records")
        return self


class HttpSettings(_Section):
    """Health and metrics endpoint. Loopback by default; bind 0.0.0.0 explicitly inside a container."""

    host: str = "127.0.0.1"
    port: int = Field(default=9108, ge=0, le=65535)
    # `source` label values: with a list, anything else is reported as "other". Without one, every source is
    # "other" unless `max_sources` > 0 admits the first N well-formed values (only where producers are
    # trusted to send system names): a format check cannot tell a system name from a person's name.
    allowed_sources: tuple[str, ...] | None = None
    max_sources: int = Field(default=0, ge=0, le=1000)
    # Bearer token for the admin endpoint (`POST /admin/resume`). Without one, only loopback clients may
    # call it (e.g. `kubectl exec ... gate resume` inside the pod), whatever `host` is bound.
    admin_token: SecretStr | None = None


class FloodGuardSettings(_Section):
    """The quarantine flood guard: stop consuming when most recent events of a partition are held back.

    Per partition (as Sentry Arroyo's DlqLimit counts), over the last `window_events` decided events: when at
    least `min_events` were seen and more than `max_held_ratio` of them were quarantined, the gate commits
    what it decided, pauses its partitions and reports not-ready until an operator resumes it (`gate
    resume`), it restarts, or, with `cooldown_s` set, a cool-down passes and a probe of `probe_events`
    events per partition comes back under the bound. Defaults and why: see README "Operating the gate".
    """

    enabled: bool = True
    window_events: int = Field(default=100, ge=1, le=100_000)
    min_events: int = Field(default=50, ge=1, le=100_000)
    max_held_ratio: float = Field(default=0.8, gt=0.0, lt=1.0)
    cooldown_s: float | None = Field(default=None, gt=0)  # None: only an operator or a restart resumes
    probe_events: int = Field(default=10, ge=1, le=100_000)

    @model_validator(mode="after")
    def _min_fits_window(self) -> FloodGuardSettings:
        if self.min_events > self.window_events:
            raise ValueError("min_events must not exceed window_events (the window could never fill)")
        return self


class FetchSettings(_Section):
    """Where asset bytes may be fetched from, and how much and how long."""

    file_roots: tuple[Path, ...] = ()
    https_allow_hosts: tuple[str, ...] = ()
    # An inline asset's bytes end up base64 in the output record: see GateSettings._output_fits.
    max_bytes: int = Field(default=40 * MiB, ge=1)
    timeout_s: float = Field(default=10.0, gt=0)
    # PEM of private CAs for https:// assets; default: the system's trust store
    ca_bundle: PathSetting | None = None


class TrustSettings(_Section):
    """Certificate purposes, the C2PA trust lists, and time-stamping (see README "Trust")."""

    # Extra extended key usages (dotted OIDs) a signer certificate may carry, e.g. a vendor's C2PA purpose;
    # added to the defaults and to the policy's trust.allowed_ekus.
    allowed_ekus: tuple[str, ...] = ()
    # replace: only the configured anchors are trusted; add: the C2PA Trust List and TSA trust list too.
    # None: the policy's trust.anchors_mode, else replace.
    anchors_mode: Literal["replace", "add"] | None = None
    # A directory holding lists.json and the PEM lists it names (`gate trust update` writes one);
    # None: the copy shipped with the gate.
    lists_dir: PathSetting | None = None
    # Warn at start when a list in use was issued longer ago than this.
    max_list_age_days: int = Field(default=180, ge=1, le=3650)

    @field_validator("allowed_ekus")
    @classmethod
    def _dotted(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not all(_OID.fullmatch(oid) for oid in value):
            raise ValueError("each EKU must be a dotted object identifier, e.g. 1.3.6.1.5.5.7.3.36")
        return value


class TsaSettings(_Section):
    """RFC 3161 time-stamps at signing (see README "Trust"). Without a url, signatures carry none."""

    url: str | None = None
    # Hosts the gate may send time-stamp queries to ("*.example.com" for subdomains); url's host must be one.
    allow_hosts: tuple[str, ...] = ()
    timeout_s: float = Field(default=5.0, gt=0, le=60)
    # quarantine: the event gets provenance.timestamp_unavailable (the policy decides; default quarantine);
    # sign_without: sign without a time-stamp (it turns untrusted when the signing certificate expires).
    on_failure: Literal["quarantine", "sign_without"] = "quarantine"


class S3StoreSettings(_Section):
    """An S3-protocol bucket for published images. Credentials are deliberately not settings: boto3 reads them
    from the `AWS_*` environment variables or a mounted credentials file (`AWS_SHARED_CREDENTIALS_FILE`)."""

    bucket: str | None = Field(default=None, min_length=3, max_length=63)
    prefix: str = Field(default="gate", max_length=512)
    endpoint_url: str | None = None  # None: AWS; MinIO, Ceph RGW, GCS interoperability: their URL
    region: str | None = None
    connect_timeout_s: float = Field(default=3.0, gt=0, le=60)
    read_timeout_s: float = Field(default=10.0, gt=0, le=300)
    max_attempts: int = Field(default=4, ge=1, le=10)  # botocore's standard retries, backoff with jitter

    @field_validator("endpoint_url")
    @classmethod
    def _endpoint_is_a_url(cls, value: str | None) -> str | None:
        # botocore raises a bare ValueError for anything else, at the first request.
        if value is not None and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s]*)?", value):
            raise ValueError("must be an http:// or https:// URL, e.g. https://minio.example:9000")
        return value


class StoreSettings(_Section):
    """Where published images go: `directory` (the `store_dir` setting) or `s3` (`store.s3.*`)."""

    backend: Literal["directory", "s3"] = "directory"
    s3: S3StoreSettings = S3StoreSettings()

    @model_validator(mode="after")
    def _s3_has_bucket(self) -> StoreSettings:
        if self.backend == "s3" and not self.s3.bucket:
            raise ValueError("the s3 backend needs store.s3.bucket (GATE_STORE__S3__BUCKET)")
        return self


class CommerceSettings(_Section):
    """`gate serve`: the Adobe Commerce webhook for `observer.catalog_product_save_before` (README
    "Magento / Adobe Commerce"). Product images are read under `fetch.file_roots` (Magento `pub/media`
    directories) or from `fetch.https_allow_hosts`."""

    # The public key from Stores > Configuration > Adobe Services > Webhooks (PEM). Without it `gate serve`
    # does not start: an unsigned request is never decided.
    webhook_public_key: PathSetting | None = None
    # The hard budget for one request, below the hook's `timeout` (which Commerce counts from its side,
    # network included). Over it, the answer is `fail_mode`'s.
    budget_ms: int = Field(default=3_000, ge=1, le=60_000)
    # What an over-budget request or an internal error answers: exception (the save fails: fail closed)
    # or success (the save goes on undecided; counted, and logged).
    fail_mode: Literal["exception", "success"] = "exception"
    # Larger request bodies are refused with 413 before they are read.
    max_body_bytes: int = Field(default=16 * MiB, ge=1_024)
    # At most this many images of one product save are decided; more fail the request (fail_mode).
    max_images: int = Field(default=50, ge=1, le=1_000)
    # Threads deciding images (each with its own pipeline). One by default: C2PA verification calls
    # back into Python, and two CPU-bound threads in one process slow each other down (FIELD-NOTES).
    workers: int = Field(default=1, ge=1, le=64)
    # With Kafka: each decided image's ingest event goes here (inline), in the same transaction as its
    # decision and audit records, so `gate replay` finds the original. Not the ingest topic: `gate run`
    # would decide it a second time.
    events_topic: str = Field(default="commerce.product-images", min_length=1)
    # With Kafka: the audit line of each request refused for its signature (no decision: not the audit topic,
    # whose readers expect decisions).
    refusals_topic: str = Field(default="gate.commerce.refusals", min_length=1)
    # The `source` of the events (per-source policy rules and metrics).
    source: str = Field(default="commerce", pattern=r"^[A-Za-z0-9._-]{1,100}$")


def _default_workers() -> int:
    return os.cpu_count() or 1


class GateSettings(BaseSettings):
    """Everything the gate reads from its environment, frozen."""

    model_config = SettingsConfigDict(
        env_prefix="GATE_", env_nested_delimiter="__", frozen=True, extra="forbid", validate_default=True
    )

    bootstrap_servers: str | None = None  # None: `gate demo` starts an embedded broker
    group_id: str = Field(default="gate", min_length=1)
    topics: TopicSettings = TopicSettings()
    # librdkafka passthrough for both clients: security.protocol, sasl.*, ssl.*, client.id ...
    kafka: dict[str, str] = Field(default_factory=dict)
    batch: BatchSettings = BatchSettings()
    workers: int = Field(default_factory=_default_workers, ge=0)  # 0: evaluate in-process (debugging)
    event_timeout_s: float = Field(default=10.0, gt=0)
    # One transactional id per running instance. A new producer with the same id fences (kills) the older one,
    # so two live instances must never share it, while a restarted instance should reuse its own so that it
    # fences its zombie predecessor. The default, group id + host name, does both when the host name is the
    # pod name (StatefulSet / Deployment pods). Offsets are sent with the consumer group metadata (KIP-447),
    # so a zombie from an older group generation is fenced by the group as well.
    transactional_id: str | None = None
    http: HttpSettings = HttpSettings()
    shutdown_timeout_s: float = Field(default=20.0, gt=0)
    policy: PathSetting | None = None  # None: the policy shipped with the gate
    trust_anchors: PathSetting | None = None
    trust: TrustSettings = TrustSettings()
    tsa: TsaSettings = TsaSettings()
    signer_chain: PathSetting | None = None
    signer_key: PathSetting | None = None
    # the directory backend's root; None with it: published bytes go inline
    store_dir: PathSetting | None = None
    store: StoreSettings = StoreSettings()
    fetch: FetchSettings = FetchSettings()
    flood_guard: FloodGuardSettings = FloodGuardSettings()
    commerce: CommerceSettings = CommerceSettings()
    session_timeout_ms: int = Field(default=45_000, ge=1_000)
    max_message_bytes: int = Field(default=64 * MiB, ge=1_000)  # producer and consumer message size limit
    # W3C `tracestate` is vendor free text: propagated (after a personal-data scan) only when enabled.
    propagate_tracestate: bool = False
    # Art. 33(3)(b): the DPO or other contact point an incident's notification draft names.
    incident_contact: str = "the data protection officer (set incident_contact)"
    # How often `gate run` reads the incidents topic for gate_incident_earliest_deadline_timestamp_seconds.
    incident_refresh_s: float = Field(default=300.0, gt=0)

    @field_validator("kafka")
    @classmethod
    def _no_reserved_kafka_keys(cls, value: dict[str, str]) -> dict[str, str]:
        reserved = sorted(RESERVED_KAFKA_KEYS.intersection(value))
        if reserved:
            why = "; ".join(f"{key}: {_RESERVED_WHY[key]}" for key in reserved if key in _RESERVED_WHY)
            raise ValueError(
                f"{', '.join(reserved)} cannot be set here: the runner owns them "
                "(use bootstrap_servers, group_id or transactional_id instead where one exists)"
                + (f"; {why}" if why else "")
            )
        return value

    @model_validator(mode="after")
    def _output_fits(self) -> GateSettings:
        """A fetched asset can be published inline, base64 (4/3 of its bytes), with up to 1 MiB of decision
        around it: that record must fit max_message_bytes, or Kafka refuses it."""
        fetch, limit = self.fetch.max_bytes, self.max_message_bytes
        if fetch * 4 + 3 * MiB >= 3 * limit:  # fetch * 4/3 + 1 MiB >= limit, in integers
            at_least = (fetch * 4 + 3 * MiB) // 3 + 1
            at_most = (3 * limit - 3 * MiB - 1) // 4
            raise ValueError(
                f"max_message_bytes ({limit}) must exceed fetch.max_bytes * 4/3 + 1 MiB "
                f"({fetch} * 4/3 + 1 MiB): set max_message_bytes to at least {at_least} "
                f"or fetch.max_bytes to at most {max(at_most, 0)}"
            )
        return self

    @model_validator(mode="after")
    def _signer_pair(self) -> GateSettings:
        if (self.signer_chain is None) != (self.signer_key is None):
            raise ValueError("signer_chain and signer_key must be given together (or neither)")
        return self

    @property
    def effective_transactional_id(self) -> str:
        """`transactional_id`, or the default derived from the group id and this host's (pod's) name."""
        return self.transactional_id or f"{self.group_id}.{socket.gethostname()}"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Overrides > environment > YAML file > defaults (no dotenv, no secrets dir)."""
        yaml_file = _yaml_file.get()
        if yaml_file is None:
            return (init_settings, env_settings)
        return (init_settings, env_settings, YamlConfigSettingsSource(settings_cls, yaml_file=yaml_file))


def load_settings(config_file: Path | None = None, **overrides: Any) -> GateSettings:
    """Build the settings from overrides, `GATE_*` environment variables and an optional YAML file.

    Raises `ConfigError` with the setting's dotted name and what is wrong with it.
    """
    if config_file is not None:
        _check_yaml(config_file)
    token = _yaml_file.set(config_file)
    try:
        return GateSettings(**overrides)
    except ValidationError as exc:
        raise ConfigError(describe_validation_error(exc)) from None
    except SettingsError as exc:  # a GATE_* variable for a list or mapping that is not JSON
        raise ConfigError(
            f"{exc}: a list or mapping in a GATE_* variable is written as JSON, e.g. "
            """GATE_FETCH__FILE_ROOTS='["/srv/media"]' or GATE_TSA__ALLOW_HOSTS='["tsa.example.com"]'"""
        ) from None
    finally:
        _yaml_file.reset(token)


def describe_validation_error(exc: ValidationError) -> str:
    """One line per problem: `setting.path: message`, without echoing the offending value."""
    lines = []
    for error in exc.errors(include_input=False, include_url=False):
        where = ".".join(str(part) for part in error["loc"]) or "settings"
        lines.append(f"{where}: {error['msg']}")
    return "invalid settings: " + "; ".join(lines)


def _check_yaml(path: Path) -> None:
    """Fail with a ConfigError (not a pydantic or YAML traceback) when the file is missing or malformed."""
    try:
        loaded = load_strict(path.read_text(encoding="utf-8"))
    except StrictYamlError as exc:
        raise ConfigError(f"config file {path}: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"config file {path}: cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"config file {path}: not UTF-8 text (byte {exc.start}); save it as UTF-8"
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"config file {path}: not valid YAML ({exc.__class__.__name__})") from None
    if loaded is not None and not isinstance(loaded, dict):
        raise ConfigError(f"config file {path}: must be a mapping of setting names to values")
