//! Field names for "did you mean" on unknown fields, and where a field that exists but was
//! written in the wrong place belongs. The list covers what StatefulSet lessons write:
//! workload, pod, container, claim and Service fields.

/// Field names of the API types the lessons use (camelCase as in manifests), sorted.
pub const KNOWN_FIELDS: &[&str] = &[
    "accessModes",
    "affinity",
    "annotations",
    "apiVersion",
    "args",
    "claimName",
    "clusterIP",
    "command",
    "configMap",
    "configMapKeyRef",
    "containerPort",
    "containers",
    "dataSource",
    "dnsPolicy",
    "emptyDir",
    "env",
    "envFrom",
    "exec",
    "failureThreshold",
    "fsGroup",
    "hostPath",
    "hostname",
    "httpGet",
    "image",
    "imagePullPolicy",
    "initContainers",
    "initialDelaySeconds",
    "key",
    "kind",
    "labels",
    "limits",
    "livenessProbe",
    "matchExpressions",
    "matchLabels",
    "maxUnavailable",
    "metadata",
    "minReadySeconds",
    "mountPath",
    "name",
    "namespace",
    "nodePort",
    "nodeSelector",
    "ordinals",
    "partition",
    "path",
    "periodSeconds",
    "persistentVolumeClaim",
    "persistentVolumeClaimRetentionPolicy",
    "podManagementPolicy",
    "port",
    "ports",
    "protocol",
    "publishNotReadyAddresses",
    "readOnly",
    "readinessProbe",
    "replicas",
    "requests",
    "resources",
    "restartPolicy",
    "revisionHistoryLimit",
    "rollingUpdate",
    "runAsUser",
    "secret",
    "secretKeyRef",
    "securityContext",
    "selector",
    "serviceAccountName",
    "serviceName",
    "spec",
    "start",
    "startupProbe",
    "storage",
    "storageClassName",
    "strategy",
    "subPath",
    "subdomain",
    "successThreshold",
    "targetPort",
    "tcpSocket",
    "template",
    "terminationGracePeriodSeconds",
    "timeoutSeconds",
    "tolerations",
    "type",
    "updateStrategy",
    "value",
    "valueFrom",
    "volumeClaimTemplates",
    "volumeMode",
    "volumeMounts",
    "volumeName",
    "volumes",
    "whenDeleted",
    "whenScaled",
    "workingDir",
];

/// Where a known field belongs when strict decoding found it somewhere else: a path, the
/// same in every language (the tutor's sentence around it is in the learner's).
pub fn home_of(field: &str) -> Option<&'static str> {
    Some(match field {
        "volumeMounts" | "image" | "ports" | "env" | "command" | "args" | "readinessProbe"
        | "livenessProbe" | "imagePullPolicy" | "containerPort" | "mountPath" => {
            "`spec.template.spec.containers[]`"
        }
        "volumeClaimTemplates"
        | "serviceName"
        | "podManagementPolicy"
        | "replicas"
        | "template"
        | "updateStrategy" => "`spec`",
        "containers" | "volumes" | "initContainers" | "nodeSelector" | "restartPolicy" => {
            "`spec.template.spec`"
        }
        "accessModes" | "storageClassName" => "`spec.volumeClaimTemplates[].spec`",
        "labels" | "annotations" => "`metadata`",
        "matchLabels" => "`spec.selector`",
        _ => return None,
    })
}
