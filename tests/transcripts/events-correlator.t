$ kubectl apply -f tests/transcripts/rollouts.d/web-claims.yaml
statefulset.apps/web created
tutor: StatefulSet `web` names serviceName `nginx`, but no Service `nginx` exists: the pods run, yet names like `web-0.nginx` will not resolve. Create a headless Service (clusterIP: None) named `nginx`, or fix serviceName.
$ kubectl scale sts web --replicas=15
statefulset.apps/web scaled
$ kubectl rollout status sts/web
Waiting for 15 pods to be ready...
Waiting for 14 pods to be ready...
Waiting for 13 pods to be ready...
Waiting for 12 pods to be ready...
Waiting for 11 pods to be ready...
Waiting for 10 pods to be ready...
Waiting for 9 pods to be ready...
Waiting for 8 pods to be ready...
Waiting for 7 pods to be ready...
Waiting for 6 pods to be ready...
Waiting for 5 pods to be ready...
Waiting for 4 pods to be ready...
Waiting for 3 pods to be ready...
Waiting for 2 pods to be ready...
Waiting for 1 pods to be ready...
partitioned roll out complete: 15 new pods have been updated...
$ kubectl describe sts web
Name:               web
Namespace:          default
CreationTimestamp:  Mon, 03 Mar 2025 10:00:00 +0000
Selector:           app=nginx
Labels:             <none>
Annotations:        <none>
Replicas:           15 desired | 15 total
Update Strategy:    RollingUpdate
  Partition:        0
Pods Status:        15 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=nginx
  Containers:
   nginx:
    Image:        nginx:1.25
    Port:         <none>
    Host Port:    <none>
    Environment:  <none>
    Mounts:
      /usr/share/nginx/html from www (rw)
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Volume Claims:
  Name:          www
  StorageClass:  
  Labels:        <none>
  Annotations:   <none>
  Capacity:      1Gi
  Access Modes:  [ReadWriteOnce]
Events:
  Type    Reason            Age                From                    Message
  ----    ------            ----               ----                    -------
  Normal  SuccessfulCreate  51s                statefulset-controller  create Claim www-web-0 Pod web-0 in StatefulSet web success
  Normal  SuccessfulCreate  51s                statefulset-controller  create Pod web-0 in StatefulSet web successful
  Normal  SuccessfulCreate  44s                statefulset-controller  create Claim www-web-1 Pod web-1 in StatefulSet web success
  Normal  SuccessfulCreate  44s                statefulset-controller  create Pod web-1 in StatefulSet web successful
  Normal  SuccessfulCreate  37s                statefulset-controller  create Claim www-web-2 Pod web-2 in StatefulSet web success
  Normal  SuccessfulCreate  37s                statefulset-controller  create Pod web-2 in StatefulSet web successful
  Normal  SuccessfulCreate  34s                statefulset-controller  create Claim www-web-3 Pod web-3 in StatefulSet web success
  Normal  SuccessfulCreate  34s                statefulset-controller  create Pod web-3 in StatefulSet web successful
  Normal  SuccessfulCreate  31s                statefulset-controller  create Claim www-web-4 Pod web-4 in StatefulSet web success
  Normal  SuccessfulCreate  9s (x16 over 31s)  statefulset-controller  (combined from similar events): create Claim www-web-12 Pod web-12 in StatefulSet web success
$ kubectl get events --field-selector involvedObject.kind=StatefulSet
LAST SEEN   TYPE     REASON             OBJECT            MESSAGE
52s         Normal   SuccessfulCreate   statefulset/web   create Claim www-web-0 Pod web-0 in StatefulSet web success
52s         Normal   SuccessfulCreate   statefulset/web   create Pod web-0 in StatefulSet web successful
45s         Normal   SuccessfulCreate   statefulset/web   create Claim www-web-1 Pod web-1 in StatefulSet web success
45s         Normal   SuccessfulCreate   statefulset/web   create Pod web-1 in StatefulSet web successful
38s         Normal   SuccessfulCreate   statefulset/web   create Claim www-web-2 Pod web-2 in StatefulSet web success
38s         Normal   SuccessfulCreate   statefulset/web   create Pod web-2 in StatefulSet web successful
35s         Normal   SuccessfulCreate   statefulset/web   create Claim www-web-3 Pod web-3 in StatefulSet web success
35s         Normal   SuccessfulCreate   statefulset/web   create Pod web-3 in StatefulSet web successful
32s         Normal   SuccessfulCreate   statefulset/web   create Claim www-web-4 Pod web-4 in StatefulSet web success
10s         Normal   SuccessfulCreate   statefulset/web   (combined from similar events): create Claim www-web-12 Pod web-12 in StatefulSet web success
$ kubectl get events --field-selector involvedObject.kind=StatefulSet -o wide
LAST SEEN   TYPE     REASON             OBJECT            SUBOBJECT   SOURCE                   MESSAGE                                                                                         FIRST SEEN   COUNT   NAME
53s         Normal   SuccessfulCreate   statefulset/web               statefulset-controller   create Claim www-web-0 Pod web-0 in StatefulSet web success                                     53s          1       web.182942a347604033
53s         Normal   SuccessfulCreate   statefulset/web               statefulset-controller   create Pod web-0 in StatefulSet web successful                                                  53s          1       web.182942a347604034
46s         Normal   SuccessfulCreate   statefulset/web               statefulset-controller   create Claim www-web-1 Pod web-1 in StatefulSet web success                                     46s          1       web.182942a4e952e13e
46s         Normal   SuccessfulCreate   statefulset/web               statefulset-controller   create Pod web-1 in StatefulSet web successful                                                  46s          1       web.182942a4e952e13f
39s         Normal   SuccessfulCreate   statefulset/web               statefulset-controller   create Claim www-web-2 Pod web-2 in StatefulSet web success                                     39s          1       web.182942a68b458249
39s         Normal   SuccessfulCreate   statefulset/web               statefulset-controller   create Pod web-2 in StatefulSet web successful                                                  39s          1       web.182942a68b45824a
36s         Normal   SuccessfulCreate   statefulset/web               statefulset-controller   create Claim www-web-3 Pod web-3 in StatefulSet web success                                     36s          1       web.182942a7322a1e53
36s         Normal   SuccessfulCreate   statefulset/web               statefulset-controller   create Pod web-3 in StatefulSet web successful                                                  36s          1       web.182942a7322a1e54
33s         Normal   SuccessfulCreate   statefulset/web               statefulset-controller   create Claim www-web-4 Pod web-4 in StatefulSet web success                                     33s          1       web.182942a7d90eba5d
11s         Normal   SuccessfulCreate   statefulset/web               statefulset-controller   (combined from similar events): create Claim www-web-12 Pod web-12 in StatefulSet web success   33s          16      web.182942a7d90eba5e
