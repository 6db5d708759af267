$ kubectl apply -f fixtures/seed-003/headlessService.yaml
service/nginx created
$ kubectl create -f fixtures/seed-003/statefulset_withpvc.yaml
statefulset.apps/web created
$ kubectl get pods -w -l app=nginx
NAME    READY   STATUS    RESTARTS   AGE
web-0   0/1     Pending   0          1s
web-0   0/1     Pending   0          2s
web-0   0/1     ContainerCreating   0          2s
web-0   1/1     Running             0          7s
web-1   0/1     Pending             0          0s
web-1   0/1     Pending             0          2s
web-1   0/1     ContainerCreating   0          2s
web-1   1/1     Running             0          7s
$ kubectl run -i --tty --image busybox:1.28.4 dns-test --restart=Never --rm /bin/sh
If you don't see a command prompt, try pressing enter.
/ # nslookup web-o.nginx
Server:    10.96.0.10
Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

nslookup: can't resolve 'web-o.nginx'

tutor: `web-o.nginx` does not resolve: no ready pod has that name under this Service. Did you mean `web-0.nginx`?
/ # nslookup web-0.nginx
Server:    10.96.0.10
Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

Name:      web-0.nginx
Address 1: 10.244.2.3 web-0.nginx.default.svc.cluster.local

/ # nslookup web-1.nginx
Server:    10.96.0.10
Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local

Name:      web-1.nginx
Address 1: 10.244.1.4 web-1.nginx.default.svc.cluster.local

/ # exit
pod "dns-test" deleted
$ kubectl get pvc -l app=nginx
NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
www-web-0   Bound    pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Gi        RWO            standard       <unset>                 24s
www-web-1   Bound    pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Gi        RWO            standard       <unset>                 17s
$ kubectl get pvc
NAME        STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
www-web-0   Bound    pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Gi        RWO            standard       <unset>                 25s
www-web-1   Bound    pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Gi        RWO            standard       <unset>                 18s
$ kubectl get pv
NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM               STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Gi        RWO            Delete           Bound    default/www-web-1   standard       <unset>                          17s
pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Gi        RWO            Delete           Bound    default/www-web-0   standard       <unset>                          24s
$ for i in 0 1; do kubectl exec web-$i -- sh -c 'echo hello $(hostname) > /usr/share/nginx/html/index.html'; done
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
web-0   1/1     Running   0          28s
web-1   1/1     Running   0          21s
$ kubectl exec -it web-0 -- sh
# cat /usr/share/nginx/html/index.html
hello web-0
# curl -s localhost
hello web-0
# exit
$ kubectl delete pod -l app=nginx
pod "web-0" deleted
pod "web-1" deleted
$ kubectl get pod -w -l app=nginx
NAME    READY   STATUS              RESTARTS   AGE
web-0   1/1     Running             0          1s
web-1   0/1     ContainerCreating   0          0s
web-1   1/1     Running             0          0s
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
web-0   1/1     Running   0          2s
web-1   1/1     Running   0          1s
$ kubectl exec -it web-0 -- sh
# cat /usr/share/nginx/html/index.html
hello web-0
# exit
$ kubectl exec -it web-1 -- sh
# cat /usr/share/nginx/html/index.html
hello web-1
# exit
