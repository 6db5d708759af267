$ kubectl apply -f fixtures/seed-001/fixed/kubia-service.yaml
service/kubia created
$ kubectl apply -f fixtures/seed-001/fixed/kubia-stateful.yaml
statefulset.apps/kubia created
$ kubectl get pods
NAME      READY   STATUS    RESTARTS   AGE
kubia-0   0/1     Pending   0          1s
$ sleep 20
$ kubectl get pods
NAME      READY   STATUS              RESTARTS   AGE
kubia-0   1/1     Running             0          23s
kubia-1   0/1     ContainerCreating   0          4s
$ kubectl get pvc
NAME           STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
data-kubia-0   Bound    pvc-d8592694-3afa-416d-bf92-f975a7aed585   1Mi        RWO            standard       <unset>                 24s
data-kubia-1   Bound    pvc-af93855e-2feb-4ef9-86c0-ff93567dd814   1Mi        RWO            standard       <unset>                 5s
$ kubectl exec kubia-0 -- curl -s localhost:8080
You've hit kubia-0
Data stored on this pod: No data posted yet
$ kubectl exec kubia-0 -- curl -s -X POST -d "Hey there! This greeting was submitted to kubia-0." localhost:8080
Data stored on pod kubia-0
$ kubectl exec kubia-0 -- curl -s localhost:8080
You've hit kubia-0
Data stored on this pod: Hey there! This greeting was submitted to kubia-0.
$ sleep 10
$ kubectl exec kubia-0 -- curl -s kubia-1.kubia:8080
You've hit kubia-1
Data stored on this pod: No data posted yet
$ kubectl delete pod kubia-0
pod "kubia-0" deleted
$ kubectl get pods -w
NAME      READY   STATUS              RESTARTS   AGE
kubia-0   0/1     ContainerCreating   0          1s
kubia-1   1/1     Running             0          53s
kubia-0   1/1     Running             0          1s
$ kubectl exec kubia-0 -- curl -s localhost:8080
You've hit kubia-0
Data stored on this pod: Hey there! This greeting was submitted to kubia-0.
$ kubectl run -i --rm --restart=Never client --image=busybox:1.28 -- wget -qO- kubia-0.kubia:8080
If you don't see a command prompt, try pressing enter.
You've hit kubia-0
Data stored on this pod: Hey there! This greeting was submitted to kubia-0.
pod "client" deleted
