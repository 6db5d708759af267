$ kubectl apply -f fixtures/seed-004/fixed/headless-service.yaml -f fixtures/seed-004/fixed/web-stateful-set.yaml
service/nginx created
statefulset.apps/web-stateful-set created
$ kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 sts/web-stateful-set --timeout=60s
statefulset.apps/web-stateful-set condition met
$ kubectl delete sts web-stateful-set --cascade=foreground --wait=false
statefulset.apps "web-stateful-set" deleted
$ kubectl get sts,pods
NAME                                READY   AGE
statefulset.apps/web-stateful-set   0/3     18s

NAME                     READY   STATUS        RESTARTS   AGE
pod/web-stateful-set-0   0/1     Terminating   0          18s
pod/web-stateful-set-1   0/1     Terminating   0          11s
pod/web-stateful-set-2   0/1     Terminating   0          4s
$ sleep 5
$ kubectl get sts,pods
No resources found in default namespace.
$ kubectl get pvc
NAME                     STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
www-web-stateful-set-0   Bound    pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Gi        RWO            standard       <unset>                 26s
www-web-stateful-set-1   Bound    pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Gi        RWO            standard       <unset>                 19s
www-web-stateful-set-2   Bound    pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5   1Gi        RWO            standard       <unset>                 12s
$ kubectl apply -f fixtures/seed-004/fixed/web-stateful-set.yaml
statefulset.apps/web-stateful-set created
$ kubectl wait --for=condition=Ready pod/web-stateful-set-0 --timeout=60s
pod/web-stateful-set-0 condition met
$ kubectl delete sts web-stateful-set --cascade=foreground
statefulset.apps "web-stateful-set" deleted
$ kubectl get sts,pods
No resources found in default namespace.
$ kubectl create deployment api --image=nginx:1.25 --replicas=2
deployment.apps/api created
$ kubectl rollout status deployment/api --timeout=60s
deployment "api" successfully rolled out
$ kubectl delete deployment api --cascade=foreground --wait=false
deployment.apps "api" deleted
$ kubectl get deploy,rs,pods
NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/api   0/2     0            0           3s

NAME                             DESIRED   CURRENT   READY   AGE
replicaset.apps/api-5979c5c474   2         0         0       3s

NAME                       READY   STATUS        RESTARTS   AGE
pod/api-5979c5c474-lbxz9   0/1     Terminating   0          3s
pod/api-5979c5c474-v45gm   0/1     Terminating   0          3s
$ sleep 5
$ kubectl get deploy,rs,pods
No resources found in default namespace.
