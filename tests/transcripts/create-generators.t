$ kubectl create deployment web --image=nginx --replicas=3 --port=80 --dry-run=client -o yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        ports:
        - containerPort: 80
        resources: {}
status: {}
$ kubectl create deployment tools --image=busybox:1.36 --save-config -n dev --dry-run=client -o json -- sleep 3600
{
    "kind": "Deployment",
    "apiVersion": "apps/v1",
    "metadata": {
        "name": "tools",
        "namespace": "dev",
        "creationTimestamp": null,
        "labels": {
            "app": "tools"
        },
        "annotations": {
            "kubectl.kubernetes.io/last-applied-configuration": "{\"kind\":\"Deployment\",\"apiVersion\":\"apps/v1\",\"metadata\":{\"name\":\"tools\",\"namespace\":\"dev\",\"creationTimestamp\":null,\"labels\":{\"app\":\"tools\"}},\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"app\":\"tools\"}},\"template\":{\"metadata\":{\"creationTimestamp\":null,\"labels\":{\"app\":\"tools\"}},\"spec\":{\"containers\":[{\"name\":\"busybox\",\"image\":\"busybox:1.36\",\"command\":[\"sleep\",\"3600\"],\"resources\":{}}]}},\"strategy\":{}},\"status\":{}}\n"
        }
    },
    "spec": {
        "replicas": 1,
        "selector": {
            "matchLabels": {
                "app": "tools"
            }
        },
        "template": {
            "metadata": {
                "creationTimestamp": null,
                "labels": {
                    "app": "tools"
                }
            },
            "spec": {
                "containers": [
                    {
                        "name": "busybox",
                        "image": "busybox:1.36",
                        "command": [
                            "sleep",
                            "3600"
                        ],
                        "resources": {}
                    }
                ]
            }
        },
        "strategy": {}
    },
    "status": {}
}
$ kubectl create deployment multi --image=nginx --image=registry.k8s.io/nginx-slim:0.8 --dry-run=client -o name
deployment.apps/multi
$ kubectl create deployment web --image=a --image=b --dry-run=client -- sleep 1
error: cannot specify multiple --image options and command
$ kubectl create deployment --image=nginx
error: exactly one NAME is required, got 0
See 'kubectl create deployment -h' for help and examples
$ kubectl create deployment web
E0303 10:00:05.000000    4242 run.go:72] "command failed" err="required flag(s) \"image\" not set"
$ kubectl create deployment web --image=nginx --replicas=two
Error: invalid argument "two" for "-r, --replicas" flag: strconv.ParseInt: parsing "two": invalid syntax
See 'kubectl create deployment --help' for usage.
$ kubectl create deploy web --image=nginx --dry-run=maybe
error: Invalid dry-run value (maybe). Must be "none", "server", or "client".
$ kubectl create deploy web --image=nginx --dry-run=client -o wide
error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml
$ kubectl create ns dev --dry-run
W0303 10:00:09.000000    4242 helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.
namespace/dev created (dry run)
$ kubectl create namespace dev --dry-run=client -o yaml
apiVersion: v1
kind: Namespace
metadata:
  creationTimestamp: null
  name: dev
spec: {}
status: {}
$ kubectl create sa robot -n dev --dry-run=client -o yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  creationTimestamp: null
  name: robot
  namespace: dev
$ kubectl create service clusterip web --tcp=80:8080,443 --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  - name: "443"
    port: 443
    protocol: TCP
    targetPort: 443
  selector:
    app: web
  type: ClusterIP
status:
  loadBalancer: {}
$ kubectl create service clusterip web-headless --clusterip=None --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: web-headless
  name: web-headless
spec:
  clusterIP: None
  selector:
    app: web-headless
  type: ClusterIP
status:
  loadBalancer: {}
$ kubectl create service nodeport web-np --tcp=80:http --node-port=30080 --dry-run=client -o json
{
    "kind": "Service",
    "apiVersion": "v1",
    "metadata": {
        "name": "web-np",
        "creationTimestamp": null,
        "labels": {
            "app": "web-np"
        }
    },
    "spec": {
        "ports": [
            {
                "name": "80-http",
                "protocol": "TCP",
                "port": 80,
                "targetPort": "http",
                "nodePort": 30080
            }
        ],
        "selector": {
            "app": "web-np"
        },
        "type": "NodePort"
    },
    "status": {
        "loadBalancer": {}
    }
}
$ kubectl create service externalname db --external-name=db.example.com --dry-run=client -o yaml
apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: db
  name: db
spec:
  externalName: db.example.com
  selector:
    app: db
  type: ExternalName
status:
  loadBalancer: {}
$ kubectl create service clusterip web
error: at least one tcp port specifier must be provided
$ kubectl create service clusterip web --tcp=abc
error: strconv.ParseUint: parsing "abc": invalid syntax
$ kubectl create service clusterip web --tcp=80:0
error: must be between 1 and 65535, inclusive
$ kubectl create service externalname db
E0303 10:00:19.000000    4242 run.go:72] "command failed" err="required flag(s) \"external-name\" not set"
$ kubectl create service externalname db --external-name=Not_A_Host
error: invalid service external name Not_A_Host
$ kubectl create service
Create a service using a specified subcommand.

Available Commands:
  clusterip      Create a ClusterIP service
  externalname   Create an ExternalName service
  loadbalancer   Create a LoadBalancer service
  nodeport       Create a NodePort service

Usage:
  kubectl create service SUBCOMMAND [options]

Use "kubectl create service <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).

(kubetutor's help: the flags this sandbox accepts, without kubectl's examples.)
$ kubectl create service web
error: unknown command "web"
See 'kubectl create service -h' for help and examples
$ kubectl create cm app-config --from-file=tests/transcripts/create-generators.d/conf --from-literal=mode=dev --dry-run=client -o yaml
apiVersion: v1
data:
  app.properties: |
    color=blue
    size=10
  index.html: |
    <h1>hello</h1>
  mode: dev
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: app-config
$ kubectl create cm db-config --from-env-file=tests/transcripts/create-generators.d/db.env --dry-run=client -o yaml
apiVersion: v1
data:
  DB_HOST: postgres
  DB_PORT: "5432"
kind: ConfigMap
metadata:
  creationTimestamp: null
  name: db-config
$ kubectl create cm bad --from-env-file=tests/transcripts/create-generators.d/db.env --from-literal=a=b
error: from-env-file cannot be combined with from-file or from-literal
$ kubectl create cm bad --from-literal=a=1 --from-literal=a=2
error: cannot add key "a", another key by that name already exists in Data for ConfigMap "bad"
$ kubectl create cm bad --from-file=tests/transcripts/create-generators.d/missing.txt
error: error reading tests/transcripts/create-generators.d/missing.txt: no such file or directory
$ kubectl create cm bad --from-file=key=tests/transcripts/create-generators.d/conf
error: cannot give a key name for a directory path
$ kubectl create secret generic db-pass --from-literal=username=admin --from-literal=password='s3cr3t!' --dry-run=client -o yaml
apiVersion: v1
data:
  password: czNjcjN0IQ==
  username: YWRtaW4=
kind: Secret
metadata:
  creationTimestamp: null
  name: db-pass
$ kubectl create secret generic bad --from-literal=password
error: invalid literal source password, expected key=value
$ kubectl create secret tls cert --cert=a.crt --key=a.key
kubetutor: not simulated: kubectl create secret tls
$ kubectl create job once --image=busybox
kubetutor: not simulated: kubectl create job
$ kubectl create foo
error: Unexpected args: [foo]
See 'kubectl create -h' for help and examples
$ kubectl create deployment web --image=nginx --show-managed-fields
kubetutor: not simulated: --show-managed-fields for kubectl create deployment
$ kubectl create namespace dev
namespace/dev created
$ kubectl create namespace dev
Error from server (AlreadyExists): namespaces "dev" already exists
$ kubectl create namespace Dev
The Namespace "Dev" is invalid: metadata.name: Invalid value: "Dev": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
$ kubectl create deployment web --image=nginx --replicas=2 --port=80
deployment.apps/web created
$ kubectl create deployment web --image=nginx
error: failed to create deployment: deployments.apps "web" already exists
$ kubectl create deployment Web --image=nginx
error: failed to create deployment: Deployment.apps "Web" is invalid: metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')
$ kubectl create deployment api --image=nginx -n nowhere
error: failed to create deployment: namespaces "nowhere" not found
$ kubectl create deployment tools --image=busybox -n dev -- sleep 3600
deployment.apps/tools created
$ kubectl create service clusterip web --tcp=80:80
service/web created
$ kubectl create service clusterip web-headless --clusterip=None
service/web-headless created
$ kubectl create service clusterip web --tcp=80
error: failed to create ClusterIP service: services "web" already exists
$ kubectl create serviceaccount robot -n dev -o name
serviceaccount/robot
$ kubectl create configmap app-config --from-file=tests/transcripts/create-generators.d/conf --save-config
configmap/app-config created
$ kubectl create secret generic db-pass --from-literal=password=s3cr3t
secret/db-pass created
$ kubectl create secret generic db-pass --from-literal=password=other
error: failed to create secret secrets "db-pass" already exists
$ kubectl create namespace staging --dry-run=server
namespace/staging created (server dry run)
$ kubectl get namespace staging
Error from server (NotFound): namespaces "staging" not found
tutor: there is no namespace `staging`. `kubectl get namespaces` lists the names.
$ kubectl create configmap probe --from-literal=a=b --dry-run=server -o yaml
apiVersion: v1
data:
  a: b
kind: ConfigMap
metadata:
  creationTimestamp: "2025-03-03T10:00:52Z"
  name: probe
  namespace: default
  uid: 9e945fd9-9ff3-4ca6-9c9a-77d60b9e64a4
$ kubectl wait --for=condition=Available deployment/web --timeout=60s
deployment.apps/web condition met
$ kubectl get deploy,svc,cm,secret
NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           16s

NAME                   TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE
service/kubernetes     ClusterIP   10.96.0.1       <none>        443/TCP   10m
service/web            ClusterIP   10.96.253.120   <none>        80/TCP    11s
service/web-headless   ClusterIP   None            <none>        <none>    10s

NAME                   DATA   AGE
configmap/app-config   2      7s

NAME             TYPE     DATA   AGE
secret/db-pass   Opaque   1      6s
$ kubectl get deploy,sa -n dev
NAME                    READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/tools   1/1     1            1           13s

NAME                   SECRETS   AGE
serviceaccount/robot   0         9s
$ kubectl get deploy web -o yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: "2025-03-03T10:00:38Z"
  generation: 1
  labels:
    app: web
  name: web
  namespace: default
  resourceVersion: "167"
  uid: 5a804d3f-7767-4112-979b-57dc5f3653d6
spec:
  progressDeadlineSeconds: 600
  replicas: 2
  revisionHistoryLimit: 10
  selector:
    matchLabels:
      app: web
  strategy:
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 25%
    type: RollingUpdate
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        imagePullPolicy: Always
        name: nginx
        ports:
        - containerPort: 80
          protocol: TCP
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      restartPolicy: Always
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
status:
  availableReplicas: 2
  conditions:
  - lastTransitionTime: "2025-03-03T10:00:43Z"
    lastUpdateTime: "2025-03-03T10:00:43Z"
    message: Deployment has minimum availability.
    reason: MinimumReplicasAvailable
    status: "True"
    type: Available
  - lastTransitionTime: "2025-03-03T10:00:38Z"
    lastUpdateTime: "2025-03-03T10:00:38Z"
    message: ReplicaSet "web-678b8c8999" has successfully progressed.
    reason: NewReplicaSetAvailable
    status: "True"
    type: Progressing
  observedGeneration: 1
  readyReplicas: 2
  replicas: 2
  updatedReplicas: 2
$ kubectl get cm app-config -o yaml
apiVersion: v1
data:
  app.properties: |
    color=blue
    size=10
  index.html: |
    <h1>hello</h1>
kind: ConfigMap
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"app-config","creationTimestamp":null},"data":{"app.properties":"color=blue\nsize=10\n","index.html":"\u003ch1\u003ehello\u003c/h1\u003e\n"}}
  creationTimestamp: "2025-03-03T10:00:47Z"
  name: app-config
  namespace: default
  resourceVersion: "178"
  uid: 04f90742-e40d-41b2-bc65-b80961b15f2a
$ kubectl get secret db-pass -o jsonpath='{.data.password}'
czNjcjN0