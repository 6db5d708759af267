$ kubectl apply -f fixtures/seed-003/headlessService.yaml
service/nginx created
$ kubectl create -f fixtures/seed-003/statefulset_withpvc.yaml
statefulset.apps/web created
$ kubectl exec web-0 -- ls
Error from server (BadRequest): pod web-0 does not have a host assigned
tutor: pod `web-0` is not on a node yet (Pending), so there is no container to enter. Wait for Running (`kubectl get pod web-0 -w`); `why pod/web-0` says what it waits for.
$ kubectl logs web-0
Error from server (BadRequest): container "nginx" in pod "web-0" is waiting to start: ContainerCreating
$ sleep 30
$ kubectl exec web-9 -- ls
Error from server (NotFound): pods "web-9" not found
tutor: StatefulSet `web` has 2 replicas, so its pods are numbered 0 to 1: there is no `web-9`. Scale up to get it (`kubectl scale sts web --replicas=N`).
$ kubectl exec web-0 ls /
error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead
See 'kubectl exec -h' for help and examples
$ kubectl exec web-0
error: you must specify at least one command for the container
$ kubectl exec web-0 -c nope -- ls
Error from server (BadRequest): container nope is not valid for pod web-0
$ kubectl exec web-0 -- nslookup web-1.nginx
error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "d622c8b7c7a22e1906d0616a296ebcd54b365fb41d040770fafd019199a97380": OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown
$ kubectl exec web-0 -- /bin/bash -c 'exit 3'
command terminated with exit code 3
$ kubectl exec web-0 -- sh -c 'ls /usr/share/nginx/html; cat /etc/hostname; hostname -f'
web-0
web-0.nginx.default.svc.cluster.local
$ kubectl exec web-0 -- cat /etc/resolv.conf
search default.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
$ kubectl exec web-0 -- getent hosts web-1.nginx
10.244.1.4      web-1.nginx.default.svc.cluster.local
$ kubectl exec sts/web -- hostname
web-0
$ kubectl exec web-1 -- curl -s web-0.nginx/missing.html
<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/1.27.4</center>
</body>
</html>
$ kubectl logs web-0
/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration
/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/
/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh
10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf
10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf
/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh
/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh
/docker-entrypoint.sh: Configuration complete; ready for start up
2025/03/03 10:00:08 [notice] 1#1: using the "epoll" event method
2025/03/03 10:00:08 [notice] 1#1: nginx/1.27.4
2025/03/03 10:00:08 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) 
2025/03/03 10:00:08 [notice] 1#1: OS: Linux 6.8.0-1021-gcp
2025/03/03 10:00:08 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576
2025/03/03 10:00:08 [notice] 1#1: start worker processes
2025/03/03 10:00:08 [notice] 1#1: start worker process 29
2025/03/03 10:00:08 [notice] 1#1: start worker process 30
2025/03/03 10:00:08 [notice] 1#1: start worker process 31
2025/03/03 10:00:08 [notice] 1#1: start worker process 32
2025/03/03 10:00:08 [notice] 1#1: start worker process 33
2025/03/03 10:00:08 [notice] 1#1: start worker process 34
2025/03/03 10:00:08 [notice] 1#1: start worker process 35
2025/03/03 10:00:08 [notice] 1#1: start worker process 36
2025/03/03 10:00:45 [error] 29#29: *1 open() "/usr/share/nginx/html/missing.html" failed (2: No such file or directory), client: 10.244.1.4, server: localhost, request: "GET /missing.html HTTP/1.1", host: "web-0.nginx"
10.244.1.4 - - [03/Mar/2025:10:00:45 +0000] "GET /missing.html HTTP/1.1" 404 153 "-" "curl/7.88.1" "-"
$ kubectl logs web-0 --previous
Error from server (BadRequest): previous terminated container "nginx" in pod "web-0" not found
$ kubectl logs web-0 -c nope
Error from server (BadRequest): container nope is not valid for pod web-0
$ kubectl run pause --image=registry.k8s.io/pause:3.10
pod/pause created
$ sleep 10
$ kubectl exec pause -- sh
error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "d70f694671d5cec0a7605e367ec5fd25e7f2c7ef518d3adc04cf7f57e9890530": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown
$ kubectl run x --image=busybox -t
error: -i/--stdin is required for containers with -t/--tty=true
See 'kubectl run -h' for help and examples
$ kubectl run x --image=busybox --rm
error: --rm should only be used for attached containers
See 'kubectl run -h' for help and examples
$ kubectl run -i --rm --restart=Never fail --image=busybox:1.28 -- sh -c 'echo bye; exit 4'
If you don't see a command prompt, try pressing enter.
bye
pod "fail" deleted
pod default/fail terminated (Error)
$ kubectl run web-0 --image=nginx
Error from server (AlreadyExists): pods "web-0" already exists
$ kubectl run -it --rm --restart=Never shell --image=busybox:1.28 -- sh
If you don't see a command prompt, try pressing enter.
/ # cd /etc
/etc # pwd
/etc
/etc # for n in 0 1; do nslookup web-$n.nginx | tail -2; done
Address 1: 10.244.2.3 web-0.nginx.default.svc.cluster.local

Address 1: 10.244.1.4 web-1.nginx.default.svc.cluster.local

/etc # ping -c 1 web-0.nginx
PING web-0.nginx (10.244.2.3): 56 data bytes
64 bytes from 10.244.2.3: seq=0 ttl=63 time=0.104 ms

--- web-0.nginx ping statistics ---
1 packets transmitted, 1 packets received, 0% packet loss
round-trip min/avg/max = 0.104/0.104/0.104 ms
/etc # wget -qO- web-0.nginx
wget: server returned error: HTTP/1.1 403 Forbidden
/etc # exit 2
pod "shell" deleted
pod default/shell terminated (Error)
$ kubectl get pods
NAME    READY   STATUS    RESTARTS   AGE
pause   1/1     Running   0          31s
web-0   1/1     Running   0          79s
web-1   1/1     Running   0          72s
