"""The gate's exception tree. Third-party errors are translated into these where they enter.

GateError
├── ConfigError          bad settings, policy, keys or CLI arguments (exit status 2)
├── EventInvalid         an ingest event that does not parse or does not match its schema
├── AssetError           the asset's bytes cannot be had or do not match what the event declares
│   └── AssetUnavailable
├── ImageError           the bytes are not an image the gate can safely look at
│   ├── ImageUndecodable
│   └── ImageLimitExceeded
├── ScanLimitExceeded    generation parameters too deep or too large to scan within bounds
├── ProvenanceError      C2PA reading or signing failed for a reason that is not a verdict
└── StoreUnavailable     the published-image store did not answer (after retries): the batch is not committed
"""

from __future__ import annotations


class GateError(Exception):
    """Root of every error the gate raises on purpose.

    Messages never contain personal data: they name what was wrong and what to do, not the value.
    """


class ConfigError(GateError):
    """A setting, policy, key file or argument is wrong; the message says what to fix."""


class EventInvalid(GateError):
    """An ingest event could not be parsed or does not match schemas/ingest-event.schema.json."""


class IdentifierPersonalData(EventInvalid):
    """An event's `event_id` or `source` holds personal data: it must not be used as an id anywhere.

    `path` ("/event_id" or "/source") and `entity` name where and what, never the value.
    """

    def __init__(self, path: str, entity: str) -> None:
        self.path = path
        self.entity = entity
        super().__init__(
            f"{path} holds personal data ({entity}); ids are logged and used as keys, so use an opaque id"
        )


class AssetError(GateError):
    """The asset's bytes could not be obtained or are not what the event declared."""


class AssetUnavailable(AssetError):
    """The asset could not be fetched (not found, not allowed, too large, timed out)."""


class ImageError(GateError):
    """The bytes are not an image the gate can look at safely."""


class ImageUndecodable(ImageError):
    """The bytes are not a decodable image of a supported format."""


class ImageUnsupported(ImageUndecodable):
    """The bytes announce an image format the gate does not publish (HEIC, AVIF, TIFF, GIF, BMP).

    `media_type` is the sniffed type: it names a format, never content, so reasons may carry it.
    """

    def __init__(self, media_type: str) -> None:
        super().__init__(f"{media_type} is not a supported format (JPEG, PNG, WebP)")
        self.media_type = media_type


class ImageLimitExceeded(ImageError):
    """Dimensions, pixel count, file size or a decompression-bomb guard was exceeded."""


class ScanLimitExceeded(GateError):
    """Generation parameters are nested too deep or hold too many values to scan within bounds."""


class ProvenanceError(GateError):
    """Reading or signing a C2PA manifest failed for a reason that is not a validation verdict."""


class StoreUnavailable(GateError):
    """The store for published images (directory or S3 bucket) could not be read or written, after retries.

    Never turned into a verdict: a decision must not be committed without its published bytes, so the runner
    leaves the batch uncommitted, reports itself not ready and tries the batch again.
    """
