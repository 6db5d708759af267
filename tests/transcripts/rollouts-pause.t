$ kubectl create deployment web --image=nginx:1.27 --replicas=2
deployment.apps/web created
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...
deployment "web" successfully rolled out
$ kubectl rollout pause deployment/web
deployment.apps/web paused
$ kubectl rollout pause deployment/web
error: deployments.apps "web" is already paused
$ kubectl set image deployment/web nginx=nginx:1.26
deployment.apps/web image updated
$ kubectl scale deployment web --replicas=3
deployment.apps/web scaled
$ sleep 20
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-766486c5b6   3         3         3       31s
$ kubectl get pods
NAME                   READY   STATUS    RESTARTS   AGE
web-766486c5b6-5jkrq   1/1     Running   0          32s
web-766486c5b6-ht845   1/1     Running   0          23s
web-766486c5b6-q8j2j   1/1     Running   0          32s
$ kubectl rollout status deployment/web --watch=false
Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...
$ kubectl describe deployment web | grep -e Progressing -e Available -e Replicas:
Replicas:               3 desired | 0 updated | 3 total | 3 available | 0 unavailable
  Available      True     MinimumReplicasAvailable
  Progressing    Unknown  DeploymentPaused
$ kubectl rollout restart deployment/web
error: deployments.apps "web" can't restart paused deployment (run rollout resume first)
$ kubectl rollout pause sts/web deployment/web
Error from server (NotFound): statefulsets.apps "web" not found
error: deployments.apps "web" is already paused
tutor: there is no statefulset `web` in this namespace. There are no statefulsets in this namespace.
$ kubectl rollout resume deployment/web
deployment.apps/web resumed
$ kubectl rollout resume deployment/web
error: deployments.apps "web" is not paused
$ kubectl rollout status deployment/web
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 2 out of 3 new replicas have been updated...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...
deployment "web" successfully rolled out
$ kubectl get rs
NAME             DESIRED   CURRENT   READY   AGE
web-766486c5b6   0         0         0       48s
web-865f4cf4d9   3         3         3       11s
$ kubectl get deployment web -o jsonpath='{.spec.paused}'
$ kubectl describe deployment web | grep -e Progressing -e Available -e Replicas:
Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
