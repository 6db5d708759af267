$ cat <<EOF > probed.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
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
        ports:
        - containerPort: 80
          name: web
        readinessProbe:
          httpGet:
            path: /
            port: web
          periodSeconds: 5
        livenessProbe:
          exec:
            command: ["cat", "/usr/share/nginx/html/index.html"]
          periodSeconds: 5
          failureThreshold: 2
EOF
$ kubectl apply -f probed.yaml
statefulset.apps/web created
tutor: StatefulSet `web` names serviceName `nginx`, but no Service `nginx` exists: the pods run, yet names like `web-0.nginx` will not resolve. Create a headless Service (clusterIP: None) named `nginx`, or fix serviceName.
$ break pod web-0 readiness
pod/web-0 broken: its readiness probe now fails
$ kubectl get pods -w --request-timeout=30s
NAME    READY   STATUS              RESTARTS   AGE
web-0   0/1     ContainerCreating   0          2s
web-0   0/1     Running             0          3s
$ kubectl describe pod web-0 | tail -1
  Warning  Unhealthy  1s (x6 over 26s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 503
$ heal pod web-0
pod/web-0 healed
$ kubectl get pods -w --request-timeout=15s
NAME    READY   STATUS    RESTARTS   AGE
web-0   0/1     Running   0          31s
web-0   1/1     Running   0          33s
web-1   0/1     Pending   0          0s
web-1   0/1     Pending   0          0s
web-1   0/1     ContainerCreating   0          0s
web-1   0/1     Running             0          3s
web-1   1/1     Running             0          3s
$ kubectl exec web-1 -- rm /usr/share/nginx/html/index.html
$ kubectl get pods -w --request-timeout=20s
NAME    READY   STATUS    RESTARTS   AGE
web-0   1/1     Running   0          45s
web-1   1/1     Running   0          12s
web-1   0/1     Completed   0          19s
web-1   0/1     Running     1 (1s ago)   20s
web-1   1/1     Running     1 (1s ago)   20s
$ kubectl describe pod web-1 | grep -e Unhealthy -e Killing
  Warning  Unhealthy  13s (x2 over 18s)  kubelet            Liveness probe failed: cat: /usr/share/nginx/html/index.html: No such file or directory
  Warning  Unhealthy  13s (x2 over 18s)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 403
  Normal   Killing    13s                kubelet            Container nginx failed liveness probe, will be restarted
$ break pod web-0 liveness
pod/web-0 broken: its liveness probe now fails
$ kubectl get pods web-0 -w --request-timeout=100s
NAME    READY   STATUS    RESTARTS   AGE
web-0   1/1     Running   0          67s
web-0   0/1     Completed   0          74s
web-0   0/1     Running     1 (1s ago)   75s
web-0   1/1     Running     1 (1s ago)   75s
web-0   0/1     Completed   1 (7s ago)   81s
web-0   0/1     CrashLoopBackOff   1 (0s ago)   81s
web-0   0/1     Running            2 (10s ago)   91s
web-0   1/1     Running            2 (10s ago)   91s
web-0   0/1     Completed          2 (16s ago)   97s
web-0   0/1     CrashLoopBackOff   2 (0s ago)    97s
web-0   0/1     Running            3 (20s ago)   117s
web-0   1/1     Running            3 (20s ago)   117s
web-0   0/1     Completed          3 (26s ago)   2m3s
web-0   0/1     CrashLoopBackOff   3 (0s ago)    2m3s
web-0   0/1     Running            4 (40s ago)   2m43s
web-0   1/1     Running            4 (40s ago)   2m44s
tutor: the container of `web-0` keeps exiting and the kubelet waits longer before each restart; `kubectl logs web-0 --previous` shows why it stopped.
$ kubectl describe pod web-0 | grep BackOff
  Warning  BackOff    41s (x3 over 83s)      kubelet            Back-off restarting failed container nginx in pod web-0_default(947c74d7-a1f7-41ee-ba7b-7b9a6d402b22)
$ heal pod web-0
pod/web-0 healed
$ kubectl delete sts web
statefulset.apps "web" deleted
$ cat <<EOF > parallel.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: par
spec:
  serviceName: nginx
  podManagementPolicy: Parallel
  replicas: 2
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
        readinessProbe:
          tcpSocket:
            port: 80
EOF
$ kubectl apply -f parallel.yaml
statefulset.apps/par created
tutor: StatefulSet `par` names serviceName `nginx`, but no Service `nginx` exists: the pods run, yet names like `par-0.nginx` will not resolve. Create a headless Service (clusterIP: None) named `nginx`, or fix serviceName.
$ break pod par-0 readiness
pod/par-0 broken: its readiness probe now fails
$ sleep 40
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
par-0   0/1     Running   0          43s
par-1   1/1     Running   0          43s
$ kubectl describe pod par-0 | tail -1
  Warning  Unhealthy  2s (x5 over 42s)  kubelet            Readiness probe failed: dial tcp 10.244.2.4:80: connect: connection refused
$ break pod par-1 sideways
break: unknown fault "sideways"
usage: break pod NAME readiness|liveness|crash|crashloop [-n NAMESPACE]
       break pod NAME fill [VOLUME] [-n NAMESPACE]
       heal pod NAME [-n NAMESPACE]
       fail node NAME
       heal node NAME
$ break pod nothere crash
break: pods "nothere" not found in namespace "default"
$ kubectl run pg --image=postgres:17
pod/pg created
$ sleep 40
$ kubectl get pod pg
NAME   READY   STATUS             RESTARTS      AGE
pg     0/1     CrashLoopBackOff   2 (17s ago)   42s
tutor: the container of `pg` keeps exiting and the kubelet waits longer before each restart; `kubectl logs pg --previous` shows why it stopped.
$ kubectl logs pg | tail -3

       See PostgreSQL documentation about "trust":
       https://www.postgresql.org/docs/current/auth-trust.html
$ kubectl run bad --image=nginx:1.999
pod/bad created
$ kubectl run nope --image=nginxx
pod/nope created
$ sleep 15
$ kubectl get pods bad nope
NAME   READY   STATUS             RESTARTS   AGE
bad    0/1     ImagePullBackOff   0          18s
nope   0/1     ImagePullBackOff   0          17s
tutor: the kubelet cannot pull image `nginx:1.999` for `bad`: check its name and tag. After fixing the template, the pod is replaced with the new image.
$ kubectl describe pod bad | tail -6
  Normal   Scheduled  19s               default-scheduler  Successfully assigned default/bad to kind-worker
  Normal   Pulling    7s (x2 over 19s)  kubelet            Pulling image "nginx:1.999"
  Warning  Failed     6s (x2 over 17s)  kubelet            Failed to pull image "nginx:1.999": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found
  Warning  Failed     6s (x2 over 17s)  kubelet            Error: ErrImagePull
  Normal   BackOff    5s (x2 over 16s)  kubelet            Back-off pulling image "nginx:1.999"
  Warning  Failed     5s (x2 over 16s)  kubelet            Error: ImagePullBackOff
$ kubectl get pod nope -o jsonpath='{.status.containerStatuses[0].state.waiting.message}'
Back-off pulling image "nginxx"