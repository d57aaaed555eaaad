"""The S3 backend (AWS S3, MinIO, Ceph RGW, GCS interoperability), through boto3.

Keys: `<prefix>/published/synthetic/ab/cd/<sha256>.<ext>`, `<prefix>/published/non-synthetic/...`,
`<prefix>/quarantine/...` and `<prefix>/derivations/ab/<key>`. Every write is a conditional put
(`If-None-Match: *`): an object is never overwritten, and of two instances recording the same derivation
at once exactly one wins, the other adopts the winner's bytes.

Credentials come from boto3's own chain (the `AWS_*` environment variables, `AWS_SHARED_CREDENTIALS_FILE`,
a web identity token, instance metadata): the gate's settings cannot carry them, and no message the gate
writes contains them. Timeouts and retries (exponential backoff with jitter, botocore's "standard" mode)
are bounded; what is still failing after them raises `StoreUnavailable`.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from gate.errors import StoreUnavailable
from gate.settings import S3StoreSettings
from gate.storage.base import (
    DERIVATIONS_PREFIX,
    SIDECAR_MEDIA_TYPE,
    Segment,
    StoredObject,
    check_sha256,
    is_sha256,
)
from gate.storage.content import extension_for

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

T = TypeVar("T")
_EXISTS = frozenset({"PreconditionFailed"})  # If-None-Match failed: the key is taken
_MISSING = frozenset({"NoSuchKey", "404", "NotFound"})
# Two conditional writes of one key in flight at once: S3 answers 409 to one of them, to be retried.
_CONFLICT = frozenset({"ConditionalRequestConflict", "OperationAborted"})
_CONFLICT_RETRIES = 5
# botocore logs request headers (including the access key id in Authorization) at DEBUG.
_QUIET_LOGGERS = ("botocore", "boto3", "s3transfer", "urllib3")
# On the object that lost a derivation race: a lifecycle rule on this tag expires it (README "Storage").
SUPERSEDED_TAG = ("gate-superseded", "true")
log = logging.getLogger("gate.storage")


class S3Store:
    """A `PublishedStore` in an S3 bucket. Constructing it makes no network call; the client is lazy."""

    def __init__(self, settings: S3StoreSettings, *, sleep: Callable[[float], None] = time.sleep) -> None:
        if not settings.bucket:
            raise ValueError("store.s3.bucket is required for the s3 backend")
        self.bucket = settings.bucket
        self.prefix = settings.prefix.strip("/")
        self._settings = settings
        self._sleep = sleep
        self._client_instance: S3Client | None = None

    def key_for(self, sha256: str, media_type: str, segment: Segment) -> str:
        """The object key of `sha256` in `segment`."""
        check_sha256(sha256)
        name = f"{segment.prefix}/{sha256[:2]}/{sha256[2:4]}/{sha256}{extension_for(media_type)}"
        return self._key(name)

    def uri(self, key: str) -> str:
        """The `s3://bucket/key` URI of a key."""
        return f"s3://{self.bucket}/{key}"

    def put(self, data: bytes, media_type: str, segment: Segment) -> StoredObject:
        """Write `data` once under its sha256 (a conditional put: an existing object is kept as it is)."""
        sha256 = hashlib.sha256(data).hexdigest()
        key = self.key_for(sha256, media_type, segment)
        self.put_once(key, data, media_type.partition(";")[0].strip() or "application/octet-stream")
        return StoredObject(uri=self.uri(key), sha256=sha256, size=len(data))

    def put_sidecar(self, sha256: str, manifest: bytes, segment: Segment) -> StoredObject:
        """Write `manifest` once as `<sha256>.c2pa` beside the object (a conditional put, like objects)."""
        name = self.key_for(sha256, SIDECAR_MEDIA_TYPE, segment)  # <sha256>.c2pa beside <sha256>.jpg
        kept = manifest if self.put_once(name, manifest, SIDECAR_MEDIA_TYPE) else self.read(name)
        kept = manifest if kept is None else kept  # deleted between the two calls: ours was the last word
        return StoredObject(uri=self.uri(name), sha256=hashlib.sha256(kept).hexdigest(), size=len(kept))

    def get(self, sha256: str, media_type: str, segment: Segment) -> bytes | None:
        """The bytes under `sha256`, checked against it, or None when no such object exists."""
        data = self.read(self.key_for(sha256, media_type, segment))
        if data is not None and hashlib.sha256(data).hexdigest() != sha256:
            # Never publish bytes the store changed: fail the batch closed instead.
            raise StoreUnavailable(f"s3 get: the object under {sha256} does not match its sha256")
        return data

    def locate(self, data: bytes, media_type: str, segment: Segment) -> StoredObject:
        """The object `get` just read: its key follows from its sha256, so no request (and no upload)."""
        sha256 = hashlib.sha256(data).hexdigest()
        key = self.key_for(sha256, media_type, segment)
        return StoredObject(uri=self.uri(key), sha256=sha256, size=len(data))

    def supersede(self, sha256: str, media_type: str, segment: Segment) -> None:
        """Tag the object `gate-superseded=true`, so a lifecycle rule can expire it; failures only logged."""
        key = self.key_for(sha256, media_type, segment)
        name, value = SUPERSEDED_TAG
        try:
            self._call(
                "tag",
                lambda: self._client.put_object_tagging(
                    Bucket=self.bucket, Key=key, Tagging={"TagSet": [{"Key": name, "Value": value}]}
                ),
            )
        except (ClientError, StoreUnavailable) as exc:
            # Untagged, the object only costs storage: no decision names it. Never hold a batch for it.
            reason = _code(exc) if isinstance(exc, ClientError) else str(exc)
            log.warning("could not tag a superseded object (%s)", reason)

    def recall(self, key: str) -> str | None:
        """The output sha256 recorded for derivation `key`, or None."""
        data = self.read(self._derivation_key(key))
        if data is None:
            return None
        text = data.decode("ascii", "replace").strip()
        return text if is_sha256(text) else None

    def remember(self, key: str, sha256: str) -> str:
        """Record `sha256` for `key` (a conditional put); if another writer was first, return its sha256."""
        check_sha256(sha256)
        object_key = self._derivation_key(key)
        if self.put_once(object_key, sha256.encode("ascii"), "text/plain"):
            return sha256
        winner = self.recall(key)
        if winner is None:
            raise StoreUnavailable("s3 remember: the derivation entry exists but cannot be read")
        return winner

    def put_once(self, key: str, data: bytes, content_type: str) -> bool:
        """Create `key` unless it exists; True when this call created it, False when it was already there."""
        for attempt in range(_CONFLICT_RETRIES + 1):
            try:
                self._call(
                    "put",
                    lambda: self._client.put_object(
                        Bucket=self.bucket,
                        Key=key,
                        Body=data,
                        ContentType=content_type,
                        IfNoneMatch="*",
                        ChecksumAlgorithm="SHA256",
                    ),
                )
                return True
            except ClientError as exc:
                code = _code(exc)
                if code in _EXISTS:
                    return False
                if code not in _CONFLICT or attempt == _CONFLICT_RETRIES:
                    raise _unavailable("put", exc) from None
                self._sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def read(self, key: str) -> bytes | None:
        """The bytes of `key`, or None when it does not exist."""
        try:
            response = self._call("get", lambda: self._client.get_object(Bucket=self.bucket, Key=key))
            body: bytes = self._call("get", response["Body"].read)
        except ClientError as exc:
            if _code(exc) in _MISSING:
                return None
            raise _unavailable("get", exc) from None
        return body

    def client(self) -> S3Client:
        """The boto3 client (created on first use), for `gate store check`."""
        return self._client

    @property
    def _client(self) -> S3Client:
        if self._client_instance is None:
            for name in _QUIET_LOGGERS:
                logger = logging.getLogger(name)
                logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))
            s = self._settings
            config = Config(
                connect_timeout=s.connect_timeout_s,
                read_timeout=s.read_timeout_s,
                retries={"max_attempts": s.max_attempts, "mode": "standard"},
                # MinIO, Ceph and test servers serve buckets by path; AWS picks virtual-host style itself.
                s3={"addressing_style": "path" if s.endpoint_url else "auto"},
                request_checksum_calculation="when_required",
                response_checksum_validation="when_required",
            )
            session = boto3.session.Session()
            self._client_instance = session.client(
                "s3", endpoint_url=s.endpoint_url, region_name=s.region, config=config
            )
        return self._client_instance

    def _key(self, name: str) -> str:
        return f"{self.prefix}/{name}" if self.prefix else name

    def _derivation_key(self, key: str) -> str:
        check_sha256(key, "derivation key")
        return self._key(f"{DERIVATIONS_PREFIX}/{key[:2]}/{key}")

    @staticmethod
    def _call(operation: str, call: Callable[[], T]) -> T:
        """Run one client call; transport failures (after botocore's retries) become StoreUnavailable."""
        try:
            return call()
        except ClientError:
            raise
        except (BotoCoreError, OSError) as exc:
            raise StoreUnavailable(f"s3 {operation}: {exc.__class__.__name__}") from None


def _code(exc: ClientError) -> str:
    error: dict[str, Any] = dict(exc.response.get("Error", {}))
    return str(error.get("Code", ""))


def _unavailable(operation: str, exc: ClientError) -> StoreUnavailable:
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", "?")
    return StoreUnavailable(f"s3 {operation}: {_code(exc) or 'error'} (HTTP {status})")
