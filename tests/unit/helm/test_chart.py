"""The Helm chart helm/gate: it lints, renders valid and hardened objects, and the gate reads what it renders.

Rendering is offline through helm-python-sdk (Helm's Go SDK, no helm binary); schemas come from
kubernetes-validate. Both are test dependencies, so a missing one fails here instead of skipping.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import helm_python
import kubernetes_validate
import pytest
import yaml

from gate.settings import load_settings
from tests.debian_tools import require_tool

CHART_DIR = Path(__file__).resolve().parents[3] / "helm" / "gate"
RELEASE = "gate"
NAMESPACE = "media"
# The oldest Kubernetes the chart declares (Chart.yaml kubeVersion) and the newest kubernetes-validate knows.
KUBE_VERSIONS = ("1.27.0", kubernetes_validate.utils.latest_version())

# The one value without a default: a gate without a broker cannot start.
MINIMAL: dict[str, Any] = {"kafka": {"bootstrapServers": "kafka-0.kafka:9093,kafka-1.kafka:9093"}}
POLICY = "version: '2026.12.0'\ndefault_outcome: quarantine\nrules: []\n"
FULL: dict[str, Any] = {
    "image": {"repository": "registry.example/gate", "digest": "sha256:" + "ab" * 32},
    "kafka": {
        "bootstrapServers": "kafka:9093",
        "groupId": "gate-prod",
        "ingestPartitions": 8,
        "topics": {"ingest": "shop.images"},
        "config": {
            "security.protocol": "SASL_SSL",
            "sasl.mechanism": "SCRAM-SHA-512",
            "sasl.username": "gate",
            "ssl.ca.location": "/etc/gate/kafka-tls/ca.crt",
            "socket.keepalive.enable": True,
        },
        "sasl": {"existingSecret": "gate-kafka-sasl"},
        "tls": {"existingSecret": "gate-kafka-tls"},
    },
    "batch": {"maxRecords": 128},
    "resources": {"requests": {"cpu": "4", "memory": "2Gi"}, "limits": {"cpu": "4", "memory": "4Gi"}},
    "shutdownTimeoutSeconds": 30,
    "fetch": {"fileRoots": ["/srv/images"], "httpsAllowHosts": ["cdn.example"]},
    "policy": POLICY,
    "signer": {"existingSecret": "gate-signer"},
    "trustAnchors": {"existingConfigMap": "c2pa-anchors"},
    "store": {"enabled": True, "persistence": {"enabled": True, "size": "50Gi"}},
    "serviceMonitor": {"enabled": True, "labels": {"release": "kube-prometheus-stack"}},
    "metrics": {"allowedSources": ["studio-gen", "photo-studio"]},
    "autoscaling": {"enabled": True, "minReplicas": 2, "maxReplicas": 8},
    "networkPolicy": {
        "enabled": True,
        "metricsFrom": [{"namespaceSelector": {"matchLabels": {"name": "monitoring"}}}],
        "egress": {
            "enabled": True,
            "to": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/16"}}], "ports": [{"port": 9093}]}],
        },
    },
}
# What an SRE turns on: lag-based autoscaling with KEDA, the alert rules and the dashboard.
OPERATED: dict[str, Any] = {
    "kafka": {**MINIMAL["kafka"], "ingestPartitions": 6},
    "keda": {"enabled": True, "maxReplicas": 12, "prometheus": {"serverAddress": "http://prometheus:9090"}},
    "prometheusRule": {"enabled": True, "labels": {"release": "kube-prometheus-stack"}},
    "grafanaDashboard": {"enabled": True, "annotations": {"grafana_folder": "Gate"}},
}
SCENARIOS = {"minimal": MINIMAL, "full": FULL, "operated": OPERATED}

Manifest = dict[str, Any]
Rendered = dict[str, list[Manifest]]  # scenario name -> its objects
_VAR_REF = re.compile(r"\$\(([A-Za-z_][A-Za-z0-9_.]*)\)")


@pytest.fixture(scope="module")
def chart() -> Iterator[helm_python.Chart]:
    with helm_python.Chart.load(CHART_DIR) as loaded:
        yield loaded


@pytest.fixture(scope="module")
def rendered(chart: helm_python.Chart) -> Rendered:
    """Each scenario rendered once for the whole module: rendering is the slow part."""
    return {name: render(chart, values) for name, values in SCENARIOS.items()}


def render(chart: helm_python.Chart, values: dict[str, Any]) -> list[Manifest]:
    """All Kubernetes objects the chart renders for `values` (NOTES.txt and empty documents left out)."""
    manifests = chart.render(values, name=RELEASE, namespace=NAMESPACE)
    return [
        doc
        for path, text in sorted(manifests.items())
        if path.endswith((".yaml", ".yml"))
        for doc in yaml.safe_load_all(text)
        if doc
    ]


def one(docs: list[Manifest], kind: str) -> dict[str, Any]:
    matches = [doc for doc in docs if doc["kind"] == kind]
    assert len(matches) == 1, f"expected one {kind}, got {len(matches)}"
    return matches[0]


def container(docs: list[Manifest]) -> dict[str, Any]:
    containers = one(docs, "StatefulSet")["spec"]["template"]["spec"]["containers"]
    assert [c["name"] for c in containers] == ["gate"]
    return containers[0]


def gate_config_map(docs: list[Manifest]) -> dict[str, Any]:
    """The ConfigMap with gate.yaml (the dashboard, when enabled, is another ConfigMap)."""
    (config,) = [d for d in docs if d["kind"] == "ConfigMap" and "gate.yaml" in d["data"]]
    return config


def gate_yaml(docs: list[Manifest]) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(gate_config_map(docs)["data"]["gate.yaml"])
    return loaded


def mount_of(docs: list[Manifest], volume: str) -> str:
    mounts = [m["mountPath"] for m in container(docs)["volumeMounts"] if m["name"] == volume]
    assert len(mounts) == 1, f"volume {volume} mounted {len(mounts)} times"
    return mounts[0]


def pod_env(docs: list[Manifest], pod_name: str, secret: str) -> dict[str, str]:
    """The container's environment as the kubelet builds it: downward API and $(VAR) references resolved."""
    env: dict[str, str] = {}
    for entry in container(docs)["env"]:
        if "value" in entry:
            env[entry["name"]] = _VAR_REF.sub(lambda ref: env[ref.group(1)], entry["value"])
        elif entry["valueFrom"].get("fieldRef", {}).get("fieldPath") == "metadata.name":
            env[entry["name"]] = pod_name
        else:
            assert "secretKeyRef" in entry["valueFrom"], entry
            env[entry["name"]] = secret
    return env


# Lint and schema validation


def test_lint_with_the_chart_defaults_passes() -> None:
    report = helm_python.lint(CHART_DIR)

    assert report["total_charts_linted"] == 1
    assert report["errors"] == []


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_strict_lint_finds_no_warnings_or_errors(scenario: str) -> None:
    report = helm_python.lint(CHART_DIR, SCENARIOS[scenario], strict=True, namespace=NAMESPACE)

    assert report["errors"] == []
    assert [m for m in report["messages"] if m["severity"] >= 2] == []  # 2 warning, 3 error


def test_default_values_alone_refuse_to_render_without_a_broker(chart: helm_python.Chart) -> None:
    with pytest.raises(helm_python.HelmError, match=r"kafka\.bootstrapServers is required"):
        chart.render({}, name=RELEASE, namespace=NAMESPACE)


@pytest.mark.parametrize("kube_version", KUBE_VERSIONS)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_manifest_validates_strictly(rendered: Rendered, scenario: str, kube_version: str) -> None:
    for doc in rendered[scenario]:
        if doc["apiVersion"].startswith(("monitoring.coreos.com/", "keda.sh/")):
            continue  # CRDs kubernetes-validate has no schema for; their own tests below check them
        kubernetes_validate.validate(doc, kube_version, strict=True)


def test_minimal_install_renders_the_core_objects_only(rendered: Rendered) -> None:
    kinds = sorted(doc["kind"] for doc in rendered["minimal"])

    assert kinds == ["ConfigMap", "PodDisruptionBudget", "Service", "ServiceAccount", "StatefulSet"]


def test_full_install_adds_monitor_autoscaler_and_network_policy(
    rendered: Rendered,
) -> None:
    kinds = {doc["kind"] for doc in rendered["full"]}

    assert {"ServiceMonitor", "HorizontalPodAutoscaler", "NetworkPolicy"} <= kinds
    assert "Secret" not in kinds  # keys are referenced, never rendered


def test_every_object_carries_the_standard_labels(rendered: Rendered) -> None:
    for doc in rendered["full"]:
        labels = doc["metadata"]["labels"]
        assert labels["app.kubernetes.io/name"] == "gate", doc["kind"]
        assert labels["app.kubernetes.io/instance"] == RELEASE, doc["kind"]
        assert labels["app.kubernetes.io/managed-by"] == "Helm", doc["kind"]
        assert labels["app.kubernetes.io/version"] == "0.1.0", doc["kind"]
        assert doc["metadata"]["namespace"] == NAMESPACE, doc["kind"]


# What the gate reads


def test_minimal_gate_yaml_sets_broker_topics_batch_and_workers(
    rendered: Rendered,
) -> None:
    config = gate_yaml(rendered["minimal"])

    assert config["bootstrap_servers"] == MINIMAL["kafka"]["bootstrapServers"]
    assert config["group_id"] == "gate"
    assert config["topics"]["ingest"] == "images.ingest"
    assert config["batch"] == {"max_records": 64, "max_bytes": 32 * 1024 * 1024, "linger_ms": 50}
    assert config["workers"] == 2  # the default CPU limit
    assert config["shutdown_timeout_s"] == 20
    assert config["kafka"] == {}
    # Optional files are absent, so the gate uses its shipped policy and does not sign.
    assert not {"policy", "trust_anchors", "signer_chain", "signer_key", "store_dir"} & config.keys()


def test_full_gate_yaml_points_at_the_mounted_files(rendered: Rendered) -> None:
    docs = rendered["full"]
    config = gate_yaml(docs)

    assert config["group_id"] == "gate-prod"
    assert config["topics"]["ingest"] == "shop.images"
    assert config["topics"]["approved"] == "images.approved"  # defaults kept beside an override
    assert config["batch"]["max_records"] == 128
    assert config["workers"] == 4
    assert config["fetch"]["file_roots"] == ["/srv/images"]
    assert config["fetch"]["https_allow_hosts"] == ["cdn.example"]
    # librdkafka wants strings, and the gate's settings accept only strings there.
    assert config["kafka"]["socket.keepalive.enable"] == "true"
    assert "sasl.password" not in config["kafka"]
    assert Path(config["policy"]).parent == Path(mount_of(docs, "policy"))
    assert Path(config["signer_chain"]).parent == Path(mount_of(docs, "signer"))
    assert Path(config["signer_key"]).parent == Path(mount_of(docs, "signer"))
    assert Path(config["trust_anchors"]).parent == Path(mount_of(docs, "trust-anchors"))
    assert config["store_dir"] == mount_of(docs, "store")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_gate_settings_load_what_the_pod_gets(
    rendered: Rendered,
    scenario: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The chart and gate/settings.py agree: the rendered file plus the pod's env load without error."""
    docs = rendered[scenario]
    config_file = tmp_path / "gate.yaml"
    config_file.write_text(gate_config_map(docs)["data"]["gate.yaml"], encoding="utf-8")
    for name in [name for name in os.environ if name.startswith("GATE_")]:
        monkeypatch.delenv(name)
    for name, value in pod_env(docs, pod_name=f"{RELEASE}-3", secret="s3cret").items():
        monkeypatch.setenv(name, value)

    settings = load_settings(config_file)

    group = gate_yaml(docs)["group_id"]
    assert settings.effective_transactional_id == f"{group}.{RELEASE}-3"
    assert settings.http.host == "0.0.0.0"
    assert settings.http.port == 9108
    if scenario == "full":
        assert settings.kafka["sasl.password"] == "s3cret"
        assert settings.kafka["security.protocol"] == "SASL_SSL"
        # The file's http section and the pod's GATE_HTTP__* env merge: host from env, sources from the file.
        assert settings.http.allowed_sources == ("studio-gen", "photo-studio")
    else:
        assert settings.http.allowed_sources is None


def test_policy_override_is_shipped_verbatim_where_the_gate_looks(
    rendered: Rendered,
) -> None:
    docs = rendered["full"]
    configmap = gate_config_map(docs)
    volume = next(
        v for v in one(docs, "StatefulSet")["spec"]["template"]["spec"]["volumes"] if v["name"] == "policy"
    )

    assert yaml.safe_load(configmap["data"]["policy.yaml"]) == yaml.safe_load(POLICY)
    assert volume["configMap"]["items"] == [
        {"key": "policy.yaml", "path": Path(gate_yaml(docs)["policy"]).name}
    ]


def test_secrets_are_referenced_by_name(rendered: Rendered) -> None:
    docs = rendered["full"]
    volumes = {v["name"]: v for v in one(docs, "StatefulSet")["spec"]["template"]["spec"]["volumes"]}
    sasl = next(e for e in container(docs)["env"] if e["name"] == "GATE_KAFKA__sasl.password")

    assert volumes["signer"]["secret"]["secretName"] == "gate-signer"
    assert {i["key"] for i in volumes["signer"]["secret"]["items"]} == {"chain.pem", "key.pem"}
    assert volumes["signer"]["secret"]["defaultMode"] == 0o440
    assert volumes["trust-anchors"]["configMap"]["name"] == "c2pa-anchors"
    assert volumes["kafka-tls"]["secret"]["secretName"] == "gate-kafka-tls"
    assert sasl["valueFrom"]["secretKeyRef"] == {"name": "gate-kafka-sasl", "key": "password"}


@pytest.mark.parametrize("key", ["sasl.password", "ssl.key.password", "sasl.oauthbearer.client.secret"])
def test_secrets_in_the_kafka_passthrough_are_refused(chart: helm_python.Chart, key: str) -> None:
    values = {"kafka": {"bootstrapServers": "kafka:9093", "config": {key: "hunter2"}}}

    with pytest.raises(helm_python.HelmError, match="would land in a ConfigMap"):
        chart.render(values, name=RELEASE, namespace=NAMESPACE)


def test_a_config_change_rolls_the_pods(chart: helm_python.Chart, rendered: Rendered) -> None:
    changed = render(chart, {**MINIMAL, "batch": {"maxRecords": 8}})

    def checksum(docs: list[Manifest]) -> str:
        annotations: dict[str, str] = one(docs, "StatefulSet")["spec"]["template"]["metadata"]["annotations"]
        return annotations["checksum/config"]

    assert checksum(changed) != checksum(rendered["minimal"])


# The pod


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_security_context_is_hardened(rendered: Rendered, scenario: str) -> None:
    docs = rendered[scenario]
    pod = one(docs, "StatefulSet")["spec"]["template"]["spec"]
    ctx = container(docs)["securityContext"]

    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] != 0
    assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}
    assert ctx["runAsNonRoot"] is True
    assert ctx["readOnlyRootFilesystem"] is True
    assert ctx["allowPrivilegeEscalation"] is False
    assert ctx["capabilities"] == {"drop": ["ALL"]}
    assert ctx["seccompProfile"] == {"type": "RuntimeDefault"}
    assert pod["automountServiceAccountToken"] is False
    # A read-only root still needs a writable /tmp.
    assert mount_of(docs, "tmp") == "/tmp"


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_probes_hit_health_endpoints_on_the_metrics_port(rendered: Rendered, scenario: str) -> None:
    docs = rendered[scenario]
    gate = container(docs)
    service_port = one(docs, "Service")["spec"]["ports"][0]

    assert gate["ports"] == [{"name": "metrics", "containerPort": 9108, "protocol": "TCP"}]
    assert gate["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": "metrics"}
    assert gate["startupProbe"]["httpGet"] == {"path": "/healthz", "port": "metrics"}
    assert gate["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": "metrics"}
    assert (service_port["port"], service_port["targetPort"]) == (9108, "metrics")


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_transactional_id_is_derived_from_the_pod_name(rendered: Rendered, scenario: str) -> None:
    docs = rendered[scenario]
    env = container(docs)["env"]
    names = [e["name"] for e in env]
    tx_id = next(e for e in env if e["name"] == "GATE_TRANSACTIONAL_ID")

    assert one(docs, "StatefulSet")["kind"] == "StatefulSet"  # stable, never-duplicated pod names
    assert {"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}} in env
    assert tx_id["value"] == f"{gate_yaml(docs)['group_id']}.$(POD_NAME)"
    # The kubelet expands $(POD_NAME) only when it is defined earlier in the list.
    assert names.index("POD_NAME") < names.index("GATE_TRANSACTIONAL_ID")
    assert {"name": "GATE_HTTP__HOST", "value": "0.0.0.0"} in env


def test_the_gate_runs_with_its_config_file(rendered: Rendered) -> None:
    docs = rendered["minimal"]

    assert container(docs)["command"] == ["gate", "run", "--config", "/etc/gate/gate.yaml"]
    assert mount_of(docs, "config") == "/etc/gate/gate.yaml"
    assert container(docs)["image"] == "gate:0.1.0"
    assert container(rendered["full"])["image"] == FULL["image"]["repository"] + "@" + FULL["image"]["digest"]


@pytest.mark.parametrize(
    ("cpu_limit", "workers"), [("2", 2), (4, 4), ("1500m", 1), ("500m", 1), ("3000m", 3), (2.5, 2)]
)
def test_workers_default_to_the_whole_cpus_of_the_limit(
    chart: helm_python.Chart, cpu_limit: str | float, workers: int
) -> None:
    docs = render(chart, {**MINIMAL, "resources": {"limits": {"cpu": cpu_limit, "memory": "2Gi"}}})

    assert gate_yaml(docs)["workers"] == workers


def test_explicit_workers_win_over_the_cpu_limit(chart: helm_python.Chart) -> None:
    docs = render(chart, {**MINIMAL, "workers": 3})

    assert gate_yaml(docs)["workers"] == 3


def test_grace_period_outlasts_the_shutdown_timeout(chart: helm_python.Chart, rendered: Rendered) -> None:
    for scenario in SCENARIOS:
        pod = one(rendered[scenario], "StatefulSet")["spec"]["template"]["spec"]
        assert pod["terminationGracePeriodSeconds"] > gate_yaml(rendered[scenario])["shutdown_timeout_s"]

    with pytest.raises(helm_python.HelmError, match="must exceed shutdownTimeoutSeconds"):
        chart.render({**MINIMAL, "terminationGracePeriodSeconds": 20}, name=RELEASE, namespace=NAMESPACE)


def test_resources_request_what_they_limit(rendered: Rendered) -> None:
    resources = container(rendered["minimal"])["resources"]

    assert resources["requests"]["cpu"] == resources["limits"]["cpu"]
    assert "memory" in resources["limits"]


# Scaling, storage, monitoring, network


def test_autoscaler_owns_the_replica_count(rendered: Rendered) -> None:
    docs = rendered["full"]
    hpa = one(docs, "HorizontalPodAutoscaler")["spec"]

    assert "replicas" not in one(docs, "StatefulSet")["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": RELEASE}
    assert (hpa["minReplicas"], hpa["maxReplicas"]) == (2, 8)


@pytest.mark.parametrize(
    "values",
    [
        {"replicaCount": 5},
        {"autoscaling": {"enabled": True, "maxReplicas": 6}},
    ],
)
def test_more_replicas_than_partitions_are_refused(chart: helm_python.Chart, values: dict[str, Any]) -> None:
    kafka = {**MINIMAL["kafka"], "ingestPartitions": 4}

    with pytest.raises(helm_python.HelmError, match="would sit idle"):
        chart.render({**values, "kafka": kafka}, name=RELEASE, namespace=NAMESPACE)


def test_persistent_store_gets_a_claim_per_pod(rendered: Rendered) -> None:
    statefulset = one(rendered["full"], "StatefulSet")["spec"]
    (claim,) = statefulset["volumeClaimTemplates"]

    assert claim["metadata"]["name"] == "store"
    assert claim["spec"]["resources"]["requests"]["storage"] == "50Gi"
    assert "store" not in {v["name"] for v in statefulset["template"]["spec"]["volumes"]}


@pytest.mark.parametrize(
    ("store", "expected"),
    [
        ({"enabled": True}, {"name": "store", "emptyDir": {"sizeLimit": "2Gi"}}),
        (
            {"enabled": True, "persistence": {"enabled": True, "existingClaim": "shared-store"}},
            {"name": "store", "persistentVolumeClaim": {"claimName": "shared-store"}},
        ),
    ],
)
def test_store_volume_without_claim_templates(
    chart: helm_python.Chart, store: dict[str, Any], expected: dict[str, Any]
) -> None:
    docs = render(chart, {**MINIMAL, "store": store})
    statefulset = one(docs, "StatefulSet")["spec"]

    assert expected in statefulset["template"]["spec"]["volumes"]
    assert "volumeClaimTemplates" not in statefulset
    assert gate_yaml(docs)["store_dir"] == mount_of(docs, "store")


def test_service_monitor_scrapes_the_metrics_port(rendered: Rendered) -> None:
    docs = rendered["full"]
    monitor = one(docs, "ServiceMonitor")
    service = one(docs, "Service")

    assert monitor["apiVersion"] == "monitoring.coreos.com/v1"
    assert monitor["metadata"]["labels"]["release"] == "kube-prometheus-stack"
    assert monitor["spec"]["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    assert monitor["spec"]["namespaceSelector"] == {"matchNames": [NAMESPACE]}
    assert [(e["port"], e["path"]) for e in monitor["spec"]["endpoints"]] == [("metrics", "/metrics")]
    assert service["spec"]["clusterIP"] == "None"


def test_network_policy_opens_only_the_metrics_port_and_dns(
    rendered: Rendered,
) -> None:
    policy = one(rendered["full"], "NetworkPolicy")["spec"]

    assert policy["policyTypes"] == ["Ingress", "Egress"]
    assert [rule["ports"] for rule in policy["ingress"]] == [[{"port": "metrics", "protocol": "TCP"}]]
    assert policy["ingress"][0]["from"] == FULL["networkPolicy"]["metricsFrom"]
    assert {"port": 53, "protocol": "UDP"} in policy["egress"][0]["ports"]
    assert policy["egress"][1:] == FULL["networkPolicy"]["egress"]["to"]


# Operating: KEDA, alert rules, dashboard


def test_keda_scales_on_lag_seconds_capped_at_the_partition_count(rendered: Rendered) -> None:
    docs = rendered["operated"]
    scaled = one(docs, "ScaledObject")["spec"]
    assert "replicas" not in one(docs, "StatefulSet")["spec"]  # the scaler owns the replica count
    assert scaled["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "StatefulSet", "name": RELEASE}
    assert (scaled["minReplicaCount"], scaled["maxReplicaCount"]) == (1, 6)  # 12 asked, 6 partitions
    (trigger,) = scaled["triggers"]
    assert trigger["type"] == "prometheus"
    assert trigger["metadata"]["query"] == (
        f'max(gate_consumer_lag_seconds{{namespace="{NAMESPACE}", service="{RELEASE}"}})'
    )
    assert trigger["metadata"]["threshold"] == "30"
    assert not [d for d in docs if d["kind"] == "HorizontalPodAutoscaler"]


@pytest.mark.parametrize(
    ("values", "says"),
    [
        ({"keda": {"enabled": True, "prometheus": {"serverAddress": "http://p:9090"}}}, "ingestPartitions"),
        ({"kafka": {**MINIMAL["kafka"], "ingestPartitions": 4}, "keda": {"enabled": True}}, "serverAddress"),
        (
            {**OPERATED, "autoscaling": {"enabled": True, "maxReplicas": 4}},
            "enable one of them",
        ),
    ],
)
def test_keda_refuses_what_cannot_work(chart: helm_python.Chart, values: dict[str, Any], says: str) -> None:
    with pytest.raises(helm_python.HelmError, match=says):
        chart.render({**MINIMAL, **values}, name=RELEASE, namespace=NAMESPACE)


def test_prometheus_rule_ships_the_rules_promtool_accepts(rendered: Rendered, tmp_path: Path) -> None:
    rule = one(rendered["operated"], "PrometheusRule")
    assert rule["metadata"]["labels"]["release"] == "kube-prometheus-stack"
    shipped = yaml.safe_load((CHART_DIR.parents[1] / "deploy/prometheus/gate-rules.yaml").read_text())
    assert rule["spec"] == shipped
    rules_file = tmp_path / "rules.yaml"
    rules_file.write_text(yaml.safe_dump(rule["spec"]))
    result = subprocess.run(
        [require_tool("promtool"), "check", "rules", str(rules_file)],
        check=False,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_runbook_links_can_point_at_a_hosted_runbook(chart: helm_python.Chart) -> None:
    values = {**OPERATED, "prometheusRule": {"enabled": True, "runbookBaseUrl": "https://git.example/gate/"}}
    rule = one(render(chart, values), "PrometheusRule")
    links = [
        r["annotations"]["runbook_url"] for g in rule["spec"]["groups"] for r in g["rules"] if "alert" in r
    ]
    assert links and all(link.startswith("https://git.example/gate/docs/runbook.md#") for link in links)


def test_dashboard_config_map_carries_the_dashboard_for_the_sidecar(rendered: Rendered) -> None:
    (board,) = [d for d in rendered["operated"] if d["kind"] == "ConfigMap" and "gate.json" in d["data"]]
    assert board["metadata"]["labels"]["grafana_dashboard"] == "1"
    assert board["metadata"]["annotations"] == {"grafana_folder": "Gate"}
    shipped = json.loads((CHART_DIR.parents[1] / "deploy/grafana/gate.json").read_text())
    assert json.loads(board["data"]["gate.json"]) == shipped


def test_operating_objects_are_off_by_default(rendered: Rendered) -> None:
    kinds = {d["kind"] for d in rendered["minimal"]}
    assert not kinds & {"ScaledObject", "PrometheusRule"}
    assert all("gate.json" not in d.get("data", {}) for d in rendered["minimal"])
