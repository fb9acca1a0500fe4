{{/*
Every object of one service, from a short description written in the service's own
template (gateway.yaml, article-service.yaml). Adding a service = a values block, its
schema block and a template that calls "newsroom.component" with:

  root        $
  name        service name = object name ("article-service")
  component   app.kubernetes.io/component
  values      the service's values block (replicaCount, resources, autoscaling, …)
  ports       list of {name, port}; the first is the Service's main port
  headless    true: the Service is headless (clients balance over the pods) (optional)
  probe       {type: "grpc"|"http", port}: grpc = grpc.health.v1 on that port,
              http = /healthz (startup, liveness) and /readyz (readiness)
  metricsPort {name, port} serving /metrics
  config      map of non-secret env vars (ConfigMap)
  secretEnv   list of {name, secret, key} (optional)
  database    {envPrefix}: adds <prefix>_URL/_USER/_PASSWORD from values.database (optional)
  redis       true: adds NEWSROOM_REDIS_URL (optional)
  calls       list of {name, port} of services it calls, for egress (optional)
  publicPort  port reachable from networkPolicy.gatewayFrom (optional)
  grpcPort    port reachable from the services in values.networkPolicy.allowedFrom (optional)
  jwks        true: egress to networkPolicy.egress.jwks (optional)
*/}}
{{- define "newsroom.component" -}}
{{ include "newsroom.component.serviceAccount" . }}
---
{{ include "newsroom.component.configMap" . }}
---
{{ include "newsroom.component.service" . }}
---
{{ include "newsroom.component.deployment" . }}
{{- if .values.autoscaling.enabled }}
---
{{ include "newsroom.component.hpa" . }}
{{- end }}
{{- if .values.podDisruptionBudget.enabled }}
---
{{ include "newsroom.component.pdb" . }}
{{- end }}
{{- if .root.Values.networkPolicy.enabled }}
---
{{ include "newsroom.component.networkPolicy" . }}
{{- end }}
{{- if .root.Values.serviceMonitor.enabled }}
---
{{ include "newsroom.component.serviceMonitor" . }}
{{- end }}
{{- end }}

{{/* {config: {...}, secrets: [...]}: the service's env, stores included (JSON). */}}
{{- define "newsroom.component.env" -}}
{{- $root := .root }}
{{- $dev := $root.Values.dev.enabled }}
{{- $config := deepCopy (.config | default dict) }}
{{- $secrets := concat (list) (.secretEnv | default list) }}
{{- with .database }}
{{- $db := $.values.database }}
{{- $host := ternary "postgresql" $db.host $dev }}
{{- $port := ternary 5432 $db.port $dev }}
{{- $url := printf "jdbc:postgresql://%s:%v/%s" $host $port $db.name }}
{{- if $db.parameters }}{{ $url = printf "%s?%s" $url $db.parameters }}{{ end }}
{{- $_ := set $config (printf "%s_URL" .envPrefix) $url }}
{{- $_ := set $config (printf "%s_USER" .envPrefix) (ternary "newsroom" $db.username $dev) }}
{{- $secret := ternary (include "newsroom.devSecretName" $root) $db.existingSecret $dev }}
{{- $key := ternary "postgresql-password" $db.passwordKey $dev }}
{{- $secrets = append $secrets (dict "name" (printf "%s_PASSWORD" .envPrefix) "secret" (required "database.existingSecret is required without dev.enabled" $secret) "key" $key) }}
{{- end }}
{{- if .redis }}
{{- $redis := $root.Values.redis }}
{{- if and $redis.existingSecret (not $dev) }}
{{- $secrets = append $secrets (dict "name" "NEWSROOM_REDIS_URL" "secret" $redis.existingSecret "key" $redis.urlKey) }}
{{- else }}
{{- $_ := set $config "NEWSROOM_REDIS_URL" (ternary "redis://redis:6379" (required "redis: set url or existingSecret" $redis.url) $dev) }}
{{- end }}
{{- end }}
{{- /* every process: listen on the pod network (locally they default to loopback), and
       the internal key of the call tokens between them (docs/security.md) */}}
{{- $_ := set $config "NEWSROOM_BIND_HOST" "0.0.0.0" }}
{{- if $dev }}
{{- $secrets = append $secrets (dict "name" "NEWSROOM_INTERNAL_KEY" "secret" (include "newsroom.devSecretName" $root) "key" "internal-key") }}
{{- else }}
{{- $secrets = append $secrets (dict "name" "NEWSROOM_INTERNAL_KEY" "secret" (required "internalKey.existingSecret is required without dev.enabled" $root.Values.internalKey.existingSecret) "key" $root.Values.internalKey.secretKey) }}
{{- end }}
{{- range $k, $v := .values.env }}{{ $_ := set $config $k $v }}{{ end }}
{{- toJson (dict "config" $config "secrets" $secrets) }}
{{- end }}

{{- define "newsroom.component.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ .name }}
  labels:
    {{- include "newsroom.labels" . | nindent 4 }}
# The services never call the Kubernetes API.
automountServiceAccountToken: false
{{- end }}

{{- define "newsroom.component.configMap" -}}
{{- $env := include "newsroom.component.env" . | fromJson }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .name }}
  labels:
    {{- include "newsroom.labels" . | nindent 4 }}
data:
  {{- range $k, $v := $env.config }}
  {{ $k }}: {{ toString $v | quote }}
  {{- end }}
{{- end }}

{{- define "newsroom.component.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ .name }}
  labels:
    {{- include "newsroom.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  {{- if .headless }}
  clusterIP: None
  {{- end }}
  selector:
    {{- include "newsroom.selectorLabels" . | nindent 4 }}
  ports:
    {{- range .ports }}
    - name: {{ .name }}
      port: {{ .port }}
      targetPort: {{ .name }}
      protocol: TCP
      {{- if eq .name "grpc" }}
      appProtocol: kubernetes.io/h2c
      {{- end }}
    {{- end }}
{{- end }}

{{/* startup/readiness/liveness probes. */}}
{{- define "newsroom.component.probes" -}}
{{- $timing := .root.Values.probes }}
{{- range $probe, $path := dict "startup" "/healthz" "readiness" "/readyz" "liveness" "/healthz" }}
{{ $probe }}Probe:
  {{- if eq $.probe.type "grpc" }}
  grpc:
    port: {{ $.probe.port }}
  {{- else }}
  httpGet:
    path: {{ $path }}
    port: {{ $.probe.port }}
  {{- end }}
  {{- toYaml (get $timing $probe) | nindent 2 }}
{{- end }}
{{- end }}

{{- define "newsroom.component.deployment" -}}
{{- $env := include "newsroom.component.env" . | fromJson }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}
  labels:
    {{- include "newsroom.labels" . | nindent 4 }}
spec:
  {{- if not .values.autoscaling.enabled }}
  replicas: {{ .values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "newsroom.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "newsroom.labels" . | nindent 8 }}
      annotations:
        checksum/config: {{ include "newsroom.component.configMap" . | sha256sum }}
        {{- with .values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ .name }}
      automountServiceAccountToken: false
      enableServiceLinks: false
      terminationGracePeriodSeconds: {{ .root.Values.terminationGracePeriodSeconds }}
      securityContext:
        {{- include "newsroom.podSecurityContext" (dict "root" .root) | nindent 8 }}
      {{- with include "newsroom.podScheduling" . | trim }}
      {{- . | nindent 6 }}
      {{- end }}
      containers:
        - name: {{ .name }}
          image: {{ include "newsroom.image" . }}
          imagePullPolicy: {{ .root.Values.image.pullPolicy }}
          ports:
            {{- range .ports }}
            - name: {{ .name }}
              containerPort: {{ .port }}
              protocol: TCP
            {{- end }}
          envFrom:
            - configMapRef:
                name: {{ .name }}
          {{- with $env.secrets }}
          env:
            {{- range . }}
            - name: {{ .name }}
              valueFrom:
                secretKeyRef:
                  name: {{ .secret }}
                  key: {{ .key }}
            {{- end }}
          {{- end }}
          {{- include "newsroom.component.probes" . | trim | nindent 10 }}
          resources:
            {{- toYaml .values.resources | nindent 12 }}
          securityContext:
            {{- include "newsroom.containerSecurityContext" (dict "root" .root) | nindent 12 }}
          volumeMounts:
            {{- include "newsroom.tmpMount" . | nindent 12 }}
      volumes:
        {{- include "newsroom.tmpVolume" . | nindent 8 }}
{{- end }}

{{- define "newsroom.component.hpa" -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .name }}
  labels:
    {{- include "newsroom.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ .name }}
  minReplicas: {{ .values.autoscaling.minReplicas }}
  maxReplicas: {{ .values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .values.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}

{{- define "newsroom.component.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ .name }}
  labels:
    {{- include "newsroom.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "newsroom.selectorLabels" . | nindent 6 }}
{{- end }}

{{- define "newsroom.component.serviceMonitor" -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ .name }}
  labels:
    {{- include "newsroom.labels" . | nindent 4 }}
    {{- with .root.Values.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "newsroom.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: {{ .metricsPort.name }}
      path: /metrics
      interval: {{ .root.Values.serviceMonitor.interval }}
      scrapeTimeout: {{ .root.Values.serviceMonitor.scrapeTimeout }}
{{- end }}
