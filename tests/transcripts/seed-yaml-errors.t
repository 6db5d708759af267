$ kubectl apply -f fixtures/seed-000/as-written/service.yaml
error: error parsing fixtures/seed-000/as-written/service.yaml: error converting YAML to JSON: yaml: line 10: did not find expected '-' indicator
tutor: the YAML indentation is off near line 10: keys of one list item (after `- `) must start in the same column, and a child is indented more than its parent. Re-indent and apply again.
$ kubectl apply -f fixtures/seed-000/as-written/statefulset.yaml
error: error parsing fixtures/seed-000/as-written/statefulset.yaml: error converting YAML to JSON: yaml: line 17: did not find expected '-' indicator
tutor: the YAML indentation is off near line 17: keys of one list item (after `- `) must start in the same column, and a child is indented more than its parent. Re-indent and apply again.
$ kubectl apply -f fixtures/seed-001/as-written/kubia-service.yaml
error: error parsing fixtures/seed-001/as-written/kubia-service.yaml: error converting YAML to JSON: yaml: line 12: did not find expected '-' indicator
tutor: the YAML indentation is off near line 12: keys of one list item (after `- `) must start in the same column, and a child is indented more than its parent. Re-indent and apply again.
$ kubectl apply -f fixtures/seed-001/as-written/kubia-stateful.yaml
error: error parsing fixtures/seed-001/as-written/kubia-stateful.yaml: error converting YAML to JSON: yaml: line 16: did not find expected '-' indicator
tutor: the YAML indentation is off near line 16: keys of one list item (after `- `) must start in the same column, and a child is indented more than its parent. Re-indent and apply again.
$ kubectl apply -f fixtures/seed-001/as-written/kubia-stateful-indent-fixed.yaml
Error from server (BadRequest): error when creating "fixtures/seed-001/as-written/kubia-stateful-indent-fixed.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.template.spec.volumeMounts"
tutor: `spec.template.spec.volumeMounts` is a real field but in the wrong place: it belongs under `spec.template.spec.containers[]`. Fix its indentation so it sits there.
$ kubectl apply -f fixtures/seed-002/as-written/statefulset.yaml
Error from server (BadRequest): error when creating "fixtures/seed-002/as-written/statefulset.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "volumeClaimTemplates"
tutor: `volumeClaimTemplates` is a real field but in the wrong place: it belongs under `spec`. Fix its indentation so it sits there.
$ kubectl apply -f fixtures/seed-002/as-written/statefulset-claims-moved.yaml
Error from server (BadRequest): error when creating "fixtures/seed-002/as-written/statefulset-claims-moved.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.volumeClaimTemplates[0].spec.accesModes"
tutor: the API has no field `spec.volumeClaimTemplates[0].spec.accesModes`: a typo in its last name. Did you mean `spec.volumeClaimTemplates[0].spec.accessModes`?
$ kubectl get sts
No resources found in default namespace.
$ kubectl apply -f fixtures/seed-002/fixed/service.yaml -f fixtures/seed-002/fixed/statefulset.yaml
service/postgres created
statefulset.apps/postgres created
$ kubectl get sts,svc
NAME                        READY   AGE
statefulset.apps/postgres   0/3     1s

NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP    10m
service/postgres     ClusterIP   None         <none>        5432/TCP   1s
$ kubectl apply -f does-not-exist.yaml
error: the path "does-not-exist.yaml" does not exist
