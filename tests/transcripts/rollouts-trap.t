$ kubectl apply -f tests/transcripts/rollouts.d/web.yaml
service/nginx created
statefulset.apps/web created
$ kubectl rollout status sts/web
Waiting for 3 pods to be ready...
Waiting for 2 pods to be ready...
Waiting for 1 pods to be ready...
partitioned roll out complete: 3 new pods have been updated...
$ kubectl set image sts/web nginx=NGINX:broken
statefulset.apps/web image updated
$ sleep 60
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS             RESTARTS   AGE   CONTROLLER-REVISION-HASH
web-0   1/1     Running            0          73s   web-59b8f57
web-1   1/1     Running            0          68s   web-59b8f57
web-2   0/1     InvalidImageName   0          60s   web-6cf7b55446
tutor: the kubelet cannot pull image `NGINX:broken` for `web-2`: check its name and tag. After fixing the template, the pod is replaced with the new image.
$ kubectl rollout status sts/web --timeout=20s
Waiting for 1 pods to be ready...
error: timed out waiting for the condition
$ kubectl set image sts/web nginx=nginx:1.26
statefulset.apps/web image updated
$ sleep 30
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS             RESTARTS   AGE    CONTROLLER-REVISION-HASH
web-0   1/1     Running            0          2m7s   web-59b8f57
web-1   1/1     Running            0          2m2s   web-59b8f57
web-2   0/1     InvalidImageName   0          114s   web-6cf7b55446
tutor: the kubelet cannot pull image `NGINX:broken` for `web-2`: check its name and tag. After fixing the template, the pod is replaced with the new image.
$ kubectl delete pod web-2
pod "web-2" deleted
$ kubectl rollout status sts/web --timeout=2m
Waiting for 1 pods to be ready...
Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated...
Waiting for 1 pods to be ready...
Waiting for 1 pods to be ready...
Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated...
Waiting for 1 pods to be ready...
Waiting for 1 pods to be ready...
partitioned roll out complete: 3 new pods have been updated...
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS    RESTARTS   AGE   CONTROLLER-REVISION-HASH
web-0   1/1     Running   0          1s    web-5d87d9648d
web-1   1/1     Running   0          8s    web-5d87d9648d
web-2   1/1     Running   0          14s   web-5d87d9648d
$ kubectl edit sts/web
kubetutor: not simulated: kubectl edit opens no editor here (no host process is ever started). Give the saved file on stdin instead: kubectl edit TYPE/NAME <<EOF ... EOF (see `kubectl get TYPE/NAME -o yaml` for the text to start from)
$ kubectl get sts web -o yaml > live.yaml
$ kubectl edit sts web < live.yaml
Edit cancelled, no changes made.
$ kubectl edit sts/web <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  updateStrategy:
    type: OnDelete
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
        image: nginx:1.27
EOF
statefulset.apps/web edited
$ kubectl rollout status sts/web
error: rollout status is only available for RollingUpdate strategy type
$ sleep 30
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS    RESTARTS   AGE   CONTROLLER-REVISION-HASH
web-0   1/1     Running   0          38s   web-5d87d9648d
web-1   1/1     Running   0          45s   web-5d87d9648d
web-2   1/1     Running   0          51s   web-5d87d9648d
$ kubectl delete pod web-1
pod "web-1" deleted
$ kubectl get pods -L controller-revision-hash
NAME    READY   STATUS              RESTARTS   AGE   CONTROLLER-REVISION-HASH
web-0   1/1     Running             0          42s   web-5d87d9648d
web-1   0/1     ContainerCreating   0          1s    web-5c7f68bf87
web-2   1/1     Running             0          54s   web-5d87d9648d
$ kubectl delete sts web
statefulset.apps "web" deleted
$ kubectl apply -f tests/transcripts/rollouts.d/web-claims.yaml
statefulset.apps/web created
$ kubectl rollout status sts/web
Waiting for 3 pods to be ready...
Waiting for 2 pods to be ready...
Waiting for 1 pods to be ready...
partitioned roll out complete: 3 new pods have been updated...
$ kubectl get pvc -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].kind
NAME        OWNER
www-web-0   StatefulSet
www-web-1   StatefulSet
www-web-2   StatefulSet
$ kubectl scale sts web --replicas=1
statefulset.apps/web scaled
$ sleep 30
$ kubectl get pvc -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].kind
NAME        OWNER
www-web-0   StatefulSet
$ kubectl delete sts web
statefulset.apps "web" deleted
$ sleep 30
$ kubectl get pvc
No resources found in default namespace.
$ kubectl create deployment d --image=nginx:1.25 --replicas=2
deployment.apps/d created
$ kubectl rollout status deploy/d
deployment "d" successfully rolled out
$ kubectl set image deploy/d nginx=nginx:1.26
deployment.apps/d image updated
$ kubectl rollout status deploy/d
Waiting for deployment "d" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "d" rollout to finish: 1 old replicas are pending termination...
deployment "d" successfully rolled out
$ kubectl rollout history deploy/d
deployment.apps/d 
REVISION  CHANGE-CAUSE
1         <none>
2         <none>

$ kubectl rollout undo deploy/d
deployment.apps/d rolled back
$ kubectl rollout undo deploy/d --to-revision=9
error: unable to find specified revision 9 in history
$ kubectl rollout pause deploy/d
deployment.apps/d paused
