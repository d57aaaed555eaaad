"""What the gate trusts: anchors, certificate purposes (EKUs) and the C2PA trust lists, as one pinned value.

c2pa-rs takes three trust settings (FIELD-NOTES, c2pa-rs `settings::Trust`): `trust_anchors` (the base list;
configuring it replaces whatever list the SDK would use), `user_anchors` (added to it) and `trust_config`
(the extended key usages a signer's certificate may carry). A claim signer and a time-stamp authority are
checked against the same anchors and the same EKU list, so the TSA trust list is part of the anchors
whenever it is in use, and `timeStamping`/`OCSPSigning` are always allowed (a TSA's or OCSP responder's
certificate carries them).

Everything here is built from bytes, so a runner can read files once and hand bytes plus their sha256 to
workers; `TrustConfig.sha256` pins the whole configuration like the policy's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal

from gate.errors import ConfigError
from gate.provenance.credentials import TrustAnchors, read_file

AnchorsMode = Literal["replace", "add"]

EMAIL_PROTECTION: Final = "1.3.6.1.5.5.7.3.4"
DOCUMENT_SIGNING: Final = "1.3.6.1.5.5.7.3.36"
C2PA_CLAIM_SIGNING: Final = "1.3.6.1.4.1.62558.2.1"
TIME_STAMPING: Final = "1.3.6.1.5.5.7.3.8"
OCSP_SIGNING: Final = "1.3.6.1.5.5.7.3.9"
# The purposes the C2PA certificate profile names for a claim signer.
DEFAULT_EKUS: Final = (EMAIL_PROTECTION, DOCUMENT_SIGNING, C2PA_CLAIM_SIGNING)
# Always allowed: c2pa-rs checks TSA and OCSP responder certificates against the same EKU list.
SERVICE_EKUS: Final = (TIME_STAMPING, OCSP_SIGNING)

LISTS_INDEX: Final = "lists.json"
LIST_KINDS: Final = ("c2pa", "tsa")
_OID: Final = re.compile(r"[0-2](\.(0|[1-9][0-9]{0,8})){1,31}")


def check_ekus(oids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Dotted OIDs, each checked, duplicates dropped; ConfigError naming the first bad one."""
    for oid in oids:
        if not _OID.fullmatch(oid):
            raise ConfigError(
                f"allowed EKU #{oids.index(oid) + 1} is not a dotted object identifier "
                "(e.g. 1.3.6.1.5.5.7.3.36 for documentSigning)"
            )
    return tuple(dict.fromkeys(oids))


@dataclass(frozen=True, slots=True)
class TrustList:
    """One published trust list (a PEM bundle of CA certificates) with where it came from and when."""

    kind: str
    name: str
    anchors: TrustAnchors
    sha256: str
    issued: dt.datetime
    next_update: dt.datetime | None
    source: str

    @classmethod
    def from_bytes(cls, kind: str, pem: bytes, meta: Mapping[str, Any]) -> TrustList:
        """A list from its PEM bytes and index entry; ConfigError if the bytes are not the ones recorded."""
        digest = hashlib.sha256(pem).hexdigest()
        if meta.get("sha256") != digest:
            raise ConfigError(
                f"the {kind} trust list does not match the sha256 in {LISTS_INDEX}; "
                "replace it with `gate trust update FILE` instead of editing it"
            )
        return cls(
            kind=kind,
            name=str(meta.get("name", kind)),
            anchors=TrustAnchors.from_pem(pem),
            sha256=digest,
            issued=_when(meta.get("issued"), f"{kind} trust list 'issued'"),
            next_update=_when(meta["next_update"], "next_update") if meta.get("next_update") else None,
            source=str(meta.get("source", "")),
        )

    def age(self, now: dt.datetime) -> dt.timedelta:
        """How long ago the list was issued."""
        return now - self.issued

    def is_stale(self, now: dt.datetime, max_age: dt.timedelta) -> bool:
        """Older than `max_age`, or past the update its publisher announced."""
        return self.age(now) > max_age or (self.next_update is not None and now > self.next_update)


def _when(value: object, what: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"{what} is not an ISO 8601 date (e.g. 2026-08-05T00:11:39Z)") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def vendored_lists_dir() -> Path:
    """The copy of the C2PA Trust List and TSA trust list shipped with the gate."""
    return Path(str(resources.files("gate.provenance").joinpath("trustlists")))


def read_lists(directory: Path | None = None) -> dict[str, TrustList]:
    """The trust lists in `directory` (its lists.json and the PEMs it names); the shipped copy if None."""
    directory = directory or vendored_lists_dir()
    index = parse_index(read_file(directory / LISTS_INDEX, "trust list index"))
    return {
        kind: TrustList.from_bytes(kind, read_file(directory / entry["file"], f"{kind} trust list"), entry)
        for kind, entry in index.items()
    }


def parse_index(raw: bytes) -> dict[str, dict[str, Any]]:
    """lists.json: {"c2pa": {...}, "tsa": {...}}, each naming its file, sha256 and issue date."""
    try:
        doc = json.loads(raw)
    except ValueError:
        raise ConfigError(f"{LISTS_INDEX} is not JSON; rewrite it with `gate trust update FILE`") from None
    if not isinstance(doc, dict) or not doc or any(k not in LIST_KINDS for k in doc):
        raise ConfigError(f"{LISTS_INDEX} must map 'c2pa' and/or 'tsa' to an entry")
    for kind, entry in doc.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or "/" in entry["file"]:
            raise ConfigError(f"{LISTS_INDEX}: the {kind} entry needs a plain 'file' name next to it")
    return doc


@dataclass(frozen=True, slots=True)
class TrustConfig:
    """Anchors, allowed EKUs and trust lists, pinned for the life of a process.

    mode "replace": only the configured anchors are trusted (the gate's behaviour so far): the official
    list is not used, and only time-stamp authorities under the configured anchors are trusted.
    mode "add": the C2PA Trust List and the TSA trust list are trusted, and the configured anchors too.
    """

    anchors: TrustAnchors | None = None
    allowed_ekus: tuple[str, ...] = DEFAULT_EKUS
    mode: AnchorsMode = "replace"
    lists: Mapping[str, TrustList] | None = None

    def __post_init__(self) -> None:
        if self.mode not in ("replace", "add"):
            raise ConfigError("trust anchors_mode must be 'replace' or 'add'")
        if self.mode == "add" and not self.lists:
            raise ConfigError(
                "anchors_mode 'add' needs the C2PA trust lists (the shipped copy or trust.lists_dir)"
            )
        check_ekus(self.allowed_ekus)

    @property
    def sdk_ekus(self) -> tuple[str, ...]:
        """The EKU list handed to c2pa-rs: the allowed ones plus the TSA/OCSP service purposes."""
        return tuple(dict.fromkeys((*self.allowed_ekus, *SERVICE_EKUS)))

    def sdk_settings(self) -> dict[str, Any]:
        """The `trust` section of a c2pa Context's settings."""
        trust: dict[str, Any] = {"trust_config": "\n".join(self.sdk_ekus) + "\n"}
        if self.mode == "add":
            assert self.lists is not None  # __post_init__
            trust["trust_anchors"] = "".join(item.anchors.pem for item in self.lists.values())
            if self.anchors is not None:
                trust["user_anchors"] = self.anchors.pem
        elif self.anchors is not None:
            trust["trust_anchors"] = self.anchors.pem
        return {"trust": trust}

    @property
    def sha256(self) -> str:
        """A digest of everything that decides trust: equal digests, equal verdicts."""
        material = json.dumps(self.sdk_settings(), sort_keys=True).encode()
        return hashlib.sha256(material).hexdigest()

    def stale_lists(self, now: dt.datetime, max_age: dt.timedelta) -> list[TrustList]:
        """The lists in use that are older than `max_age` or past their announced update."""
        if self.mode != "add" or not self.lists:
            return []
        return [item for item in self.lists.values() if item.is_stale(now, max_age)]


def as_trust_config(trust: TrustConfig | TrustAnchors | None) -> TrustConfig:
    """A TrustConfig from what a caller has: a full one, bare anchors (replace mode), or nothing."""
    if isinstance(trust, TrustConfig):
        return trust
    return TrustConfig(anchors=trust)


_FILE_NAMES: Final = {"c2pa": "C2PA-TRUST-LIST.pem", "tsa": "C2PA-TSA-TRUST-LIST.pem"}
_NAMES: Final = {"c2pa": "C2PA Trust List", "tsa": "C2PA TSA Trust List"}


def write_list(directory: Path, kind: str, pem: bytes, *, issued: dt.datetime, source: str = "") -> TrustList:
    """Install `pem` as the `kind` list in `directory` (seeded from the shipped copy the first time).

    The bytes are checked first (a PEM bundle of CA certificates); lists.json records their sha256, the
    issue date and the source, and is replaced atomically after the PEM file.
    """
    if kind not in LIST_KINDS:
        raise ConfigError(f"unknown trust list {kind!r}; use one of {', '.join(LIST_KINDS)}")
    TrustAnchors.from_pem(pem)  # refuse anything that is not a bundle of CA certificates
    directory.mkdir(parents=True, exist_ok=True)
    index_path = directory / LISTS_INDEX
    if index_path.exists():
        index = parse_index(read_file(index_path, "trust list index"))
    else:
        shipped = vendored_lists_dir()
        index = parse_index(read_file(shipped / LISTS_INDEX, "trust list index"))
        for entry in index.values():
            _replace(directory / entry["file"], read_file(shipped / entry["file"], "shipped trust list"))
    entry = {
        "name": _NAMES[kind],
        "file": _FILE_NAMES[kind],
        "sha256": hashlib.sha256(pem).hexdigest(),
        "issued": issued.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        "source": source,
    }
    _replace(directory / entry["file"], pem)
    index[kind] = entry
    _replace(index_path, (json.dumps(index, indent=2) + "\n").encode())
    return TrustList.from_bytes(kind, pem, entry)


def _replace(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror}; check the directory's permissions") from None
