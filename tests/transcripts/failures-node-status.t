$ cat <<EOF > web.yaml
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 1
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
        volumeMounts:
        - name: www
          mountPath: /usr/share/nginx/html
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: ["ReadWriteOnce"]
      resources:
        requests:
          storage: 1Gi
EOF
$ kubectl apply -f web.yaml
statefulset.apps/web created
tutor: StatefulSet `web` names serviceName `nginx`, but no Service `nginx` exists: the pods run, yet names like `web-0.nginx` will not resolve. Create a headless Service (clusterIP: None) named `nginx`, or fix serviceName.
$ kubectl wait --for=condition=Ready pod/web-0 --timeout=60s
pod/web-0 condition met
$ kubectl get pods -o wide
NAME    READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
web-0   1/1     Running   0          6s    10.244.2.3   kind-worker2   <none>           <none>
$ fail node kind-worker2
node/kind-worker2 failed: its kubelet stopped reporting
$ sleep 40
$ kubectl get nodes kind-worker2
NAME           STATUS   ROLES    AGE   VERSION
kind-worker2   Ready    <none>   10m   v1.32.2
$ sleep 20
$ kubectl get nodes kind-worker2
NAME           STATUS     ROLES    AGE   VERSION
kind-worker2   NotReady   <none>   11m   v1.32.2
$ kubectl describe node kind-worker2 | grep -e Conditions -e LastHeartbeatTime -e NodeStatusUnknown
Conditions:
  Type             Status    LastHeartbeatTime                 LastTransitionTime                Reason              Message
  MemoryPressure   Unknown   Mon, 03 Mar 2025 09:50:00 +0000   Mon, 03 Mar 2025 10:00:58 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
  DiskPressure     Unknown   Mon, 03 Mar 2025 09:50:00 +0000   Mon, 03 Mar 2025 10:00:58 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
  PIDPressure      Unknown   Mon, 03 Mar 2025 09:50:00 +0000   Mon, 03 Mar 2025 10:00:58 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
  Ready            Unknown   Mon, 03 Mar 2025 09:50:00 +0000   Mon, 03 Mar 2025 10:00:58 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
web-0   1/1     Running   0          73s
$ kubectl describe pod web-0 | grep -e "^Status:" -e "  Ready:" -e "True" -e "False" -e NodeNotReady
Status:           Running
    Ready:          True
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             True 
  PodScheduled                True 
  Warning  NodeNotReady  17s   node-controller    Node is not ready
$ kubectl get pod web-0 -o jsonpath='{.status.reason}{"|"}{.status.containerStatuses[0].ready}{"\n"}'
|true
$ sleep 300
$ kubectl get pods -o wide
NAME    READY   STATUS        RESTARTS   AGE     IP           NODE           NOMINATED NODE   READINESS GATES
web-0   1/1     Terminating   0          6m17s   10.244.2.3   kind-worker2   <none>           <none>
$ kubectl describe pod web-0 | grep -e "^Status:" -e "True" -e "False" -e "  Normal" -e "  Warning"
Status:                    Terminating (lasts <invalid>)
    Ready:          True
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       False 
  ContainersReady             True 
  PodScheduled                True 
  DisruptionTarget            True 
  Normal   Scheduled     6m16s  default-scheduler  Successfully assigned default/web-0 to kind-worker2
  Normal   Pulling       6m16s  kubelet            Pulling image "registry.k8s.io/nginx-slim:0.8"
  Normal   Pulled        6m13s  kubelet            Successfully pulled image "registry.k8s.io/nginx-slim:0.8" in 2.512s (2.512s including waiting). Image size: 8551207 bytes.
  Normal   Created       6m13s  kubelet            Created container: nginx
  Normal   Started       6m13s  kubelet            Started container nginx
  Warning  NodeNotReady  5m21s  node-controller    Node is not ready
$ kubectl get events --field-selector involvedObject.name=web-0 | tail -2
5m22s       Warning   NodeNotReady           pod/web-0   Node is not ready
22s         Normal    TaintManagerEviction   pod/web-0   Marking for deletion Pod default/web-0
$ kubectl delete pod web-0 --grace-period=0 --force
Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.
pod "web-0" force deleted
$ sleep 5
$ kubectl get pods -o wide
NAME    READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES
web-0   0/1     Pending   0          7s    <none>   <none>   <none>           <none>
