{{/*
NetworkPolicy pieces: "peers" blocks from values ({cidrs, namespaceLabels, podLabels}) turned
into rules, and each service's own policy (called from "newsroom.component").
*/}}

{{/*
NetworkPolicy peers (JSON list) from a "peers" block {cidrs, namespaceLabels, podLabels}:
one ipBlock per CIDR, plus one selector peer when labels are given. An empty block gives
an empty list, which the rule turns into "anywhere".
*/}}
{{- define "newsroom.peerList" -}}
{{- $peers := list }}
{{- range .cidrs }}{{ $peers = append $peers (dict "ipBlock" (dict "cidr" .)) }}{{ end }}
{{- if or .namespaceLabels .podLabels }}
{{- $peer := dict }}
{{- with .namespaceLabels }}{{ $_ := set $peer "namespaceSelector" (dict "matchLabels" .) }}{{ end }}
{{- with .podLabels }}{{ $_ := set $peer "podSelector" (dict "matchLabels" .) }}{{ end }}
{{- $peers = append $peers $peer }}
{{- end }}
{{- toJson $peers }}
{{- end }}

{{/*
One NetworkPolicy rule (a one-item YAML list). ctx: direction ("from" | "to"), ports
(list), protocols (default [TCP]), peers (list of "peers" blocks; all empty = anywhere).
*/}}
{{- define "newsroom.networkPolicyRule" -}}
{{- $ports := list }}
{{- range $port := .ports }}
{{- range ($.protocols | default (list "TCP")) }}
{{- $ports = append $ports (dict "port" $port "protocol" .) }}
{{- end }}
{{- end }}
{{- $rule := dict "ports" $ports }}
{{- $peers := list }}
{{- range .peers }}{{ $peers = concat $peers (include "newsroom.peerList" . | fromJsonArray) }}{{ end }}
{{- with $peers }}{{ $_ := set $rule $.direction . }}{{ end }}
{{- toYaml (list $rule) }}
{{- end }}

{{/* A "peers" block selecting the pods of one workload of this release. */}}
{{- define "newsroom.podPeer" -}}
{{- toJson (dict "podLabels" (dict "app.kubernetes.io/name" .name "app.kubernetes.io/instance" .root.Release.Name)) -}}
{{- end }}

{{/* A service's policy: who may call it, and the only places it may call. */}}
{{- define "newsroom.component.networkPolicy" -}}
{{- $root := .root }}
{{- $np := $root.Values.networkPolicy }}
{{- $dev := $root.Values.dev.enabled }}
{{- $tests := dict "podLabels" (dict "app.kubernetes.io/component" "test" "app.kubernetes.io/instance" $root.Release.Name) }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ .name }}
  labels:
    {{- include "newsroom.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "newsroom.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- $publicOpen := false }}
    {{- with .publicPort }}
    {{- $publicOpen = not (or $np.gatewayFrom.cidrs $np.gatewayFrom.namespaceLabels $np.gatewayFrom.podLabels) }}
    {{- include "newsroom.networkPolicyRule" (dict "direction" "from" "ports" (list .) "peers" (ternary (list) (list $np.gatewayFrom $tests) $publicOpen)) | nindent 4 }}
    {{- end }}
    {{- if .grpcPort }}
    {{- $callers := list }}
    {{- range .values.networkPolicy.allowedFrom }}
    {{- $callers = append $callers (include "newsroom.podPeer" (dict "root" $root "name" .) | fromJson) }}
    {{- end }}
    {{- if $callers }}
    {{- include "newsroom.networkPolicyRule" (dict "direction" "from" "ports" (list .grpcPort) "peers" $callers) | nindent 4 }}
    {{- end }}
    {{- end }}
    {{- if not (and $publicOpen (eq (toString .metricsPort.port) (toString .publicPort))) }}
    {{- $metricsOpen := not (or $np.metricsFrom.cidrs $np.metricsFrom.namespaceLabels $np.metricsFrom.podLabels) }}
    {{- /* the gateway's helm test checks /readyz on its operations port */}}
    {{- $metricsPeers := ternary (list $np.metricsFrom $tests) (list $np.metricsFrom) (and (not $metricsOpen) (not (empty .publicPort))) }}
    {{- include "newsroom.networkPolicyRule" (dict "direction" "from" "ports" (list .metricsPort.port) "peers" $metricsPeers) | nindent 4 }}
    {{- end }}
  egress:
    {{- include "newsroom.networkPolicyRule" (dict "direction" "to" "ports" (list $np.egress.dns.port) "protocols" (list "UDP" "TCP") "peers" (list $np.egress.dns)) | nindent 4 }}
    {{- range .calls }}
    {{- include "newsroom.networkPolicyRule" (dict "direction" "to" "ports" (list .port) "peers" (list (include "newsroom.podPeer" (dict "root" $root "name" .name) | fromJson))) | nindent 4 }}
    {{- end }}
    {{- if .database }}
    {{- $to := ternary (include "newsroom.podPeer" (dict "root" $root "name" "postgresql") | fromJson) $np.egress.postgresql $dev }}
    {{- include "newsroom.networkPolicyRule" (dict "direction" "to" "ports" (list (ternary 5432 $np.egress.postgresql.port $dev)) "peers" (list $to)) | nindent 4 }}
    {{- end }}
    {{- if .redis }}
    {{- $to := ternary (include "newsroom.podPeer" (dict "root" $root "name" "redis") | fromJson) $np.egress.redis $dev }}
    {{- include "newsroom.networkPolicyRule" (dict "direction" "to" "ports" (list (ternary 6379 $np.egress.redis.port $dev)) "peers" (list $to)) | nindent 4 }}
    {{- end }}
    {{- if .jwks }}
    {{- include "newsroom.networkPolicyRule" (dict "direction" "to" "ports" (list $np.egress.jwks.port) "peers" (list $np.egress.jwks)) | nindent 4 }}
    {{- end }}
{{- end }}
