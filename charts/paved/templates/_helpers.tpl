{{/* Names and labels, in the shape of backstage/charts (without its bitnami "common" dependency). */}}

{{- define "paved.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "paved.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Cluster-scoped objects (ClusterRole, ClusterRoleBinding) and the Role in Argo CD's namespace
are shared by every release: their names carry the release's namespace too. */}}
{{- define "paved.globalName" -}}
{{- printf "%s-%s" .Release.Namespace (include "paved.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "paved.selectorLabels" -}}
app.kubernetes.io/name: {{ include "paved.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: backstage
{{- end -}}

{{- define "paved.labels" -}}
{{ include "paved.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "paved.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "paved.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- .Values.serviceAccount.name | required "serviceAccount.name is required when serviceAccount.create is false: name the existing ServiceAccount the pods run as" -}}
{{- end -}}
{{- end -}}

{{- define "paved.image" -}}
{{- $image := .Values.backstage.image -}}
{{- $repository := $image.repository -}}
{{- if $image.registry -}}
{{- $repository = printf "%s/%s" $image.registry $image.repository -}}
{{- end -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $repository $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .Chart.AppVersion $image.tag) -}}
{{- end -}}
{{- end -}}

{{/* The rules of rbac-rules.json for one object ("clusterRole" or "argocdRole"), as PolicyRules:
without their why/when, and without the kubernetesDelivery ones unless the golden path delivers
to Kubernetes. */}}
{{- define "paved.rbacRules" -}}
{{- $all := .context.Files.Get "rbac-rules.json" | fromJson -}}
{{- $kubernetesDelivery := eq .context.Values.goldenPath.delivery "kubernetes" -}}
{{- $rules := list -}}
{{- range (get $all .role) -}}
{{- if and (hasKey . "when") (ne .when "kubernetesDelivery") -}}
{{- fail (printf "rbac-rules.json: a rule of %s has when %q; the only condition is \"kubernetesDelivery\" (or no when: always)" $.role .when) -}}
{{- end -}}
{{- if or (not (hasKey . "when")) (and (eq .when "kubernetesDelivery") $kubernetesDelivery) -}}
{{- $rules = append $rules (dict "apiGroups" .apiGroups "resources" .resources "verbs" .verbs) -}}
{{- end -}}
{{- end -}}
{{- toYaml $rules -}}
{{- end -}}
