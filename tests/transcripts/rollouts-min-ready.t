$ cat <<EOF > web.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  minReadySeconds: 10
  updateStrategy:
    rollingUpdate:
      maxUnavailable: 2
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.8
EOF
$ kubectl apply -f web.yaml
statefulset.apps/web created
tutor: StatefulSet `web` names serviceName `nginx`, but no Service `nginx` exists: the pods run, yet names like `web-0.nginx` will not resolve. Create a headless Service (clusterIP: None) named `nginx`, or fix serviceName.
$ kubectl get sts web -o jsonpath='{.spec.updateStrategy}{"\n"}'
{"rollingUpdate":{"partition":0},"type":"RollingUpdate"}
$ sleep 5
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
web-0   1/1     Running   0          8s
$ kubectl get sts web -o jsonpath='ready={.status.readyReplicas} available={.status.availableReplicas}{"\n"}'
ready=1 available=0
$ sleep 10
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
web-0   1/1     Running   0          21s
web-1   1/1     Running   0          7s
$ kubectl get sts web -o jsonpath='ready={.status.readyReplicas} available={.status.availableReplicas}{"\n"}'
ready=2 available=1
$ sleep 30
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
web-0   1/1     Running   0          54s
web-1   1/1     Running   0          40s
web-2   1/1     Running   0          27s
$ kubectl set image sts/web nginx=registry.k8s.io/nginx-slim:0.9
statefulset.apps/web image updated
$ sleep 10
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS    RESTARTS   AGE   CONTROLLER-REVISION-HASH
web-0   1/1     Running   0          67s   web-7994549bf
web-1   1/1     Running   0          53s   web-7994549bf
web-2   1/1     Running   0          10s   web-5cbf6645c4
$ sleep 10
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS    RESTARTS   AGE   CONTROLLER-REVISION-HASH
web-0   1/1     Running   0          79s   web-7994549bf
web-1   1/1     Running   0          8s    web-5cbf6645c4
web-2   1/1     Running   0          22s   web-5cbf6645c4
$ kubectl rollout status sts/web
Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...
Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...
Waiting for 1 pods to be ready...
Waiting for 1 pods to be ready...
partitioned roll out complete: 3 new pods have been updated...
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS    RESTARTS   AGE   CONTROLLER-REVISION-HASH
web-0   1/1     Running   0          1s    web-5cbf6645c4
web-1   1/1     Running   0          16s   web-5cbf6645c4
web-2   1/1     Running   0          30s   web-5cbf6645c4
$ kubectl patch sts web --type=merge -p '{"spec":{"updateStrategy":{"rollingUpdate":{"maxUnavailable":0}}}}'
statefulset.apps/web patched (no change)
$ kubectl get sts web -o jsonpath='{.spec.updateStrategy}{"\n"}'
{"rollingUpdate":{"partition":0},"type":"RollingUpdate"}
$ kubectl delete sts web
statefulset.apps "web" deleted
$ cat <<EOF > par.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: par
spec:
  serviceName: nginx
  replicas: 2
  minReadySeconds: 30
  podManagementPolicy: Parallel
  selector:
    matchLabels:
      app: par
  template:
    metadata:
      labels:
        app: par
    spec:
      containers:
      - name: nginx
        image: registry.k8s.io/nginx-slim:0.8
EOF
$ kubectl apply -f par.yaml
statefulset.apps/par created
tutor: StatefulSet `par` names serviceName `nginx`, but no Service `nginx` exists: the pods run, yet names like `par-0.nginx` will not resolve. Create a headless Service (clusterIP: None) named `nginx`, or fix serviceName.
$ sleep 10
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
par-0   1/1     Running   0          12s
par-1   1/1     Running   0          12s
$ kubectl get sts par -o jsonpath='ready={.status.readyReplicas} available={.status.availableReplicas}{"\n"}'
ready=2 available=0
$ kubectl set image sts/par nginx=registry.k8s.io/nginx-slim:0.9
statefulset.apps/par image updated
$ sleep 15
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS    RESTARTS   AGE   CONTROLLER-REVISION-HASH
par-0   1/1     Running   0          13s   par-79b864d9b5
par-1   1/1     Running   0          15s   par-79b864d9b5
