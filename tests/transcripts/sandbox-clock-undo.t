$ time
Mon, 03 Mar 2025 10:00:00 UTC (0s since the sandbox started; the cluster is 10m0s old)
$ kubectl apply -f fixtures/seed-004/as-written/web-stateful-set.yaml
statefulset.apps/web-stateful-set created
tutor: StatefulSet `web-stateful-set` names serviceName `nginx-headerless-service`, but no Service `nginx-headerless-service` exists: the pods run, yet names like `web-stateful-set-0.nginx-headerless-service` will not resolve. Create a headless Service (clusterIP: None) named `nginx-headerless-service`, or fix serviceName.
$ advance 1m30s
Mon, 03 Mar 2025 10:01:32 UTC (+1m30s)
$ kubectl get pods
NAME                 READY   STATUS    RESTARTS   AGE
web-stateful-set-0   1/1     Running   0          92s
web-stateful-set-1   1/1     Running   0          84s
web-stateful-set-2   1/1     Running   0          77s
$ kubectl delete pod web-stateful-set-1 --wait=false
pod "web-stateful-set-1" deleted
$ kubectl get pods
NAME                 READY   STATUS        RESTARTS   AGE
web-stateful-set-0   1/1     Running       0          94s
web-stateful-set-1   0/1     Terminating   0          86s
web-stateful-set-2   1/1     Running       0          79s
$ undo
Undid `kubectl get pods`; the cluster is back at Mon, 03 Mar 2025 10:01:35 UTC.
$ kubectl get pods
NAME                 READY   STATUS    RESTARTS   AGE
web-stateful-set-0   1/1     Running   0          95s
web-stateful-set-1   1/1     Running   0          0s
web-stateful-set-2   1/1     Running   0          80s
$ undo
Undid `kubectl get pods`; the cluster is back at Mon, 03 Mar 2025 10:01:36 UTC.
$ undo
Undid `kubectl delete pod web-stateful-set-1 --wait=false`; the cluster is back at Mon, 03 Mar 2025 10:01:34 UTC.
$ undo
Undid `kubectl get pods`; the cluster is back at Mon, 03 Mar 2025 10:01:33 UTC.
$ time
Mon, 03 Mar 2025 10:01:34 UTC (1m34s since the sandbox started; the cluster is 11m34s old)
$ kubectl get pods
NAME                 READY   STATUS    RESTARTS   AGE
web-stateful-set-0   1/1     Running   0          94s
web-stateful-set-1   1/1     Running   0          86s
web-stateful-set-2   1/1     Running   0          79s
$ undo
Undid `kubectl get pods`; the cluster is back at Mon, 03 Mar 2025 10:01:35 UTC.
$ undo
Undid advance 1m30s; the cluster is back at Mon, 03 Mar 2025 10:00:02 UTC.
$ advance 90
kubetutor: advance: time: missing unit in duration "90"
$ advance 1d
kubetutor: advance: time: unknown unit "d" in duration "1d"
$ advance -5s
kubetutor: advance: the clock only moves forward (`undo` steps back)
$ advance
kubetutor: usage: advance DURATION (for example 30s or 1m30s)
$ X=1
$ kubectl create ns team-a
namespace/team-a created
$ reset
The sandbox is a fresh cluster again (seed 1), at Mon, 03 Mar 2025 10:00:00 UTC.
$ echo "X=$X"
X=
$ kubectl get ns team-a
Error from server (NotFound): namespaces "team-a" not found
tutor: there is no namespace `team-a`. `kubectl get namespaces` lists the names.
$ undo
Undid `kubectl get ns team-a`; the cluster is back at Mon, 03 Mar 2025 10:00:02 UTC.
$ kubectl get ns default -o name; undo
namespace/default
kubetutor: undo: a sandbox command; type it on a line of its own
