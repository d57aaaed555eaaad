"""The `.c2pa` sidecar on the S3 backend (moto's S3-protocol server): beside the object, write-once."""

from __future__ import annotations

import hashlib

import pytest
from s3_server import MotoServer

from gate.settings import S3StoreSettings
from gate.storage import Segment
from gate.storage.s3 import S3Store

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("aws_env")]


def test_the_sidecar_sits_beside_the_object_and_is_written_once(moto_s3: MotoServer) -> None:
    bucket = moto_s3.bucket()
    store = S3Store(
        S3StoreSettings(bucket=bucket, endpoint_url=moto_s3.endpoint_url, region="us-east-1", prefix="shop")
    )
    image = store.put(b"\xff\xd8 signed bytes", "image/jpeg", Segment.SYNTHETIC)
    sidecar = store.put_sidecar(image.sha256, b"jumbf manifest store", Segment.SYNTHETIC)
    assert sidecar.uri == image.uri.removesuffix(".jpg") + ".c2pa"
    key = sidecar.uri.removeprefix(f"s3://{bucket}/")
    head = moto_s3.client().head_object(Bucket=bucket, Key=key)
    assert head["ContentType"] == "application/c2pa"
    again = store.put_sidecar(image.sha256, b"another store", Segment.SYNTHETIC)
    assert again.sha256 == hashlib.sha256(b"jumbf manifest store").hexdigest()
    body = moto_s3.client().get_object(Bucket=bucket, Key=key)["Body"].read()
    assert body == b"jumbf manifest store"
    assert store.get(image.sha256, "image/jpeg", Segment.SYNTHETIC) == b"\xff\xd8 signed bytes"
