$ kubectl version
Client Version: v1.32.2
Kustomize Version: v5.5.0
Server Version: v1.32.2
$ kubectl get nodes
NAME                 STATUS   ROLES           AGE   VERSION
kind-control-plane   Ready    control-plane   10m   v1.32.2
kind-worker          Ready    <none>          10m   v1.32.2
kind-worker2         Ready    <none>          10m   v1.32.2
$ kubectl get nodes -o wide
NAME                 STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME
kind-control-plane   Ready    control-plane   10m   v1.32.2   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-1021-gcp   containerd://1.7.24
kind-worker          Ready    <none>          10m   v1.32.2   172.18.0.3    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-1021-gcp   containerd://1.7.24
kind-worker2         Ready    <none>          10m   v1.32.2   172.18.0.4    <none>        Debian GNU/Linux 12 (bookworm)   6.8.0-1021-gcp   containerd://1.7.24
$ kubectl get sc
NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  10m
$ kubectl get ns
NAME                 STATUS   AGE
default              Active   10m
kube-node-lease      Active   10m
kube-public          Active   10m
kube-system          Active   10m
local-path-storage   Active   10m
$ kubectl get svc -A
NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE
default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  10m
kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   10m
$ kubectl get pods -n kube-system
NAME                                         READY   STATUS    RESTARTS   AGE
coredns-667cc89444-6rdmv                     1/1     Running   0          10m
coredns-667cc89444-n5qjn                     1/1     Running   0          10m
etcd-kind-control-plane                      1/1     Running   0          10m
kindnet-8z57f                                1/1     Running   0          10m
kindnet-c4vnk                                1/1     Running   0          10m
kindnet-cfltk                                1/1     Running   0          10m
kube-apiserver-kind-control-plane            1/1     Running   0          10m
kube-controller-manager-kind-control-plane   1/1     Running   0          10m
kube-proxy-cmbg4                             1/1     Running   0          10m
kube-proxy-nfjlk                             1/1     Running   0          10m
kube-proxy-rbdfq                             1/1     Running   0          10m
kube-scheduler-kind-control-plane            1/1     Running   0          10m
$ kubectl api-resources
NAME                     SHORTNAMES   APIVERSION            NAMESPACED   KIND
configmaps               cm           v1                    true         ConfigMap
endpoints                ep           v1                    true         Endpoints
events                   ev           v1                    true         Event
namespaces               ns           v1                    false        Namespace
nodes                    no           v1                    false        Node
persistentvolumeclaims   pvc          v1                    true         PersistentVolumeClaim
persistentvolumes        pv           v1                    false        PersistentVolume
pods                     po           v1                    true         Pod
secrets                               v1                    true         Secret
serviceaccounts          sa           v1                    true         ServiceAccount
services                 svc          v1                    true         Service
controllerrevisions                   apps/v1               true         ControllerRevision
deployments              deploy       apps/v1               true         Deployment
replicasets              rs           apps/v1               true         ReplicaSet
statefulsets             sts          apps/v1               true         StatefulSet
endpointslices                        discovery.k8s.io/v1   true         EndpointSlice
storageclasses           sc           storage.k8s.io/v1     false        StorageClass
$ kubectl api-resources --namespaced=false
NAME                SHORTNAMES   APIVERSION          NAMESPACED   KIND
namespaces          ns           v1                  false        Namespace
nodes               no           v1                  false        Node
persistentvolumes   pv           v1                  false        PersistentVolume
storageclasses      sc           storage.k8s.io/v1   false        StorageClass
$ kubectl apply -f fixtures/seed-004/fixed/headless-service.yaml -f fixtures/seed-004/fixed/web-stateful-set.yaml
service/nginx created
statefulset.apps/web-stateful-set created
$ kubectl apply -f fixtures/seed-004/fixed/web-stateful-set.yaml
statefulset.apps/web-stateful-set unchanged
$ kubectl get sts web-stateful-set -o yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"web-stateful-set","namespace":"default"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"nginx"}},"serviceName":"nginx","template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.25","name":"nginx","ports":[{"containerPort":80}],"volumeMounts":[{"mountPath":"/usr/share/nginx/html","name":"www"}]}]}},"volumeClaimTemplates":[{"metadata":{"name":"www"},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}}
  creationTimestamp: "2025-03-03T10:00:09Z"
  generation: 1
  name: web-stateful-set
  namespace: default
  resourceVersion: "131"
  uid: 44f65ca0-f64e-48d6-b564-8f4697a73552
spec:
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: Retain
    whenScaled: Retain
  podManagementPolicy: OrderedReady
  replicas: 3
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: nginx
  serviceName: nginx
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: nginx
    spec:
      containers:
      - image: nginx:1.25
        imagePullPolicy: IfNotPresent
        name: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
        volumeMounts:
        - mountPath: /usr/share/nginx/html
          name: www
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
  updateStrategy:
    rollingUpdate:
      partition: 0
    type: RollingUpdate
  volumeClaimTemplates:
  - apiVersion: v1
    kind: PersistentVolumeClaim
    metadata:
      creationTimestamp: null
      name: www
    spec:
      accessModes:
      - ReadWriteOnce
      resources:
        requests:
          storage: 1Gi
      volumeMode: Filesystem
    status:
      phase: Pending
status:
  availableReplicas: 0
  collisionCount: 0
  currentReplicas: 1
  currentRevision: web-stateful-set-844fd8f95d
  observedGeneration: 1
  replicas: 1
  updateRevision: web-stateful-set-844fd8f95d
  updatedReplicas: 1
$ sleep 30
$ kubectl get pods -o name
pod/web-stateful-set-0
pod/web-stateful-set-1
pod/web-stateful-set-2
$ kubectl get pods -o jsonpath='{.items[*].metadata.name}'
web-stateful-set-0 web-stateful-set-1 web-stateful-set-2
$ kubectl get pods --show-labels
NAME                 READY   STATUS    RESTARTS   AGE   LABELS
web-stateful-set-0   1/1     Running   0          36s   app=nginx,apps.kubernetes.io/pod-index=0,controller-revision-hash=web-stateful-set-844fd8f95d,statefulset.kubernetes.io/pod-name=web-stateful-set-0
web-stateful-set-1   1/1     Running   0          28s   app=nginx,apps.kubernetes.io/pod-index=1,controller-revision-hash=web-stateful-set-844fd8f95d,statefulset.kubernetes.io/pod-name=web-stateful-set-1
web-stateful-set-2   1/1     Running   0          21s   app=nginx,apps.kubernetes.io/pod-index=2,controller-revision-hash=web-stateful-set-844fd8f95d,statefulset.kubernetes.io/pod-name=web-stateful-set-2
$ kubectl get pods -L statefulset.kubernetes.io/pod-name --no-headers
web-stateful-set-0   1/1   Running   0     37s   web-stateful-set-0
web-stateful-set-1   1/1   Running   0     29s   web-stateful-set-1
web-stateful-set-2   1/1   Running   0     22s   web-stateful-set-2
$ kubectl get pvc -l app=nginx
NAME                     STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
www-web-stateful-set-0   Bound    pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Gi        RWO            standard       <unset>                 38s
www-web-stateful-set-1   Bound    pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Gi        RWO            standard       <unset>                 30s
www-web-stateful-set-2   Bound    pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5   1Gi        RWO            standard       <unset>                 23s
$ kubectl get endpoints nginx
NAME    ENDPOINTS                                   AGE
nginx   10.244.1.4:80,10.244.2.3:80,10.244.2.4:80   39s
$ kubectl get controllerrevisions
NAME                          CONTROLLER                          REVISION   AGE
web-stateful-set-844fd8f95d   statefulset.apps/web-stateful-set   1          40s
$ kubectl describe pod web-stateful-set-0
Name:             web-stateful-set-0
Namespace:        default
Priority:         0
Service Account:  default
Node:             kind-worker2/172.18.0.4
Start Time:       Mon, 03 Mar 2025 10:00:11 +0000
Labels:           app=nginx
                  apps.kubernetes.io/pod-index=0
                  controller-revision-hash=web-stateful-set-844fd8f95d
                  statefulset.kubernetes.io/pod-name=web-stateful-set-0
Annotations:      <none>
Status:           Running
IP:               10.244.2.3
IPs:
  IP:           10.244.2.3
Controlled By:  StatefulSet/web-stateful-set
Containers:
  nginx:
    Container ID:   containerd://6e4cb08f51d9f1bd492930c6cdb32ffc990d7ff24dee385e8a92d9a350614eec
    Image:          nginx:1.25
    Image ID:       docker.io/library/nginx@sha256:990a46629a0a47f5970a433c980a44cf950a4016960a41a9930a3cf0940a3e83
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Mon, 03 Mar 2025 10:00:16 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /usr/share/nginx/html from www (rw)
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-zdrgz (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  www:
    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:  www-web-stateful-set-0
    ReadOnly:   false
  kube-api-access-zdrgz:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  39s   default-scheduler  Successfully assigned default/web-stateful-set-0 to kind-worker2
  Normal  Pulling    39s   kubelet            Pulling image "nginx:1.25"
  Normal  Pulled     33s   kubelet            Successfully pulled image "nginx:1.25" in 4.212s (4.212s including waiting). Image size: 72099410 bytes.
  Normal  Created    33s   kubelet            Created container: nginx
  Normal  Started    33s   kubelet            Started container nginx
$ kubectl describe pvc www-web-stateful-set-0
Name:          www-web-stateful-set-0
Namespace:     default
StorageClass:  standard
Status:        Bound
Volume:        pvc-d8592694-3afa-416d-bf92-f975a7aed585
Labels:        app=nginx
Annotations:   pv.kubernetes.io/bind-completed: yes
               pv.kubernetes.io/bound-by-controller: yes
               volume.beta.kubernetes.io/storage-provisioner: rancher.io/local-path
               volume.kubernetes.io/selected-node: kind-worker2
               volume.kubernetes.io/storage-provisioner: rancher.io/local-path
Finalizers:    [kubernetes.io/pvc-protection]
Capacity:      1Gi
Access Modes:  RWO
VolumeMode:    Filesystem
Used By:       web-stateful-set-0
Events:
  Type    Reason                 Age   From                                                                                                Message
  ----    ------                 ----  ----                                                                                                -------
  Normal  WaitForFirstConsumer   42s   persistentvolume-controller                                                                         waiting for first consumer to be created before binding
  Normal  ExternalProvisioning   42s   persistentvolume-controller                                                                         Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.
  Normal  Provisioning           42s   rancher.io/local-path_local-path-provisioner-7577fdbbfb-xk2lp_0c6e7d2a-5b3e-4c1f-9d8a-2f4e6b8c1a3d  External provisioner is provisioning volume for claim "default/www-web-stateful-set-0"
  Normal  ProvisioningSucceeded  40s   rancher.io/local-path_local-path-provisioner-7577fdbbfb-xk2lp_0c6e7d2a-5b3e-4c1f-9d8a-2f4e6b8c1a3d  Successfully provisioned volume pvc-d8592694-3afa-416d-bf92-f975a7aed585
$ kubectl describe svc nginx
Name:                     nginx
Namespace:                default
Labels:                   <none>
Annotations:              <none>
Selector:                 app=nginx
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       None
IPs:                      None
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
Endpoints:                10.244.2.3:80,10.244.1.4:80,10.244.2.4:80
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
$ kubectl label sts web-stateful-set tier=frontend
statefulset.apps/web-stateful-set labeled
$ kubectl label sts web-stateful-set tier=backend
error: 'tier' already has a value (frontend), and --overwrite is false
$ kubectl label sts web-stateful-set tier-
statefulset.apps/web-stateful-set unlabeled
$ kubectl annotate sts web-stateful-set note=demo
statefulset.apps/web-stateful-set annotated
$ kubectl get events --field-selector involvedObject.name=web-stateful-set-0
LAST SEEN   TYPE     REASON      OBJECT                   MESSAGE
46s         Normal   Scheduled   pod/web-stateful-set-0   Successfully assigned default/web-stateful-set-0 to kind-worker2
46s         Normal   Pulling     pod/web-stateful-set-0   Pulling image "nginx:1.25"
40s         Normal   Pulled      pod/web-stateful-set-0   Successfully pulled image "nginx:1.25" in 4.212s (4.212s including waiting). Image size: 72099410 bytes.
40s         Normal   Created     pod/web-stateful-set-0   Created container: nginx
40s         Normal   Started     pod/web-stateful-set-0   Started container nginx
$ kubectl get pods --sort-by=.metadata.name
NAME                 READY   STATUS    RESTARTS   AGE
web-stateful-set-0   1/1     Running   0          49s
web-stateful-set-1   1/1     Running   0          41s
web-stateful-set-2   1/1     Running   0          34s
