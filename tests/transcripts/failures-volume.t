$ cat <<EOF > web.yaml
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
---
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
      - name: shell
        image: busybox:1.36
        command: ["sleep", "infinity"]
        volumeMounts:
        - name: www
          mountPath: /data
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
service/nginx created
statefulset.apps/web created
$ kubectl wait --for=condition=Ready pod/web-0 --timeout=60s
pod/web-0 condition met
$ kubectl exec web-0 -c shell -- sh -c 'echo hello > /data/before; df -h /data'
Filesystem           Size           Used Available Use% Mounted on
/dev/sda1                 1.0G      1.0K   1024.0M   1% /data
$ break pod web-0 fill
pod/web-0 broken: its volume www (claim www-web-0) is full: writes to it fail with "No space left on device"
$ break pod web-0 fill
break: its volume www (claim www-web-0) is already full
$ break pod web-0 fill nope
break: pod web-0 has no volume nope to fill (it has: www)
$ kubectl exec web-0 -c shell -- sh -c 'echo hello > /data/x'
sh: write error: No space left on device
command terminated with exit code 1
$ echo $?
1
$ kubectl exec web-0 -c shell -- sh -c 'printf hi > /data/y; echo $?; ls -l /data; df -h /data; mkdir /data/d; cat /data/before > /data/z'
1
total 4
-rw-r--r--    1 root     root             6 Mar  3 10:00 before
-rw-r--r--    1 root     root             0 Mar  3 10:00 x
-rw-r--r--    1 root     root             0 Mar  3 10:00 y
Filesystem           Size           Used Available Use% Mounted on
/dev/sda1                 1.0G      1.0G         0 100% /data
mkdir: can't create directory '/data/d': No space left on device
cat: write error: No space left on device
command terminated with exit code 1
$ kubectl exec web-0 -c nginx -- sh -c 'echo hello > /usr/share/nginx/html/x; df -h /usr/share/nginx/html'
sh: 1: echo: echo: I/O error
Filesystem      Size  Used Avail Use% Mounted on
/dev/sda1       1.0G  1.0G     0 100% /usr/share/nginx/html
$ kubectl exec web-0 -c nginx -- bash -c 'echo hello > /usr/share/nginx/html/x'
bash: line 1: echo: write error: No space left on device
command terminated with exit code 1
$ kubectl delete pod web-0
pod "web-0" deleted
$ kubectl wait --for=condition=Ready pod/web-0 --timeout=60s
pod/web-0 condition met
$ kubectl exec web-0 -c shell -- sh -c 'echo again > /data/x'
sh: write error: No space left on device
command terminated with exit code 1
$ heal pod web-0
pod/web-0 healed
$ kubectl exec web-0 -c shell -- sh -c 'echo again > /data/x && cat /data/x; df -h /data'
again
Filesystem           Size           Used Available Use% Mounted on
/dev/sda1                 1.0G      1.0K   1024.0M   1% /data
