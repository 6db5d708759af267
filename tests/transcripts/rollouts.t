$ kubectl apply -f tests/transcripts/rollouts.d/web.yaml
service/nginx created
statefulset.apps/web created
$ kubectl rollout status sts/web
Waiting for 3 pods to be ready...
Waiting for 2 pods to be ready...
Waiting for 1 pods to be ready...
partitioned roll out complete: 3 new pods have been updated...
$ kubectl get controllerrevisions
NAME          CONTROLLER             REVISION   AGE
web-59b8f57   statefulset.apps/web   1          11s
$ kubectl set image sts/web nginx=nginx:1.26
statefulset.apps/web image updated
$ kubectl get pods -w
NAME    READY   STATUS        RESTARTS   AGE
web-0   1/1     Running       0          13s
web-1   1/1     Running       0          8s
web-2   0/1     Terminating   0          3s
web-2   0/1     Terminating   0          4s
web-2   0/1     Pending       0          0s
web-2   0/1     Pending       0          0s
web-2   0/1     ContainerCreating   0          0s
web-2   1/1     Running             0          5s
web-1   1/1     Terminating         0          14s
web-1   0/1     Terminating         0          14s
web-1   0/1     Terminating         0          15s
web-1   0/1     Pending             0          0s
web-1   0/1     Pending             0          0s
web-1   0/1     ContainerCreating   0          0s
web-1   1/1     Running             0          5s
web-0   1/1     Terminating         0          25s
web-0   0/1     Terminating         0          26s
web-0   0/1     Terminating         0          26s
web-0   0/1     Pending             0          0s
web-0   0/1     Pending             0          0s
web-0   0/1     ContainerCreating   0          0s
web-0   1/1     Running             0          0s
$ kubectl rollout status sts web
partitioned roll out complete: 3 new pods have been updated...
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS    RESTARTS   AGE   CONTROLLER-REVISION-HASH
web-0   1/1     Running   0          2s    web-5d87d9648d
web-1   1/1     Running   0          9s    web-5d87d9648d
web-2   1/1     Running   0          15s   web-5d87d9648d
$ kubectl get sts web -o jsonpath='{.status.currentRevision} {.status.updateRevision}{"\n"}'
web-5d87d9648d web-5d87d9648d
$ kubectl rollout history sts/web
statefulset.apps/web 
REVISION  CHANGE-CAUSE
1         <none>
2         <none>

$ kubectl rollout history sts/web --revision=2
statefulset.apps/web with revision #2
Pod Template:
  Labels:	app=nginx
  Containers:
   nginx:
    Image:	nginx:1.26
    Port:	<none>
    Host Port:	<none>
    Environment:	<none>
    Mounts:	<none>
  Volumes:	<none>
  Node-Selectors:	<none>
  Tolerations:	<none>

$ kubectl rollout history sts/web --revision=5
error: unable to find the specified revision
$ kubectl rollout undo sts/web
statefulset.apps/web rolled back
$ kubectl rollout status statefulset/web
Waiting for 1 pods to be ready...
Waiting for 1 pods to be ready...
Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...
Waiting for 1 pods to be ready...
Waiting for 1 pods to be ready...
Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...
Waiting for 1 pods to be ready...
Waiting for 1 pods to be ready...
partitioned roll out complete: 3 new pods have been updated...
$ kubectl get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image
NAME    IMAGE
web-0   nginx:1.25
web-1   nginx:1.25
web-2   nginx:1.25
$ kubectl rollout history sts/web
statefulset.apps/web 
REVISION  CHANGE-CAUSE
2         <none>
3         <none>

$ kubectl get controllerrevisions
NAME             CONTROLLER             REVISION   AGE
web-59b8f57      statefulset.apps/web   3          43s
web-5d87d9648d   statefulset.apps/web   2          30s
$ kubectl rollout undo sts/web --to-revision=3
statefulset.apps/web skipped rollback (current template already matches revision 3)
$ kubectl rollout undo sts/web --to-revision=7
error: unable to find specified revision 7 in history
$ kubectl patch sts web -p '{"spec":{"updateStrategy":{"rollingUpdate":{"partition":2}}}}'
statefulset.apps/web patched
$ kubectl set image sts/web nginx=nginx:1.27
statefulset.apps/web image updated
$ kubectl rollout status sts/web
Waiting for 1 pods to be ready...
Waiting for 1 pods to be ready...
partitioned roll out complete: 1 new pods have been updated...
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS    RESTARTS   AGE   CONTROLLER-REVISION-HASH
web-0   1/1     Running   0          15s   web-59b8f57
web-1   1/1     Running   0          17s   web-59b8f57
web-2   1/1     Running   0          6s    web-5c7f68bf87
$ kubectl delete pod web-0
pod "web-0" deleted
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS    RESTARTS   AGE   CONTROLLER-REVISION-HASH
web-0   1/1     Running   0          1s    web-59b8f57
web-1   1/1     Running   0          20s   web-59b8f57
web-2   1/1     Running   0          9s    web-5c7f68bf87
$ kubectl rollout pause sts/web
error: statefulsets.apps "web" pausing is not supported
$ kubectl rollout resume sts/web
error: statefulsets.apps "web" resuming is not supported
$ kubectl rollout restart sts/web
statefulset.apps/web restarted
$ kubectl rollout status sts/web --watch=false
Waiting for 1 pods to be ready...
$ kubectl set image sts/web nginx=nginx:1.27
$ kubectl set image sts/web foo=nginx:1.27
error: unable to find container named "foo"
$ kubectl set image sts/web nginx=nginx:1.27 web=x
error: unable to find container named "web"
$ kubectl set image sts/web
error: at least one image update is required
$ kubectl rollout status pod/web-0
error: no status viewer has been implemented for Pod
$ kubectl rollout history pod/web-0
error: no history viewer has been implemented for "Pod"
