$ cat <<EOF > web.yaml
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
$ sleep 20
$ kubectl get pods -o wide
NAME    READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
web-0   1/1     Running   0          22s   10.244.2.3   kind-worker2   <none>           <none>
web-1   1/1     Running   0          16s   10.244.1.4   kind-worker    <none>           <none>
$ kubectl cordon kind-worker
node/kind-worker cordoned
$ kubectl cordon kind-worker
node/kind-worker already cordoned
$ kubectl get nodes
NAME                 STATUS                     ROLES           AGE   VERSION
kind-control-plane   Ready                      control-plane   10m   v1.32.2
kind-worker          Ready,SchedulingDisabled   <none>          10m   v1.32.2
kind-worker2         Ready                      <none>          10m   v1.32.2
$ kubectl uncordon kind-worker
node/kind-worker uncordoned
$ kubectl cordon nope
Error from server (NotFound): nodes "nope" not found
tutor: there is no node `nope`. `kubectl get nodes` lists the names.
$ kubectl drain kind-worker
node/kind-worker cordoned
error: unable to drain node "kind-worker" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kindnet-8z57f, kube-system/kube-proxy-nfjlk, continuing command...
There are pending nodes to be drained:
 kind-worker
cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kindnet-8z57f, kube-system/kube-proxy-nfjlk
$ kubectl drain kind-worker --ignore-daemonsets --delete-emptydir-data
node/kind-worker already cordoned
Warning: ignoring DaemonSet-managed Pods: kube-system/kindnet-8z57f, kube-system/kube-proxy-nfjlk
evicting pod default/web-1
evicting pod kube-system/coredns-667cc89444-n5qjn
evicting pod local-path-storage/local-path-provisioner-5d6488bb88-gmrw8
pod/coredns-667cc89444-n5qjn evicted
pod/local-path-provisioner-5d6488bb88-gmrw8 evicted
pod/web-1 evicted
node/kind-worker drained
$ kubectl get pods -o wide
NAME    READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
web-0   1/1     Running   0          31s   10.244.2.3   kind-worker2   <none>           <none>
web-1   0/1     Pending   0          1s    <none>       <none>         <none>           <none>
$ kubectl describe pod web-1 | tail -1
  Warning  FailedScheduling  2s (x2 over 2s)  default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had volume node affinity conflict, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.
$ kubectl uncordon kind-worker
node/kind-worker uncordoned
$ kubectl wait --for=condition=Ready pod/web-1 --timeout=60s
pod/web-1 condition met
$ kubectl get pods -o wide
NAME    READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
web-0   1/1     Running   0          35s   10.244.2.3   kind-worker2   <none>           <none>
web-1   1/1     Running   0          5s    10.244.1.5   kind-worker    <none>           <none>
$ kubectl delete pvc www-web-1 --wait=false
persistentvolumeclaim "www-web-1" deleted
$ kubectl get pvc www-web-1
NAME        STATUS        VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
www-web-1   Terminating   pvc-ae5fc6ef-1e8a-461c-b372-fc171ee779a5   1Gi        RWO            standard       <unset>                 31s
$ fail node kind-worker2
node/kind-worker2 failed: its kubelet stopped reporting
$ sleep 60
$ kubectl get nodes
NAME                 STATUS     ROLES           AGE   VERSION
kind-control-plane   Ready      control-plane   11m   v1.32.2
kind-worker          Ready      <none>          11m   v1.32.2
kind-worker2         NotReady   <none>          11m   v1.32.2
$ kubectl describe node kind-worker2 | grep -e Taints -e unreachable -e Ready
Taints:             node.kubernetes.io/unreachable:NoExecute
                    node.kubernetes.io/unreachable:NoSchedule
  Ready            Unknown   Mon, 03 Mar 2025 09:50:00 +0000   Mon, 03 Mar 2025 10:01:29 +0000   NodeStatusUnknown   Kubelet stopped posting node status.
  Normal  NodeNotReady  13s   node-controller  Node kind-worker2 status is now: NodeNotReady
$ sleep 300
$ kubectl get pods
NAME    READY   STATUS        RESTARTS   AGE
web-0   1/1     Terminating   0          6m43s
web-1   1/1     Running       0          6m13s
$ kubectl delete pod web-0 --grace-period=0 --force
Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.
pod "web-0" force deleted
$ sleep 5
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
web-0   0/1     Pending   0          7s
web-1   1/1     Running   0          6m21s
$ kubectl describe pod web-0 | tail -1
  Warning  FailedScheduling  8s (x2 over 8s)  default-scheduler  0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 1 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.
$ heal node kind-worker2
node/kind-worker2 healed: its kubelet reports again
$ sleep 20
$ kubectl get nodes
NAME                 STATUS   ROLES           AGE   VERSION
kind-control-plane   Ready    control-plane   17m   v1.32.2
kind-worker          Ready    <none>          17m   v1.32.2
kind-worker2         Ready    <none>          17m   v1.32.2
$ kubectl get pods -o wide
NAME    READY   STATUS    RESTARTS   AGE     IP           NODE           NOMINATED NODE   READINESS GATES
web-0   1/1     Running   0          32s     10.244.2.3   kind-worker2   <none>           <none>
web-1   1/1     Running   0          6m46s   10.244.1.5   kind-worker    <none>           <none>
