$ kubectl apply -f fixtures/seed-003/headlessService.yaml
service/nginx created
$ kubectl apply -f fixtures/seed-003/statefulset_withpvc.yaml
statefulset.apps/web created
$ sleep 30
$ sleep 1e400
kubetutor: sleep: at most 168h0m0s at a time in the sandbox
$ sleep 99999999999
kubetutor: sleep: at most 168h0m0s at a time in the sandbox
$ sleep 169h
kubetutor: sleep: at most 168h0m0s at a time in the sandbox
$ time
Mon, 03 Mar 2025 10:00:36 UTC (36s since the sandbox started; the cluster is 10m36s old)
$ kubectl get pods -o go-template='{{printf "%999999999d" 1}}'
error: error executing template "{{printf \"%999999999d\" 1}}": printf: widths and precisions over 65535 are not supported in the sandbox
$ kubectl get pods -o go-template='{{define "a"}}{{template "a"}}{{end}}{{template "a"}}'
error: error executing template "{{define \"a\"}}{{template \"a\"}}{{end}}{{template \"a\"}}": template "a" invokes itself: recursive templates are not supported in the sandbox
$ kubectl get pods -o jsonpath='{....................................}'
error: error executing jsonpath "{....................................}": Error executing template: kubetutor: the template visits more than 5000000 values (a sandbox limit). Printing more information for debugging the template:
	template was:
		{....................................}
	object given to jsonpath engine was:
		map[string]interface {}{"apiVersion":"v1", "items":[]interface {}{map[string]interface {}{"apiVersion":"v1", "kind":"Pod", "metadata":map[string]interface {}{"creationTimestamp":"2025-03-03T10:00:01Z", "labels":map[string]interface {}{"app":"nginx", "apps.kubernetes.io/pod-index":"0", "controller-revision-hash":"web-7f49674c6", "statefulset.kubernetes.io/pod-name":"web-0"}, "name":"web-0", "namespace":"default", "ownerReferences":[]interface {}{map[string]interface {}{"apiVersion":"apps/v1", "blockOwnerDeletion":true, "controller":true, "kind":"StatefulSet", "name":"web", "uid":"779bf8f6-10ac-46bf-ab3b-a90f2cf60adb"}}, "resourceVersion":"149", "uid":"aba12a7b-70e3-4103-9a11-ffb03933378f"}, "spec":map[string]interface {}{"containers":[]interface {}{map[string]interface {}{"image":"nginx:1.9.1", "imagePullPolicy":"IfNotPresent", "name":"nginx", "ports":[]interface {}{map[string]interface {}{"containerPort":80, "name":"web", "protocol":"TCP"}}, "resources":map[string]interface {}{}, "terminationMessagePath":"/dev/termination-log", "terminationMessagePolicy":"File", "volumeMounts":[]interface {}{map[string]interface {}{"mountPath":"/usr/share/nginx/html", "name":"www"}, map[string]interface {}{"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount", "name":"kube-api-access-zdrgz", "readOnly":true}}}}, "dnsPolicy":"ClusterFirst", "enableServiceLinks":true, "hostname":"web-0", "nodeName":"kind-worker2", "preemptionPolicy":"PreemptLowerPriority", "priority":0, "restartPolicy":"Always", "schedulerName":"default-scheduler", "securityContext":map[string]interface {}{}, "serviceAccount":"default", "serviceAccountName":"default", "subdomain":"nginx", "terminationGracePeriodSeconds":30, "tolerations":[]interface {}{map[string]interface {}{"effect":"NoExecute", "key":"node.kubernetes.io/not-ready", "operator":"Exists", "tolerationSeconds":300}, map[string]interface {}{"effect":"NoExecute", "key":"node.kubernetes.io/unreachable", "operator":"Exists", "tolerationSeconds":300}}, "volumes":[]interface {}{map[string]interface {}{"name":"www", "persistentVolumeClaim":map[string]interface {}{"claimName":"www-web-0"}}, map[string]interface {}{"name":"kube-api-access-zdrgz", "projected":map[string]interface {}{"defaultMode":420, "sources":[]interface {}{map[string]interface {}{"serviceAccountToken":map[string]interface {}{"expirationSeconds":3607, "path":"token"}}, map[string]interface {}{"configMap":map[string]interface {}{"items":[]interface {}{map[string]interface {}{"key":"ca.crt", "path":"ca.crt"}}, "name":"kube-root-ca.crt"}}, map[string]interface {}{"downwardAPI":map[string]interface {}{"items":[]interface {}{map[string]interface {}{"fieldRef":map[string]interface {}{"apiVersion":"v1", "fieldPath":"metadata.namespace"}, "path":"namespace"}}}}}}}}}, "status":map[string]interface {}{"conditions":[]interface {}{map[string]interface {}{"lastTransitionTime":"2025-03-03T10:00:08Z", "status":"True", "type":"PodReadyToStartContainers"}, map[string]interface {}{"lastTransitionTime":"2025-03-03T10:00:03Z", "status":"True", "type":"Initialized"}, map[string]interface {}{"lastTransitionTime":"2025-03-03T10:00:08Z", "status":"True", "type":"Ready"}, map[string]interface {}{"lastTransitionTime":"2025-03-03T10:00:08Z", "status":"True", "type":"ContainersReady"}, map[string]interface {}{"lastTransitionTime":"2025-03-03T10:00:03Z", "status":"True", "type":"PodScheduled"}}, "containerStatuses":[]interface {}{map[string]interface {}{"containerID":"containerd://6e4cb08f51d9f1bd492930c6cdb32ffc990d7ff24dee385e8a92d9a350614eec", "image":"docker.io/library/nginx:1.9.1", "imageID":"docker.io/library/nginx@sha256:a12af411a02af27e9f2af0eb9e2aef58a52afa5da42af8caa32af737a22af5a4", "name":"nginx", "ready":true, "restartCount":0, "started":true, "state":map[string]interface {}{"running":map[string]interface {}{"startedAt":"2025-03-03T10:00:08Z"}}}}, "hostIP":"172.18.0.4", "hostIPs":[]interface {}{map[string]interface {}{"ip":"172.18.0.4"}}, "phase":"Running", "podIP":"10.244.2.3", "podIPs":[]interface {}{map[string]interface {}{"ip":"10.244.2.3"}}, "qosClass":"BestEffort", "startTime":"2025-03-03T10:00:03Z"}}, map[string]interface {}{"apiVersion":"v1", "kind":"Pod", "metadata":map[string]interface {}{"creationTimestamp":"2025-03-03T10:00:08Z", "labels":map[string]interface {}{"app":"nginx", "apps.kubernetes.io/pod-index":"1", "controller-revision-hash":"web-7f49674c6", "statefulset.kubernetes.io/pod-name":"web-1"}, "name":"web-1", "namespace":"default", "ownerReferences":[]interface {}{map[string]interface {}{"apiVersion":"apps/v1", "blockOwnerDeletion":true, "controller":true, "kind":"StatefulSet", "name":"web", "uid":"779bf8f6-10ac-46bf-ab3b-a90f2cf60adb"}}, "resourceVersion":"174", "uid":"47500202-a63d-4b68-91f5-070d524a7cbe"}, "spec":map[string]interface {}{"containers":[]interface {}{map[string]interface {}{"image":"nginx:1.9.1", "imagePullPolicy":"IfNotPresent", "name":"nginx", "ports":[]interface {}{map[string]interface {}{"containerPort":80, "name":"web", "protocol":"TCP"}}, "resources":map[string]interface {}{}, "terminationMessagePath":"/dev/termination-log", "terminationMessagePolicy":"File", "volumeMounts":[]interface {}{map[string]interface {}{"mountPath":"/usr/share/nginx/html", "name":"www"}, map[string]interface {}{"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount", "name":"kube-api-access-5bcgl", "readOnly":true}}}}, "dnsPolicy":"ClusterFirst", "enableServiceLinks":true, "hostname":"web-1", "nodeName":"kind-worker", "preemptionPolicy":"PreemptLowerPriority", "priority":0, "restartPolicy":"Always", "schedulerName":"default-scheduler", "securityContext":map[string]interface {}{}, "serviceAccount":"default", "serviceAccountName":"default", "subdomain":"nginx", "terminationGracePeriodSeconds":30, "tolerations":[]interface {}{map[string]interface {}{"effect":"NoExecute", "key":"node.kubernetes.io/not-ready", "operator":"Exists", "tolerationSeconds":300}, map[string]interface {}{"effect":"NoExecute", "key":"node.kubernetes.io/unreachable", "operator":"Exists", "tolerationSeconds":300}}, "volumes":[]interface {}{map[string]interface {}{"name":"www", "persistentVolumeClaim":map[string]interface {}{"claimName":"www-web-1"}}, map[string]interface {}{"name":"kube-api-access-5bcgl", "projected":map[string]interface {}{"defaultMode":420, "sources":[]interface {}{map[string]interface {}{"serviceAccountToken":map[string]interface {}{"expirationSeconds":3607, "path":"token"}}, map[string]interface {}{"configMap":map[string]interface {}{"items":[]interface {}{map[string]interface {}{"key":"ca.crt", "path":"ca.crt"}}, "name":"kube-root-ca.crt"}}, map[string]interface {}{"downwardAPI":map[string]interface {}{"items":[]interface {}{map[string]interface {}{"fieldRef":map[string]interface {}{"apiVersion":"v1", "fieldPath":"metadata.namespace"}, "path":"namespace"}}}}}}}}}, "status":map[string]interface {}{"conditions":[]interface {}{map[string]interface {}{"lastTransitionTime":"2025-03-03T10:00:15Z", "status":"True", "type":"PodReadyToStartContainers"}, map[string]interface {}{"lastTransitionTime":"2025-03-03T10:00:10Z", "status":"True", "type":"Initialized"}, map[string]interface {}{"lastTransitionTime":"2025-03-03T10:00:15Z", "status":"True", "type":"Ready"}, map[string]interface {}{"lastTransitionTime":"2025-03-03T10:00:15Z", "status":"True", "type":"ContainersReady"}, map[string]interface {}{"lastTransitionTime":"2025-03-03T10:00:10Z", "status":"True", "type":"PodScheduled"}}, "containerStatuses":[]interface {}{map[string]interface {}{"containerID":"containerd://4c959c3ef4232d19870781dad246aef0e3728aa5bcf8d2bb5458bad94aff998d", "image":"docker.io/library/nginx:1.9.1", "imageID":"docker.io/library/nginx@sha256:a12af411a02af27e9f2af0eb9e2aef58a52afa5da42af8caa32af737a22af5a4", "name":"nginx", "ready":true, "restartCount":0, "started":true, "state":map[string]interface {}{"running":map[string]interface {}{"startedAt":"2025-03-03T10:00:15Z"}}}}, "hostIP":"172.18.0.3", "hostIPs":[]interface {}{map[string]interface {}{"ip":"172.18.0.3"}}, "phase":"Running", "podIP":"10.244.1.4", "podIPs":[]interface {}{map[string]interface {}{"ip":"10.244.1.4"}}, "qosClass":"BestEffort", "startTime":"2025-03-03T10:00:10Z"}}}, "kind":"List", "metadata":map[string]interface {}{"resourceVersion":""}}
$ printf '%.*f\n' 999999999 1
bash: printf: field widths and precisions over 65535 are not supported in the sandbox
$ echo hi | head -é
head: invalid option -- 'é'
Try 'head --help' for more information.
$ cat /dev/zero
cat: /dev/zero: Permission denied
$ kubectl delete pod web-0 --grace-period=9223372036854775807 --wait=false
pod "web-0" deleted
$ kubectl get pods
NAME    READY   STATUS        RESTARTS   AGE
web-0   0/1     Terminating   0          43s
web-1   1/1     Running       0          35s
$ kubectl patch sts web -p '{"spec":{"ordinals":{"start":2147483647}}}'
The StatefulSet "web" is invalid: spec.ordinals.start: Invalid value: 2147483647: must be less than or equal to 1000000 (a kubetutor sandbox limit; real clusters accept more)
$ kubectl get pods -w --request-timeout=99999999999999999999
NAME    READY   STATUS    RESTARTS   AGE
web-0   1/1     Running   0          1s
web-1   1/1     Running   0          37s
$ break pod web-1 crashloop
pod/web-1 broken: its process now crashes at every start
$ kubectl wait --for=condition=Ready pod/web-1 --timeout=100000h
error: timed out waiting for the condition on pods/web-1
$ time
Mon, 10 Mar 2025 10:00:49 UTC (168h0m49s since the sandbox started; the cluster is 168h10m49s old)
$ kubectl apply -f /dev/null
error: no objects passed to apply
$ kubectl create -f /dev/null
error: no objects passed to create
$ kubectl delete -f /dev/null
No resources found
$ kubectl apply -f /dev/zero
error: read /dev/zero: not a regular file (the sandbox reads only files)
