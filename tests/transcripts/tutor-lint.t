$ lint fixtures/seed-004/as-written/headless-service.yaml fixtures/seed-004/as-written/web-stateful-set.yaml
fixtures/seed-004/as-written/web-stateful-set.yaml:6: warning: serviceName "nginx-headerless-service" names no Service in these files or the cluster: names like web-stateful-set-0.nginx-headerless-service will not resolve; create a headless Service (clusterIP: None) named "nginx-headerless-service"
fixtures/seed-004/as-written/web-stateful-set.yaml:17: warning: container "nginx" has no readinessProbe: it counts as Ready as soon as it starts, so OrderedReady creates the next pod before this one can serve
$ echo $?
1
$ lint fixtures/seed-004/fixed/web-stateful-set.yaml
fixtures/seed-004/fixed/web-stateful-set.yaml:6: warning: serviceName "nginx" names no Service in these files or the cluster: names like web-stateful-set-0.nginx will not resolve; create a headless Service (clusterIP: None) named "nginx"
fixtures/seed-004/fixed/web-stateful-set.yaml:17: warning: container "nginx" has no readinessProbe: it counts as Ready as soon as it starts, so OrderedReady creates the next pod before this one can serve
$ kubectl apply -f fixtures/seed-004/fixed/headless-service.yaml
service/nginx created
$ lint fixtures/seed-004/fixed/web-stateful-set.yaml
fixtures/seed-004/fixed/web-stateful-set.yaml:17: warning: container "nginx" has no readinessProbe: it counts as Ready as soon as it starts, so OrderedReady creates the next pod before this one can serve
$ lint fixtures/seed-002/as-written/statefulset-claims-moved.yaml fixtures/seed-000/as-written/statefulset.yaml
fixtures/seed-000/as-written/statefulset.yaml:17: error: error parsing fixtures/seed-000/as-written/statefulset.yaml: error converting YAML to JSON: yaml: line 17: did not find expected '-' indicator
fixtures/seed-002/as-written/statefulset-claims-moved.yaml:6: warning: serviceName "postgres" names no Service in these files or the cluster: names like postgres-0.postgres will not resolve; create a headless Service (clusterIP: None) named "postgres"
fixtures/seed-002/as-written/statefulset-claims-moved.yaml:17: warning: container "postgres" has no readinessProbe: it counts as Ready as soon as it starts, so OrderedReady creates the next pod before this one can serve
fixtures/seed-002/as-written/statefulset-claims-moved.yaml:21: warning: env POSTGRES_PASSWORD holds a secret in plain text: anyone who can read this object sees it; use valueFrom.secretKeyRef and a Secret
fixtures/seed-002/as-written/statefulset-claims-moved.yaml:29: error: strict decoding error: unknown field "spec.volumeClaimTemplates[0].spec.accesModes" (did you mean "accessModes"?)
$ lint tests/transcripts/tutor-lint.d/rwx.yaml
tests/transcripts/tutor-lint.d/rwx.yaml:29: error: accessModes ReadWriteMany: storage class "standard" (rancher.io/local-path) provisions only ReadWriteOnce volumes; the claims would stay Pending
$ lint missing.yaml
lint: missing.yaml: No such file or directory
$ lint
usage: lint FILE...
