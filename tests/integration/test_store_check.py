"""`gate store check` as an operator runs it: against moto's S3-protocol server, and on a directory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from s3_server import ACCESS_KEY_ID, BLOCK_ALL_PUBLIC_ACCESS, CREDENTIALS, SECRET_ACCESS_KEY, MotoServer

from gate.broker import free_loopback_port
from gate.settings import S3StoreSettings
from gate.storage.fitness import check_bucket
from gate.storage.s3 import S3Store

pytestmark = pytest.mark.integration


def store_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GATE_", "AWS_"))}
    return subprocess.run(
        [sys.executable, "-m", "gate.cli.main", "store", "check"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def s3_env(endpoint_url: str, bucket: str) -> dict[str, str]:
    return {
        **CREDENTIALS,
        "GATE_STORE__BACKEND": "s3",
        "GATE_STORE__S3__BUCKET": bucket,
        "GATE_STORE__S3__PREFIX": "gate",
        "GATE_STORE__S3__ENDPOINT_URL": endpoint_url,
        "GATE_STORE__S3__REGION": "us-east-1",
        "GATE_STORE__S3__MAX_ATTEMPTS": "2",
    }


def test_a_fit_bucket_passes_and_gets_its_prefix_markers(moto_s3: MotoServer) -> None:
    bucket = moto_s3.bucket(fit=True)
    result = store_check(s3_env(moto_s3.endpoint_url, bucket))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fit" in result.stdout.splitlines()[-1]
    listed = moto_s3.client().list_objects_v2(Bucket=bucket)["Contents"]
    assert sorted(item["Key"] for item in listed) == [
        "gate/derivations/.gate-prefix",
        "gate/published/non-synthetic/.gate-prefix",
        "gate/published/synthetic/.gate-prefix",
        "gate/quarantine/.gate-prefix",
    ]
    again = store_check(s3_env(moto_s3.endpoint_url, bucket))  # markers present: still fit, nothing rewritten
    assert again.returncode == 0 and "present and writable" in again.stdout
    output = result.stdout + result.stderr + again.stdout + again.stderr
    assert ACCESS_KEY_ID not in output and SECRET_ACCESS_KEY not in output


def test_an_unversioned_public_bucket_fails_with_each_reason(moto_s3: MotoServer) -> None:
    bucket = moto_s3.bucket(fit=False)
    result = store_check(s3_env(moto_s3.endpoint_url, bucket))
    assert result.returncode == 1
    fails = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert len(fails) == 2
    assert "versioning" in fails[0] and "put-bucket-versioning" in fails[0]
    assert "public access" in fails[1]
    assert "not fit: versioning, public access" in result.stdout


def test_a_suspended_versioning_and_a_half_open_bucket_fail(moto_s3: MotoServer) -> None:
    bucket = moto_s3.bucket(fit=True)
    client = moto_s3.client()
    client.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Suspended"})
    client.put_public_access_block(
        Bucket=bucket,
        PublicAccessBlockConfiguration={**BLOCK_ALL_PUBLIC_ACCESS, "BlockPublicPolicy": False},
    )
    result = store_check(s3_env(moto_s3.endpoint_url, bucket))
    assert result.returncode == 1
    assert "Suspended" in result.stdout and "BlockPublicPolicy must be true" in result.stdout


def test_an_unreachable_store_or_missing_bucket_fails(moto_s3: MotoServer) -> None:
    down = store_check(s3_env(f"http://127.0.0.1:{free_loopback_port()}", "gate-anything"))
    assert down.returncode == 1 and "cannot be reached" in down.stdout
    missing = store_check(s3_env(moto_s3.endpoint_url, "gate-never-created"))
    assert missing.returncode == 1 and "cannot be reached" in missing.stdout


def test_the_directory_backend_is_checked_too(tmp_path: Path) -> None:
    fit = store_check({"GATE_STORE_DIR": str(tmp_path / "store")})
    assert fit.returncode == 0, fit.stdout
    assert (tmp_path / "store" / "published" / "synthetic").is_dir()
    unset = store_check({})
    assert unset.returncode == 1 and "set store_dir or store.backend: s3" in unset.stdout


def test_a_bucket_setting_without_a_bucket_is_a_usage_error() -> None:
    result = store_check({"GATE_STORE__BACKEND": "s3"})
    assert result.returncode == 2
    assert "store.s3.bucket" in result.stderr


class IgnoresConditions(S3Store):
    """A store that drops If-None-Match, as some S3-compatible servers (or their older versions) do."""

    def put_once(self, key: str, data: bytes, content_type: str) -> bool:
        self.client().put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)
        return True


def test_a_store_that_ignores_conditional_writes_is_not_fit(
    moto_s3: MotoServer, aws_env: dict[str, str]
) -> None:
    bucket = moto_s3.bucket(fit=True)
    settings = S3StoreSettings(bucket=bucket, endpoint_url=moto_s3.endpoint_url, region="us-east-1")
    honest = {f.name: f for f in check_bucket(S3Store(settings))}
    assert honest["conditional writes"].ok
    ignoring = {f.name: f for f in check_bucket(IgnoresConditions(settings))}
    assert not ignoring["conditional writes"].ok
    assert "ignores If-None-Match" in ignoring["conditional writes"].detail
