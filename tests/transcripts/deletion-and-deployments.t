$ kubectl apply -f fixtures/seed-004/fixed/headless-service.yaml -f fixtures/seed-004/fixed/web-stateful-set.yaml
service/nginx created
statefulset.apps/web-stateful-set created
$ kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 sts/web-stateful-set --timeout=60s
statefulset.apps/web-stateful-set condition met
$ kubectl delete pvc www-web-stateful-set-2 --wait=false
persistentvolumeclaim "www-web-stateful-set-2" deleted
$ kubectl get pvc www-web-stateful-set-2
NAME                     STATUS        VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
www-web-stateful-set-2   Terminating   pvc-1870eb51-0dfd-4284-9b80-ce9b63193ce5   1Gi        RWO            standard       <unset>                 4s
$ kubectl delete sts web-stateful-set
statefulset.apps "web-stateful-set" deleted
$ kubectl get pods -w
NAME                 READY   STATUS        RESTARTS   AGE
web-stateful-set-0   0/1     Terminating   0          20s
web-stateful-set-1   0/1     Terminating   0          13s
web-stateful-set-2   0/1     Terminating   0          6s
web-stateful-set-0   0/1     Terminating   0          21s
web-stateful-set-1   0/1     Terminating   0          14s
web-stateful-set-2   0/1     Terminating   0          7s
$ kubectl get pvc
NAME                     STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
www-web-stateful-set-0   Bound    pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Gi        RWO            standard       <unset>                 22s
www-web-stateful-set-1   Bound    pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Gi        RWO            standard       <unset>                 15s
$ kubectl apply -f fixtures/seed-004/fixed/web-stateful-set.yaml
statefulset.apps/web-stateful-set created
$ kubectl wait --for=condition=Ready pod/web-stateful-set-0 --timeout=60s
pod/web-stateful-set-0 condition met
$ kubectl delete sts web-stateful-set --cascade=orphan
statefulset.apps "web-stateful-set" deleted
$ kubectl get pods
NAME                 READY   STATUS    RESTARTS   AGE
web-stateful-set-0   1/1     Running   0          3s
web-stateful-set-1   1/1     Running   0          2s
web-stateful-set-2   0/1     Pending   0          1s
$ kubectl create deployment x --image=nginx
deployment.apps/x created
$ kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
EOF
deployment.apps/nginx created
$ sleep 10
$ kubectl get deploy,rs
NAME                    READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/nginx   3/3     3            3           12s
deployment.apps/x       1/1     1            1           13s

NAME                               DESIRED   CURRENT   READY   AGE
replicaset.apps/nginx-68bf9f694d   3         3         3       12s
replicaset.apps/x-747d98c996       1         1         1       13s
$ kubectl get pods -l app=web
NAME                     READY   STATUS    RESTARTS   AGE
nginx-68bf9f694d-4fsn2   1/1     Running   0          13s
nginx-68bf9f694d-96t9v   1/1     Running   0          13s
nginx-68bf9f694d-jbrm8   1/1     Running   0          13s
$ kubectl scale deploy nginx --replicas=1
deployment.apps/nginx scaled
$ kubectl get pods -l app=web
NAME                     READY   STATUS        RESTARTS   AGE
nginx-68bf9f694d-4fsn2   0/1     Terminating   0          15s
nginx-68bf9f694d-96t9v   0/1     Terminating   0          15s
nginx-68bf9f694d-jbrm8   1/1     Running       0          15s
