$ kubectl apply -f fixtures/seed-003/headlessService.yaml
service/nginx created
$ kubectl create -f fixtures/seed-003/statefulset_withpvc.yaml
statefulset.apps/web created
$ kubectl scale sts web --replicas=3
statefulset.apps/web scaled
$ map
namespace default

svc/nginx  headless, port 80, selects app=nginx
└── sts/web  0/3 ready
    └── web-0  0/1  ContainerCreating  kind-worker2
        └── pvc/www-web-0  Bound  1Gi
            └── pv/pvc-d8592694-3afa-416d-bf92-f975a7aed585

svc/kubernetes  ClusterIP 10.96.0.1, port 443, no selector
$ kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 sts/web --timeout=5m
statefulset.apps/web condition met
$ map
namespace default

svc/nginx  headless, port 80, selects app=nginx
└── sts/web  3/3 ready
    ├── web-0  1/1  Running  kind-worker2
    │   └── pvc/www-web-0  Bound  1Gi
    │       └── pv/pvc-d8592694-3afa-416d-bf92-f975a7aed585
    ├── web-1  1/1  Running  kind-worker
    │   └── pvc/www-web-1  Bound  1Gi
    │       └── pv/pvc-af93855e-2feb-4ef9-86c0-ff93567dd814
    └── web-2  1/1  Running  kind-worker2
        └── pvc/www-web-2  Bound  1Gi
            └── pv/pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5

svc/kubernetes  ClusterIP 10.96.0.1, port 443, no selector
$ map --format dot
digraph cluster_map {
  rankdir=TB;
  node [fontname="Helvetica", fontsize=11];
  subgraph "cluster_default" {
    label="namespace default";
    "svc/default/nginx" [label="svc/nginx\nheadless, port 80\nselects app=nginx", shape=box, style="rounded,bold"];
    "sts/default/web" [label="sts/web\n3/3 ready", shape=box3d, style="solid"];
    "pod/default/web-0" [label="web-0\n1/1 Running\nkind-worker2", shape=box, style="rounded,filled", fillcolor="#c8e6c9", color="#2e7d32"];
    "pvc/default/www-web-0" [label="pvc/www-web-0\nBound 1Gi", shape=cylinder, style="filled", fillcolor="#c8e6c9", color="#2e7d32"];
    "pod/default/web-1" [label="web-1\n1/1 Running\nkind-worker", shape=box, style="rounded,filled", fillcolor="#c8e6c9", color="#2e7d32"];
    "pvc/default/www-web-1" [label="pvc/www-web-1\nBound 1Gi", shape=cylinder, style="filled", fillcolor="#c8e6c9", color="#2e7d32"];
    "pod/default/web-2" [label="web-2\n1/1 Running\nkind-worker2", shape=box, style="rounded,filled", fillcolor="#c8e6c9", color="#2e7d32"];
    "pvc/default/www-web-2" [label="pvc/www-web-2\nBound 1Gi", shape=cylinder, style="filled", fillcolor="#c8e6c9", color="#2e7d32"];
  }
  "pv/pvc-d8592694-3afa-416d-bf92-f975a7aed585" [label="pv/pvc-d8592694-3afa-416d-bf92-f975a7aed585", shape=cylinder, style="solid"];
  "pv/pvc-af93855e-2feb-4ef9-86c0-ff93567dd814" [label="pv/pvc-af93855e-2feb-4ef9-86c0-ff93567dd814", shape=cylinder, style="solid"];
  "pv/pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5" [label="pv/pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5", shape=cylinder, style="solid"];
  "svc/default/nginx" -> "sts/default/web";
  "sts/default/web" -> "pod/default/web-0";
  "pod/default/web-0" -> "pvc/default/www-web-0";
  "pvc/default/www-web-0" -> "pv/pvc-d8592694-3afa-416d-bf92-f975a7aed585";
  "sts/default/web" -> "pod/default/web-1";
  "pod/default/web-1" -> "pvc/default/www-web-1";
  "pvc/default/www-web-1" -> "pv/pvc-af93855e-2feb-4ef9-86c0-ff93567dd814";
  "sts/default/web" -> "pod/default/web-2";
  "pod/default/web-2" -> "pvc/default/www-web-2";
  "pvc/default/www-web-2" -> "pv/pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5";
}
$ map --format mermaid
flowchart TD
  subgraph ns1["namespace default"]
    n1(["svc/nginx<br/>headless, port 80<br/>selects app=nginx"])
    n2[["sts/web<br/>3/3 ready"]]
    n3("web-0<br/>1/1 Running<br/>kind-worker2")
    n4[("pvc/www-web-0<br/>Bound 1Gi")]
    n6("web-1<br/>1/1 Running<br/>kind-worker")
    n7[("pvc/www-web-1<br/>Bound 1Gi")]
    n9("web-2<br/>1/1 Running<br/>kind-worker2")
    n10[("pvc/www-web-2<br/>Bound 1Gi")]
  end
  n5[("pv/pvc-d8592694-3afa-416d-bf92-f975a7aed585")]
  n8[("pv/pvc-af93855e-2feb-4ef9-86c0-ff93567dd814")]
  n11[("pv/pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5")]
  n1 --> n2
  n2 --> n3
  n3 --> n4
  n4 --> n5
  n2 --> n6
  n6 --> n7
  n7 --> n8
  n2 --> n9
  n9 --> n10
  n10 --> n11
  classDef good fill:#c8e6c9,stroke:#2e7d32
  class n3,n4,n6,n7,n9,n10 good
$ kubectl scale sts web --replicas=1
statefulset.apps/web scaled
$ kubectl wait --for=delete pod/web-2 pod/web-1 --timeout=2m
pod/web-2 condition met
pod/web-1 condition met
$ kubectl run lonely --image=busybox --restart=Never -- sleep 3600
pod/lonely created
$ map
namespace default

svc/nginx  headless, port 80, selects app=nginx
└── sts/web  1/1 ready
    └── web-0  1/1  Running  kind-worker2
        └── pvc/www-web-0  Bound  1Gi
            └── pv/pvc-d8592694-3afa-416d-bf92-f975a7aed585

svc/kubernetes  ClusterIP 10.96.0.1, port 443, no selector

not selected by any Service
└── lonely  0/1  ContainerCreating  kind-worker

claims no pod mounts
├── pvc/www-web-1  Bound  1Gi
│   └── pv/pvc-af93855e-2feb-4ef9-86c0-ff93567dd814
└── pvc/www-web-2  Bound  1Gi
    └── pv/pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5
$ map | grep -c pvc/
3
$ map -n kube-system
namespace kube-system

svc/kube-dns  ClusterIP 10.96.0.10, ports 53/UDP, 53, 9153,
│   selects k8s-app=kube-dns
└── deploy/coredns  2/2 ready
    ├── coredns-667cc89444-6rdmv  1/1  Running  kind-worker2
    └── coredns-667cc89444-n5qjn  1/1  Running  kind-worker

not selected by any Service
├── ds/kindnet  3/3 ready
│   ├── kindnet-8z57f  1/1  Running  kind-worker
│   ├── kindnet-c4vnk  1/1  Running  kind-control-plane
│   └── kindnet-cfltk  1/1  Running  kind-worker2
├── ds/kube-proxy  3/3 ready
│   ├── kube-proxy-cmbg4  1/1  Running  kind-worker2
│   ├── kube-proxy-nfjlk  1/1  Running  kind-worker
│   └── kube-proxy-rbdfq  1/1  Running  kind-control-plane
├── etcd-kind-control-plane                     1/1  Running  kind-control-plane
├── kube-apiserver-kind-control-plane           1/1  Running  kind-control-plane
├── kube-controller-manager-kind-control-plane  1/1  Running  kind-control-plane
└── kube-scheduler-kind-control-plane           1/1  Running  kind-control-plane
$ map -n nope
Error from server (NotFound): namespaces "nope" not found
tutor: there is no namespace `nope`. `kubectl get namespaces` lists the names.
$ map --format pie
error: invalid value 'pie' for '--format <FORMAT>'
  [possible values: text, dot, mermaid]

For more information, try '--help'.
$ map extra
error: unexpected argument 'extra' found

Usage: map [OPTIONS]

For more information, try '--help'.
