$ kubectl apply -f fixtures/seed-004/as-written/headless-service.yaml
service/nginx created
$ kubectl apply -f fixtures/seed-004/as-written/web-stateful-set.yaml
statefulset.apps/web-stateful-set created
tutor: StatefulSet `web-stateful-set` names serviceName `nginx-headerless-service`, but no Service `nginx-headerless-service` exists: the pods run, yet names like `web-stateful-set-0.nginx-headerless-service` will not resolve. Create a headless Service (clusterIP: None) named `nginx-headerless-service`, or fix serviceName.
$ kubectl get pods -w
NAME                 READY   STATUS    RESTARTS   AGE
web-stateful-set-0   0/1     Pending   0          1s
web-stateful-set-0   0/1     Pending   0          2s
web-stateful-set-0   0/1     ContainerCreating   0          2s
web-stateful-set-0   1/1     Running             0          7s
web-stateful-set-1   0/1     Pending             0          0s
web-stateful-set-1   0/1     Pending             0          2s
web-stateful-set-1   0/1     ContainerCreating   0          2s
web-stateful-set-1   1/1     Running             0          7s
web-stateful-set-2   0/1     Pending             0          0s
web-stateful-set-2   0/1     Pending             0          2s
web-stateful-set-2   0/1     ContainerCreating   0          2s
web-stateful-set-2   1/1     Running             0          2s
$ kubectl get pvc
NAME                     STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
www-web-stateful-set-0   Bound    pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Gi        RWO            standard       <unset>                 17s
www-web-stateful-set-1   Bound    pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Gi        RWO            standard       <unset>                 10s
www-web-stateful-set-2   Bound    pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5   1Gi        RWO            standard       <unset>                 3s
$ kubectl get pv
NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                            STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5   1Gi        RWO            Delete           Bound    default/www-web-stateful-set-2   standard       <unset>                          2s
pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Gi        RWO            Delete           Bound    default/www-web-stateful-set-1   standard       <unset>                          9s
pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Gi        RWO            Delete           Bound    default/www-web-stateful-set-0   standard       <unset>                          16s
$ kubectl get sts
NAME               READY   AGE
web-stateful-set   3/3     19s
$ kubectl get sts web-stateful-set -o wide
NAME               READY   AGE   CONTAINERS   IMAGES
web-stateful-set   3/3     20s   nginx        nginx:1.25
$ kubectl delete pod web-stateful-set-1
pod "web-stateful-set-1" deleted
$ kubectl get pods -o wide
NAME                 READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES
web-stateful-set-0   1/1     Running   0          24s   10.244.2.3   kind-worker2   <none>           <none>
web-stateful-set-1   1/1     Running   0          1s    10.244.1.5   kind-worker    <none>           <none>
web-stateful-set-2   1/1     Running   0          10s   10.244.2.4   kind-worker2   <none>           <none>
$ kubectl get pvc www-web-stateful-set-1
NAME                     STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
www-web-stateful-set-1   Bound    pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Gi        RWO            standard       <unset>                 18s
$ kubectl scale sts web-stateful-set --replicas=1
statefulset.apps/web-stateful-set scaled
$ kubectl get pods -w
NAME                 READY   STATUS        RESTARTS   AGE
web-stateful-set-0   1/1     Running       0          27s
web-stateful-set-1   1/1     Running       0          4s
web-stateful-set-2   0/1     Terminating   0          13s
web-stateful-set-2   0/1     Terminating   0          13s
web-stateful-set-1   1/1     Terminating   0          4s
web-stateful-set-1   0/1     Terminating   0          5s
web-stateful-set-1   0/1     Terminating   0          5s
$ kubectl get pvc
NAME                     STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
www-web-stateful-set-0   Bound    pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Gi        RWO            standard       <unset>                 29s
www-web-stateful-set-1   Bound    pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Gi        RWO            standard       <unset>                 22s
www-web-stateful-set-2   Bound    pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5   1Gi        RWO            standard       <unset>                 15s
$ kubectl get pods,svc,sts
NAME                     READY   STATUS    RESTARTS   AGE
pod/web-stateful-set-0   1/1     Running   0          30s

NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10m
service/nginx        ClusterIP   None         <none>        80/TCP    31s

NAME                                READY   AGE
statefulset.apps/web-stateful-set   1/1     30s
