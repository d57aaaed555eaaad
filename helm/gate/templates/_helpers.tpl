{{/* Names, labels and the few derived settings every template shares. */}}

{{- define "gate.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified app name, at most 52 characters: a StatefulSet adds "-<ordinal>" to its pods and a
controller-revision-hash label of 11 characters to its revisions, and both must stay within 63.
*/}}
{{- define "gate.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "gate.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "gate.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gate.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "gate.labels" -}}
helm.sh/chart: {{ include "gate.chart" . }}
{{ include "gate.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: policy-gate
app.kubernetes.io/part-of: gate
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "gate.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "gate.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "gate.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}
{{- end }}

{{/*
Worker processes: `workers` when set, else the whole CPUs of resources.limits.cpu (at least 1). The gate's own
default, os.cpu_count(), would see the node's cores, not the container's limit, and oversubscribe the quota.
*/}}
{{- define "gate.workers" -}}
{{- if not (kindIs "invalid" .Values.workers) }}
{{- .Values.workers | int }}
{{- else }}
{{- $cpu := toString (dig "limits" "cpu" "" .Values.resources) }}
{{- if not $cpu }}
{{- fail "set `workers`, or resources.limits.cpu to derive it from: the pod cannot see its own CPU quota" }}
{{- end }}
{{- $whole := 0 }}
{{- if hasSuffix "m" $cpu }}
{{- $whole = div (trimSuffix "m" $cpu | atoi) 1000 }}
{{- else }}
{{- $whole = $cpu | float64 | floor | int }}
{{- end }}
{{- max 1 $whole }}
{{- end }}
{{- end }}

{{/* Kubernetes must wait longer than the gate's own drain (finish the batch, commit, close) before SIGKILL. */}}
{{- define "gate.terminationGracePeriodSeconds" -}}
{{- $drain := .Values.shutdownTimeoutSeconds | int }}
{{- if kindIs "invalid" .Values.terminationGracePeriodSeconds }}
{{- add $drain 15 }}
{{- else }}
{{- $grace := .Values.terminationGracePeriodSeconds | int }}
{{- if le $grace $drain }}
{{- fail (printf "terminationGracePeriodSeconds (%d) must exceed shutdownTimeoutSeconds (%d), or the kubelet kills the gate mid-commit" $grace $drain) }}
{{- end }}
{{- $grace }}
{{- end }}
{{- end }}

{{/* The transactional id prefix: the consumer group, as the gate's own default uses. */}}
{{- define "gate.transactionalIdPrefix" -}}
{{- default .Values.kafka.groupId .Values.kafka.transactionalIdPrefix }}
{{- end }}

{{/* Fail early on replica counts that can never all get work. */}}
{{- define "gate.checkPartitions" -}}
{{- with .Values.kafka.ingestPartitions }}
{{- $partitions := . | int }}
{{- $most := $.Values.replicaCount | int }}
{{- if $.Values.autoscaling.enabled }}
{{- $most = $.Values.autoscaling.maxReplicas | int }}
{{- end }}
{{- if gt $most $partitions }}
{{- fail (printf "%d replicas for %d ingest partitions: the extra instances would sit idle (a partition has one consumer per group). Lower replicaCount/autoscaling.maxReplicas or add partitions." $most $partitions) }}
{{- end }}
{{- end }}
{{- end }}

{{- define "gate.configDir" -}}/etc/gate{{- end }}
{{- define "gate.policyPath" -}}/etc/gate/policy/policy.yaml{{- end }}
{{- define "gate.signerDir" -}}/etc/gate/signer{{- end }}
{{- define "gate.trustDir" -}}/etc/gate/trust{{- end }}
{{- define "gate.kafkaTlsDir" -}}/etc/gate/kafka-tls{{- end }}
{{- define "gate.awsDir" -}}/etc/gate/aws{{- end }}

{{/* The gate's settings file (gate/settings.py field names). HTTP host/port and the transactional id are env. */}}
{{- define "gate.settings" -}}
{{- $kafka := dict }}
{{- range $key, $value := .Values.kafka.config }}
{{- $_ := set $kafka $key (toString $value) }}
{{- end }}
{{- $settings := dict
  "bootstrap_servers" (required "kafka.bootstrapServers is required" .Values.kafka.bootstrapServers)
  "group_id" .Values.kafka.groupId
  "topics" .Values.kafka.topics
  "kafka" $kafka
  "batch" (dict "max_records" (.Values.batch.maxRecords | int) "max_bytes" (.Values.batch.maxBytes | int64) "linger_ms" (.Values.batch.lingerMs | int))
  "workers" (include "gate.workers" . | int)
  "event_timeout_s" .Values.eventTimeoutSeconds
  "shutdown_timeout_s" .Values.shutdownTimeoutSeconds
  "session_timeout_ms" (.Values.kafka.sessionTimeoutMs | int)
  "max_message_bytes" (.Values.kafka.maxMessageBytes | int64)
  "fetch" (dict "file_roots" .Values.fetch.fileRoots "https_allow_hosts" .Values.fetch.httpsAllowHosts "max_bytes" (.Values.fetch.maxBytes | int64) "timeout_s" .Values.fetch.timeoutSeconds)
}}
{{- if .Values.policy }}
{{- $_ := set $settings "policy" (include "gate.policyPath" .) }}
{{- end }}
{{- if or .Values.trustAnchors.existingSecret .Values.trustAnchors.existingConfigMap }}
{{- $_ := set $settings "trust_anchors" (printf "%s/%s" (include "gate.trustDir" .) .Values.trustAnchors.key) }}
{{- end }}
{{- if .Values.signer.existingSecret }}
{{- $_ := set $settings "signer_chain" (printf "%s/%s" (include "gate.signerDir" .) .Values.signer.chainKey) }}
{{- $_ := set $settings "signer_key" (printf "%s/%s" (include "gate.signerDir" .) .Values.signer.keyKey) }}
{{- end }}
{{- if eq .Values.store.backend "s3" }}
{{- if .Values.store.enabled }}
{{- fail "store.enabled is the directory backend's volume: leave it false with store.backend s3" }}
{{- end }}
{{- $s3 := dict "bucket" (required "store.s3.bucket is required with store.backend s3" .Values.store.s3.bucket) "prefix" .Values.store.s3.prefix }}
{{- with .Values.store.s3.endpointUrl }}{{- $_ := set $s3 "endpoint_url" . }}{{- end }}
{{- with .Values.store.s3.region }}{{- $_ := set $s3 "region" . }}{{- end }}
{{- $_ := set $settings "store" (dict "backend" "s3" "s3" $s3) }}
{{- else if ne .Values.store.backend "directory" }}
{{- fail (printf "store.backend must be directory or s3, not %s" .Values.store.backend) }}
{{- else if .Values.store.enabled }}
{{- $_ := set $settings "store_dir" .Values.store.mountPath }}
{{- end }}
{{- with .Values.metrics.allowedSources }}
{{- $_ := set $settings "http" (dict "allowed_sources" .) }}
{{- end }}
{{- toYaml $settings }}
{{- end }}
