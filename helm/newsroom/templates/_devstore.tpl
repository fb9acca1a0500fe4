{{/*
A single-instance, ephemeral store for dev.enabled (dev-postgresql.yaml, dev-redis.yaml):
Deployment (Recreate, 1 replica), Service, NetworkPolicy (clients: this release's pods).
Same security rules as the services; the exception is the UID, which is the image's own
user (postgres 70, redis 999) so the stock entrypoints work unchanged.

ctx: root, name, component, image, uid, gid, port, resources, probe (exec command list),
args (optional), env (optional list of EnvVar), dataPath (emptyDir mount for the data),
extraMounts / extraVolumes (optional lists).
*/}}
{{- define "newsroom.devStore" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ .name }}
  labels:
    {{- include "newsroom.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "newsroom.selectorLabels" . | nindent 4 }}
  ports:
    - name: {{ .name }}
      port: {{ .port }}
      targetPort: {{ .name }}
      protocol: TCP
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}
  labels:
    {{- include "newsroom.labels" . | nindent 4 }}
  annotations:
    newsroom.dev/warning: dev only - single instance, data lost on restart
spec:
  replicas: 1
  revisionHistoryLimit: 2
  strategy:
    type: Recreate
  selector:
    matchLabels:
      {{- include "newsroom.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "newsroom.labels" . | nindent 8 }}
    spec:
      automountServiceAccountToken: false
      enableServiceLinks: false
      securityContext:
        {{- include "newsroom.podSecurityContext" . | nindent 8 }}
      containers:
        - name: {{ .name }}
          image: {{ .image }}
          imagePullPolicy: IfNotPresent
          {{- with .args }}
          args:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- with .env }}
          env:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          ports:
            - name: {{ .name }}
              containerPort: {{ .port }}
              protocol: TCP
          {{- range $probe, $timing := dict "startup" (dict "periodSeconds" 2 "failureThreshold" 60) "readiness" (dict "periodSeconds" 5 "failureThreshold" 3) "liveness" (dict "periodSeconds" 10 "failureThreshold" 6) }}
          {{ $probe }}Probe:
            exec:
              command:
                {{- toYaml $.probe | nindent 16 }}
            timeoutSeconds: 5
            {{- toYaml $timing | nindent 12 }}
          {{- end }}
          resources:
            {{- toYaml .resources | nindent 12 }}
          securityContext:
            {{- include "newsroom.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            {{- include "newsroom.tmpMount" . | nindent 12 }}
            - name: data
              mountPath: {{ .dataPath }}
            {{- with .extraMounts }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
      volumes:
        {{- include "newsroom.tmpVolume" . | nindent 8 }}
        - name: data
          emptyDir:
            sizeLimit: 1Gi
        {{- with .extraVolumes }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
{{- if .root.Values.networkPolicy.enabled }}
---
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
  # Clients: any pod of this release (the services' own egress rules say which may connect).
  ingress:
    - from:
        - podSelector:
            matchLabels:
              {{- include "newsroom.releaseSelector" .root | nindent 14 }}
      ports:
        - port: {{ .port }}
          protocol: TCP
  # No egress at all.
  egress: []
{{- end }}
{{- end }}
