{{/*
Names, labels and the pieces every pod shares. The per-workload objects are built in
_component.tpl (services), _networkpolicy.tpl and _devstore.tpl (dev PostgreSQL/Redis).

Most helpers take a "ctx" dict: root ($), name (the service name, which is also the object
name), component (app.kubernetes.io/component), optionally version (default: appVersion).
*/}}

{{- define "newsroom.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "newsroom.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{- define "newsroom.labels" -}}
{{ include "newsroom.selectorLabels" . }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: newsroom
app.kubernetes.io/version: {{ .version | default .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "newsroom.chart" .root }}
{{- end }}

{{/* Selects every pod of this release (default deny, dev stores' clients). */}}
{{- define "newsroom.releaseSelector" -}}
app.kubernetes.io/part-of: newsroom
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* <registry>/newsroom/<service>:<appVersion>; never a floating tag. */}}
{{- define "newsroom.image" -}}
{{- printf "%s/newsroom/%s:%s" .root.Values.image.registry .name .root.Chart.AppVersion -}}
{{- end }}

{{- define "newsroom.devSecretName" -}}newsroom-dev{{- end }}

{{/* Pod-level security context. ctx: root, uid, gid (default: securityContext values). */}}
{{- define "newsroom.podSecurityContext" -}}
{{- $sc := .root.Values.securityContext -}}
runAsNonRoot: true
runAsUser: {{ .uid | default $sc.runAsUser }}
runAsGroup: {{ .gid | default $sc.runAsGroup }}
fsGroup: {{ .gid | default $sc.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Container-level security context: the same for every container of the chart. */}}
{{- define "newsroom.containerSecurityContext" -}}
{{- $sc := .root.Values.securityContext -}}
runAsNonRoot: true
runAsUser: {{ .uid | default $sc.runAsUser }}
runAsGroup: {{ .gid | default $sc.runAsGroup }}
readOnlyRootFilesystem: true
allowPrivilegeEscalation: false
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* The writable /tmp every container gets (the root filesystem is read-only). */}}
{{- define "newsroom.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: 256Mi
{{- end }}

{{- define "newsroom.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/* Pod fields that are not about the containers. ctx: root, name, values. */}}
{{- define "newsroom.podScheduling" -}}
{{- with .root.Values.image.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- $spread := .root.Values.topologySpread }}
{{- if $spread.enabled }}
topologySpreadConstraints:
  {{- range $spread.topologyKeys }}
  - topologyKey: {{ . }}
    maxSkew: {{ $spread.maxSkew }}
    whenUnsatisfiable: {{ $spread.whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "newsroom.selectorLabels" $ | nindent 8 }}
    matchLabelKeys:
      - pod-template-hash
  {{- end }}
{{- end }}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
