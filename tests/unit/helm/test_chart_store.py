"""The chart's S3 backend: gate.yaml names the bucket; credentials come from Secrets, never values."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import helm_python
import kubernetes_validate
import pytest
import yaml
from test_chart import (
    CHART_DIR,
    KUBE_VERSIONS,
    MINIMAL,
    NAMESPACE,
    RELEASE,
    container,
    gate_yaml,
    one,
    pod_env,
)

from gate.settings import load_settings

S3_KEYS: dict[str, Any] = {
    **MINIMAL,
    "replicaCount": 3,
    "store": {
        "backend": "s3",
        "s3": {
            "bucket": "media-gate",
            "prefix": "gate/eu",
            "endpointUrl": "https://minio.storage.svc:9000",
            "region": "eu-central-1",
            "credentials": {"existingSecret": "gate-bucket"},
        },
    },
}
S3_FILE: dict[str, Any] = {
    **MINIMAL,
    "store": {"backend": "s3", "s3": {"bucket": "media-gate", "credentials": {"fileSecret": "gate-aws"}}},
}
S3_IDENTITY: dict[str, Any] = {  # IRSA: no Secret at all, the service account carries the role
    **MINIMAL,
    "serviceAccount": {"annotations": {"eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/gate"}},
    "store": {"backend": "s3", "s3": {"bucket": "media-gate"}},
}
SCENARIOS = {"keys": S3_KEYS, "file": S3_FILE, "identity": S3_IDENTITY}


@pytest.fixture(scope="module")
def rendered() -> Iterator[dict[str, list[dict[str, Any]]]]:
    with helm_python.Chart.load(CHART_DIR) as chart:
        yield {
            name: [
                doc
                for path, text in sorted(chart.render(values, name=RELEASE, namespace=NAMESPACE).items())
                if path.endswith(".yaml")
                for doc in yaml.safe_load_all(text)
                if doc
            ]
            for name, values in SCENARIOS.items()
        }


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_s3_scenarios_lint_strictly_and_validate(
    rendered: dict[str, list[dict[str, Any]]], scenario: str
) -> None:
    report = helm_python.lint(CHART_DIR, SCENARIOS[scenario], strict=True, namespace=NAMESPACE)
    assert report["errors"] == []
    assert [m for m in report["messages"] if m["severity"] >= 2] == []
    for kube_version in KUBE_VERSIONS:
        for doc in rendered[scenario]:
            kubernetes_validate.validate(doc, kube_version, strict=True)
    assert "Secret" not in {doc["kind"] for doc in rendered[scenario]}  # referenced, never rendered


def test_gate_yaml_names_the_bucket_and_no_directory(rendered: dict[str, list[dict[str, Any]]]) -> None:
    config = gate_yaml(rendered["keys"])
    assert config["store"] == {
        "backend": "s3",
        "s3": {
            "bucket": "media-gate",
            "prefix": "gate/eu",
            "endpoint_url": "https://minio.storage.svc:9000",
            "region": "eu-central-1",
        },
    }
    assert "store_dir" not in config
    assert "store" not in {
        v["name"] for v in one(rendered["keys"], "StatefulSet")["spec"]["template"]["spec"]["volumes"]
    }
    assert gate_yaml(rendered["identity"])["store"] == {
        "backend": "s3",
        "s3": {"bucket": "media-gate", "prefix": "gate"},
    }


def test_access_keys_come_from_the_secret_as_the_standard_variables(
    rendered: dict[str, list[dict[str, Any]]],
) -> None:
    env = {e["name"]: e for e in container(rendered["keys"])["env"]}
    assert env["AWS_ACCESS_KEY_ID"]["valueFrom"]["secretKeyRef"] == {
        "name": "gate-bucket",
        "key": "AWS_ACCESS_KEY_ID",
    }
    assert env["AWS_SECRET_ACCESS_KEY"]["valueFrom"]["secretKeyRef"] == {
        "name": "gate-bucket",
        "key": "AWS_SECRET_ACCESS_KEY",
    }
    configmap = one(rendered["keys"], "ConfigMap")["data"]["gate.yaml"]
    assert "AWS_" not in configmap and "secret" not in configmap.lower()
    identity_env = {e["name"] for e in container(rendered["identity"])["env"]}
    assert not {n for n in identity_env if n.startswith("AWS_")}


def test_a_credentials_file_is_mounted_read_only_and_named(rendered: dict[str, list[dict[str, Any]]]) -> None:
    docs = rendered["file"]
    env = {e["name"]: e for e in container(docs)["env"]}
    mount = next(m for m in container(docs)["volumeMounts"] if m["name"] == "aws-credentials")
    volume = next(
        v
        for v in one(docs, "StatefulSet")["spec"]["template"]["spec"]["volumes"]
        if v["name"] == "aws-credentials"
    )
    assert mount["readOnly"] is True
    assert env["AWS_SHARED_CREDENTIALS_FILE"]["value"] == f"{mount['mountPath']}/credentials"
    assert volume["secret"] == {
        "secretName": "gate-aws",
        "defaultMode": 0o440,
        "items": [{"key": "credentials", "path": "credentials"}],
    }
    assert "AWS_SECRET_ACCESS_KEY" not in env


def test_the_gate_loads_the_s3_settings_the_pod_gets(
    rendered: dict[str, list[dict[str, Any]]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = rendered["keys"]
    config_file = tmp_path / "gate.yaml"
    config_file.write_text(one(docs, "ConfigMap")["data"]["gate.yaml"], encoding="utf-8")
    for name in [n for n in os.environ if n.startswith(("GATE_", "AWS_"))]:
        monkeypatch.delenv(name)
    for name, value in pod_env(docs, pod_name=f"{RELEASE}-1", secret="from-secret").items():
        monkeypatch.setenv(name, value)
    settings = load_settings(config_file)
    assert settings.store.backend == "s3"
    assert (settings.store.s3.bucket, settings.store.s3.prefix) == ("media-gate", "gate/eu")
    assert settings.store.s3.endpoint_url == "https://minio.storage.svc:9000"
    assert os.environ["AWS_SECRET_ACCESS_KEY"] == "from-secret"


@pytest.mark.parametrize(
    ("store", "message"),
    [
        ({"backend": "s3"}, r"store\.s3\.bucket is required"),
        ({"backend": "s3", "enabled": True, "s3": {"bucket": "b-1"}}, "leave it false"),
        ({"backend": "nfs"}, "directory or s3"),
    ],
)
def test_wrong_store_values_are_refused(store: dict[str, Any], message: str) -> None:
    with helm_python.Chart.load(CHART_DIR) as chart, pytest.raises(helm_python.HelmError, match=message):
        chart.render({**MINIMAL, "store": store}, name=RELEASE, namespace=NAMESPACE)
