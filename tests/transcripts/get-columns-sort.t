$ kubectl apply -f fixtures/seed-004/fixed/headless-service.yaml
service/nginx created
$ kubectl apply -f fixtures/seed-004/fixed/web-stateful-set.yaml
statefulset.apps/web-stateful-set created
$ kubectl wait --for=condition=Ready pod/web-stateful-set-2 --timeout=120s
Error from server (NotFound): pods "web-stateful-set-2" not found
tutor: `web-stateful-set-2` does not exist yet: StatefulSet `web-stateful-set` creates its pods one at a time, each after the one before is Running and Ready (OrderedReady). `why sts/web-stateful-set` shows what it waits for.
$ kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data-big
  labels:
    tier: db
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 2Gi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data-small
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 500Mi
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data-mid
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: 1500M
---
apiVersion: v1
kind: Pod
metadata:
  name: multi
  labels:
    app: multi
    tier: web
spec:
  containers:
  - name: web
    image: nginx:1.25
  - name: side
    image: busybox
    command: ["sleep", "3600"]
EOF
persistentvolumeclaim/data-big created
persistentvolumeclaim/data-small created
persistentvolumeclaim/data-mid created
pod/multi created
$ sleep 10
$ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image,NODE:.spec.nodeName
NAME                 IMAGES               NODE
multi                nginx:1.25,busybox   kind-worker
web-stateful-set-0   nginx:1.25           kind-worker2
web-stateful-set-1   nginx:1.25           kind-worker2
web-stateful-set-2   nginx:1.25           kind-worker
$ kubectl get pods -o custom-columns=NAME:metadata.name,APP:{.metadata.labels.app},TIER:{metadata.labels.tier},LABELS:.metadata.labels --no-headers
multi                multi   web      map[app:multi tier:web]
web-stateful-set-0   nginx   <none>   map[app:nginx apps.kubernetes.io/pod-index:0 controller-revision-hash:web-stateful-set-844fd8f95d statefulset.kubernetes.io/pod-name:web-stateful-set-0]
web-stateful-set-1   nginx   <none>   map[app:nginx apps.kubernetes.io/pod-index:1 controller-revision-hash:web-stateful-set-844fd8f95d statefulset.kubernetes.io/pod-name:web-stateful-set-1]
web-stateful-set-2   nginx   <none>   map[app:nginx apps.kubernetes.io/pod-index:2 controller-revision-hash:web-stateful-set-844fd8f95d statefulset.kubernetes.io/pod-name:web-stateful-set-2]
$ kubectl get pvc -o custom-columns=NAME:.metadata.name,SIZE:.spec.resources.requests.storage,MODES:.spec.accessModes,PHASE:.status.phase
NAME                     SIZE    MODES             PHASE
data-big                 2Gi     [ReadWriteOnce]   Pending
data-mid                 1500M   [ReadWriteOnce]   Pending
data-small               500Mi   [ReadWriteOnce]   Pending
www-web-stateful-set-0   1Gi     [ReadWriteOnce]   Bound
www-web-stateful-set-1   1Gi     [ReadWriteOnce]   Bound
www-web-stateful-set-2   1Gi     [ReadWriteOnce]   Bound
$ kubectl get pods,pvc -l app=nginx -o custom-columns=KIND:.kind,NAME:.metadata.name
KIND                    NAME
Pod                     web-stateful-set-0
Pod                     web-stateful-set-1
Pod                     web-stateful-set-2
PersistentVolumeClaim   www-web-stateful-set-0
PersistentVolumeClaim   www-web-stateful-set-1
PersistentVolumeClaim   www-web-stateful-set-2
$ kubectl get sts web-stateful-set -o custom-columns=NAME:.metadata.name,READY:.status.readyReplicas,CLAIMS:.spec.volumeClaimTemplates[*].metadata.name
NAME               READY   CLAIMS
web-stateful-set   3       www
$ kubectl get pods -o 'custom-columns=NAME:.metadata.name,READY:.status.conditions[?(@.type=="Ready")].status,RESTARTS:.status.containerStatuses[*].restartCount'
NAME                 READY   RESTARTS
multi                True    0,0
web-stateful-set-0   True    0
web-stateful-set-1   True    0
web-stateful-set-2   True    0
$ kubectl get pods -A -o custom-columns=NAME:.metadata.name -l tier=web
NAME
multi
$ kubectl get pods -o custom-columns-file=tests/transcripts/get-columns-sort.columns
NAME                 NODE           IMAGES
multi                kind-worker    nginx:1.25,busybox
web-stateful-set-0   kind-worker2   nginx:1.25
web-stateful-set-1   kind-worker2   nginx:1.25
web-stateful-set-2   kind-worker    nginx:1.25
$ kubectl get pods -o custom-columns --template=NAME:.metadata.name,IP:.status.podIP
NAME                 IP
multi                10.244.1.4
web-stateful-set-0   10.244.2.3
web-stateful-set-1   10.244.2.4
web-stateful-set-2   10.244.1.5
$ kubectl get pods -n nope -o custom-columns=NAME:.metadata.name
NAME
$ kubectl get pods -o custom-columns=
error: custom-columns format specified but no custom columns given
$ kubectl get pods -o custom-columns
error: custom-columns format specified but no custom columns given
$ kubectl get pods -o custom-columns=NAME
error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>
$ kubectl get pods -o custom-columns=NAME:.metadata.name,IP
error: unexpected custom-columns spec: IP, expected <header>:<json-path-expr>
$ kubectl get pods -o custom-columns=NAME:{.metadata.name
error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'
$ kubectl get pods -o custom-columns=NAME:.metadata.name,FIRST:.metadata.name[0]
NAME   FIRST
error: string is not array or slice
$ kubectl get pods -o custom-columns=NAME:.spec.containers[
NAME
error: unterminated array
$ kubectl get pods -o custom-columns-file=tests/transcripts/no-such-columns.txt
error: error reading template tests/transcripts/no-such-columns.txt, open tests/transcripts/no-such-columns.txt: no such file or directory
$ kubectl get pods -o custom-columns=NAME:.metadata.name --show-labels
error: --show-labels option cannot be used with custom-columns=NAME:.metadata.name printer
$ kubectl get pods nope web-stateful-set-0 -o custom-columns=NAME:.metadata.name
NAME
web-stateful-set-0
Error from server (NotFound): pods "nope" not found
tutor: there is no pod `nope` in this namespace. `kubectl get pods` lists the names.
$ kubectl get pvc --sort-by=.spec.resources.requests.storage
NAME                     STATUS    VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
data-small               Pending                                                                        standard       <unset>                 32s
www-web-stateful-set-0   Bound     pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Gi        RWO            standard       <unset>                 34s
www-web-stateful-set-1   Bound     pvc-397a4c6c-62e8-4d02-8551-8f7d3b5e82b2   1Gi        RWO            standard       <unset>                 26s
www-web-stateful-set-2   Bound     pvc-2ed7d57b-e39b-426a-afef-67b8cd8de83f   1Gi        RWO            standard       <unset>                 24s
data-mid                 Pending                                                                        standard       <unset>                 32s
data-big                 Pending                                                                        standard       <unset>                 32s
tutor: claim `data-small` is Pending on purpose: its class binds volumes only when a pod that uses it is scheduled (WaitForFirstConsumer). Start a pod that mounts it.
$ kubectl get pvc --sort-by={.spec.resources.requests.storage} -o name
persistentvolumeclaim/data-small
persistentvolumeclaim/www-web-stateful-set-0
persistentvolumeclaim/www-web-stateful-set-1
persistentvolumeclaim/www-web-stateful-set-2
persistentvolumeclaim/data-mid
persistentvolumeclaim/data-big
$ kubectl get pods -A --sort-by=.spec.nodeName -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName
NAME                                         NODE
kube-scheduler-kind-control-plane            kind-control-plane
etcd-kind-control-plane                      kind-control-plane
kindnet-c4vnk                                kind-control-plane
kube-proxy-rbdfq                             kind-control-plane
kube-apiserver-kind-control-plane            kind-control-plane
kube-controller-manager-kind-control-plane   kind-control-plane
kube-proxy-nfjlk                             kind-worker
local-path-provisioner-5d6488bb88-gmrw8      kind-worker
web-stateful-set-2                           kind-worker
multi                                        kind-worker
coredns-667cc89444-n5qjn                     kind-worker
kindnet-8z57f                                kind-worker
coredns-667cc89444-6rdmv                     kind-worker2
kube-proxy-cmbg4                             kind-worker2
kindnet-cfltk                                kind-worker2
web-stateful-set-1                           kind-worker2
web-stateful-set-0                           kind-worker2
$ kubectl get pods --sort-by=.metadata.creationTimestamp -o wide
NAME                 READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
web-stateful-set-0   1/1     Running   0          37s   10.244.2.3   kind-worker2   <none>           <none>
multi                2/2     Running   0          35s   10.244.1.4   kind-worker    <none>           <none>
web-stateful-set-1   1/1     Running   0          29s   10.244.2.4   kind-worker2   <none>           <none>
web-stateful-set-2   1/1     Running   0          27s   10.244.1.5   kind-worker    <none>           <none>
$ kubectl get pods --sort-by=.metadata.labels.tier
NAME                 READY   STATUS    RESTARTS   AGE
web-stateful-set-2   1/1     Running   0          28s
web-stateful-set-1   1/1     Running   0          30s
web-stateful-set-0   1/1     Running   0          38s
multi                2/2     Running   0          36s
$ kubectl get pods --sort-by=metadata.name -o jsonpath={.items[*].metadata.name}
multi web-stateful-set-0 web-stateful-set-1 web-stateful-set-2
$ kubectl get pods --sort-by=.status.containerStatuses[0].restartCount --no-headers -L app
multi                2/2   Running   0     38s   multi
web-stateful-set-0   1/1   Running   0     40s   nginx
web-stateful-set-1   1/1   Running   0     32s   nginx
web-stateful-set-2   1/1   Running   0     30s   nginx
$ kubectl get pods web-stateful-set-0 --sort-by=.foo
NAME                 READY   STATUS    RESTARTS   AGE
web-stateful-set-0   1/1     Running   0          41s
$ kubectl get pods --sort-by=.foo
No resources found in default namespace.
$ kubectl get pods --sort-by=.foo -o name
error: couldn't find any field with path "{.foo}" in the list of objects
$ kubectl get pods --sort-by={.spec -o name
error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'
$ kubectl get pods --sort-by=.spec.containers[ -o name
error: unterminated array
$ kubectl get pods,pvc --sort-by=.metadata.name
error: couldn't find any field with path "{.metadata.name}" in the list of objects
$ kubectl get pods --sort-by=.metadata.labels
F0303 10:00:48.000000    4242 sorter.go:375] Field {.metadata.labels} in [][][]reflect.Value is an unsortable type: interface, err: unsortable type: map[string]interface {}
$ kubectl get pods --sort-by=.spec.containers -o name
F0303 10:00:49.000000    4242 sorter.go:329] Field {.spec.containers} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: []interface {}
$ kubectl get pods --field-selector status.phase=Running,spec.nodeName=kind-worker
NAME                 READY   STATUS    RESTARTS   AGE
multi                2/2     Running   0          47s
web-stateful-set-2   1/1     Running   0          39s
$ kubectl get pods -A --field-selector=metadata.namespace!=kube-system,spec.restartPolicy=Always -o name
pod/multi
pod/web-stateful-set-0
pod/web-stateful-set-1
pod/web-stateful-set-2
pod/local-path-provisioner-5d6488bb88-gmrw8
$ kubectl get pods --field-selector status.phase!=Running
No resources found in default namespace.
$ kubectl get pods --field-selector foo=bar
Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo
$ kubectl get pods,sts --field-selector status.replicas=3
Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "status.replicas=3": field label not supported: status.replicas
Error from server (BadRequest): Unable to find "apps/v1, Resource=statefulsets" that match label selector "", field selector "status.replicas=3": "status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"
$ kubectl get pvc -l app=nginx --field-selector status.phase=Bound
Error from server (BadRequest): Unable to find "/v1, Resource=persistentvolumeclaims" that match label selector "app=nginx", field selector "status.phase=Bound": "status.phase" is not a known field selector: only "metadata.name", "metadata.namespace"
$ kubectl get pods --field-selector status.phase
Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "status.phase": invalid selector: 'status.phase'; can't understand 'status.phase'
$ kubectl get pods web-stateful-set-0 --field-selector status.phase=Running
error: name cannot be provided when a selector is specified
$ kubectl get pod/web-stateful-set-0 -l app=nginx
error: selectors and the all flag cannot be used when passing resource/name arguments
$ kubectl get pods nope --ignore-not-found
$ kubectl get pods -n nope --ignore-not-found
$ kubectl get pods --output-watch-events
error: --output-watch-events option can only be used with --watch or --watch-only
$ kubectl get pods --chunk-size=1 -l app=multi
NAME    READY   STATUS    RESTARTS   AGE
multi   2/2     Running   0          59s
$ kubectl get pods --show-labels -o name
error: --show-labels option cannot be used with name printer
$ kubectl scale sts web-stateful-set --replicas=4
statefulset.apps/web-stateful-set scaled
$ kubectl get pods -l app=nginx -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,NODE:.spec.nodeName -w
NAME                 PHASE     NODE
web-stateful-set-0   Running   kind-worker2
web-stateful-set-1   Running   kind-worker2
web-stateful-set-2   Running   kind-worker
web-stateful-set-3   Pending   <none>
web-stateful-set-3   Pending   kind-worker2
web-stateful-set-3   Pending   kind-worker2
web-stateful-set-3   Running   kind-worker2
$ kubectl scale sts web-stateful-set --replicas=5
statefulset.apps/web-stateful-set scaled
$ kubectl get pods --field-selector=status.phase=Pending --output-watch-events -w
EVENT   NAME                 READY   STATUS    RESTARTS   AGE
ADDED   web-stateful-set-4   0/1     Pending   0          1s
MODIFIED   web-stateful-set-4   0/1     Pending   0          2s
MODIFIED   web-stateful-set-4   0/1     ContainerCreating   0          2s
DELETED    web-stateful-set-4   0/1     ContainerCreating   0          2s
$ kubectl get pods -l app=nginx -o custom-columns=EVENT:.type,NAME:.object.metadata.name --output-watch-events --watch-only --request-timeout=5s
$ kubectl get pods -l app=nginx --sort-by=.metadata.name -w --request-timeout=1s
warning: --watch requested, --sort-by will be ignored for watch events received
NAME                 READY   STATUS    RESTARTS   AGE
web-stateful-set-0   1/1     Running   0          71s
web-stateful-set-1   1/1     Running   0          64s
web-stateful-set-2   1/1     Running   0          61s
web-stateful-set-3   1/1     Running   0          8s
web-stateful-set-4   1/1     Running   0          4s
