$ kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
EOF
The StatefulSet "web" is invalid: 
* spec.selector: Required value
* spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`
tutor: a StatefulSet must say which pods are its own: add `spec.selector.matchLabels` with the template's labels (app: nginx).
$ kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
EOF
The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`
tutor: every label in `spec.selector.matchLabels` must also be in `spec.template.metadata.labels` (app: nginx), or the controller could not find the pods it creates.
$ kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: Web_1
spec:
  replicas: -1
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
        image: nginx:1.25
EOF
The StatefulSet "Web_1" is invalid: 
* metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')
* spec.replicas: Invalid value: -1: must be greater than or equal to 0
$ kubectl apply -f - <<EOF
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
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
        image: nginx:1.25
        volumeMounts:
        - name: data
          mountPath: /data
EOF
statefulset.apps/web created
tutor: StatefulSet `web` was created, but its template mounts `data`, which no volume or volumeClaimTemplate defines: every pod it builds is refused (see `kubectl describe sts web`). Add a claim template named `data`, or fix the mount's name.
$ sleep 5
$ kubectl get pods
No resources found in default namespace.
$ kubectl describe sts web
Name:               web
Namespace:          default
CreationTimestamp:  Mon, 03 Mar 2025 10:00:03 +0000
Selector:           app=nginx
Labels:             <none>
Annotations:        <none>
Replicas:           2 desired | 0 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        0 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:        nginx:1.25
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:
      /data from data (rw)
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:     <none>
Events:
  Type     Reason        Age               From                    Message
  ----     ------        ----              ----                    -------
  Warning  FailedCreate  2s (x10 over 8s)  statefulset-controller  create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "data"
tutor: the StatefulSet controller cannot create the pods of `web`: the apiserver refuses the pod its template builds (the FailedCreate event says why). Fix the template and apply it again.
$ kubectl patch sts web -p '{"spec":{"serviceName":"other"}}'
The StatefulSet "web" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden
tutor: after creation a StatefulSet only lets you change replicas, template, updateStrategy and a few more; serviceName, selector and volumeClaimTemplates are fixed. To change them, delete `web` (`kubectl delete sts web --cascade=orphan` keeps its pods and claims) and create it again.
$ kubectl create -f fixtures/seed-004/fixed/headless-service.yaml
service/nginx created
$ kubectl create -f fixtures/seed-004/fixed/headless-service.yaml
Error from server (AlreadyExists): error when creating "fixtures/seed-004/fixed/headless-service.yaml": services "nginx" already exists
$ kubectl get pod web-9
Error from server (NotFound): pods "web-9" not found
tutor: StatefulSet `web` has 2 replicas, so its pods are numbered 0 to 1: there is no `web-9`. Scale up to get it (`kubectl scale sts web --replicas=N`).
$ kubectl delete sts web-9
Error from server (NotFound): statefulsets.apps "web-9" not found
tutor: there is no statefulset `web-9` in this namespace. `kubectl get statefulsets` lists the names.
$ kubectl get podz
error: the server doesn't have a resource type "podz"
tutor: `podz` is not a resource type. Did you mean `pods`? `kubectl api-resources` lists them all.
$ kubectl get
You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
$ kubectl scale sts web --replicas=-1
error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0
$ kubectl scale sts web
E0303 10:00:20.000000    4242 run.go:72] "command failed" err="required flag(s) \"replicas\" not set"
