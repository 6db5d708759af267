$ why
no command has run yet: type one, then `why`.
$ kubectl apply -f fixtures/seed-003/headlessService.yaml
service/nginx created
$ why
after `kubectl apply -f fixtures/seed-003/headlessService.yaml`, no controller, scheduler or kubelet had anything to do.
$ kubectl apply -f fixtures/seed-003/statefulset_withpvc.yaml
statefulset.apps/web created
$ why
after `kubectl apply -f fixtures/seed-003/statefulset_withpvc.yaml`, in order:
       +0s  statefulset controller: created revision web-7f49674c6 (1)
       +0s  statefulset controller: created claim www-web-0 for web-0 (volumeClaimTemplates: claims before the pod)
       +0s  statefulset controller: created pod default/web-0 (ordinal 0)
       +0s  persistentvolume controller: claim www-web-0 waits for a pod that uses it to be scheduled (WaitForFirstConsumer)
       +0s  statefulset controller: not creating web-1: web-0 is not Running and Ready (OrderedReady)
       +0s  scheduler: web-0 -> kind-worker2: waiting for its volumes to be provisioned there (WaitForFirstConsumer)
       +0s  persistentvolume controller: local-path provisioner creates a volume for www-web-0 on kind-worker2
$ why pod/web-1
pod/web-1: does not exist
  latest notes about it:
       2s  statefulset controller: not creating web-1: web-0 is not Running and Ready (OrderedReady)
$ why pod web-0
pod/web-0:
  phase: Pending, on node kind-worker2
  conditions: PodReadyToStartContainers=False, Initialized=True, Ready=False, ContainersReady=False, PodScheduled=True
  waiting for: kubelet: container nginx ContainerCreating
  owner: StatefulSet/web
  latest notes about it:
       3s  statefulset controller: created claim www-web-0 for web-0 (volumeClaimTemplates: claims before the pod)
       3s  statefulset controller: created pod default/web-0 (ordinal 0)
       3s  statefulset controller: not creating web-1: web-0 is not Running and Ready (OrderedReady)
       3s  scheduler: web-0 -> kind-worker2: waiting for its volumes to be provisioned there (WaitForFirstConsumer)
       1s  scheduler: web-0 -> kind-worker2: its volumes were provisioned there
       1s  statefulset controller: not creating web-1: web-0 is not Running and Ready (OrderedReady)
       1s  kubelet: web-0: preparing on kind-worker2 (pulling images: 4.212s)
       1s  statefulset controller: not creating web-1: web-0 is not Running and Ready (OrderedReady)
$ sleep 20
$ why sts/web
statefulset/web:
  replicas: 2/2 ready, 2 created (OrderedReady)
  serviceName: nginx (headless)
  latest notes about it:
      17s  statefulset controller: created pod default/web-1 (ordinal 1)
      17s  statefulset controller: waiting for web-1 to be Running and Ready (OrderedReady)
      17s  scheduler: web-1 -> kind-worker: waiting for its volumes to be provisioned there (WaitForFirstConsumer)
      15s  scheduler: web-1 -> kind-worker: its volumes were provisioned there
      15s  statefulset controller: waiting for web-1 to be Running and Ready (OrderedReady)
      15s  kubelet: web-1: preparing on kind-worker (pulling images: 4.212s)
      15s  statefulset controller: waiting for web-1 to be Running and Ready (OrderedReady)
      10s  kubelet: web-1: containers started; Ready (no readiness probe)
$ kubectl delete pod web-0
pod "web-0" deleted
$ sleep 5
$ why
after `kubectl delete pod web-0`, in order:
       +0s  statefulset controller: waiting: web-0 is terminating (OrderedReady)
       +0s  kubelet: web-0: SIGTERM sent; containers stop in 800ms
   +0.800s  kubelet: web-0: containers stopped
   +1.200s  kubelet: web-0: volumes unmounted; pod object removed
   +1.200s  statefulset controller: created pod default/web-0 (ordinal 0) with its existing claim www-web-0 (same ordinal, same claim)
   +1.200s  statefulset controller: not creating web-1: web-0 is not Running and Ready (OrderedReady)
   +1.200s  scheduler: web-0 -> kind-worker2: its volume pvc-d8592694-3afa-416d-bf92-f975a7aed585 is pinned there (node affinity)
   +1.200s  kubelet: web-0: preparing on kind-worker2 (pulling images: none needed)
       +2s  kubelet: web-0: containers started; Ready (no readiness probe)
$ why pvc/www-web-0
persistentvolumeclaim/www-web-0:
  phase: Bound, class: standard
  volume: pvc-d8592694-3afa-416d-bf92-f975a7aed585, pinned to node kind-worker2 (its pod always runs there)
  latest notes about it:
      35s  statefulset controller: created claim www-web-0 for web-0 (volumeClaimTemplates: claims before the pod)
      35s  persistentvolume controller: claim www-web-0 waits for a pod that uses it to be scheduled (WaitForFirstConsumer)
      35s  persistentvolume controller: local-path provisioner creates a volume for www-web-0 on kind-worker2
      33s  persistentvolume controller: bound claim www-web-0 to volume pvc-d8592694-3afa-416d-bf92-f975a7aed585
       8s  statefulset controller: created pod default/web-0 (ordinal 0) with its existing claim www-web-0 (same ordinal, same claim)
$ kubectl scale sts web --replicas=1
statefulset.apps/web scaled
$ sleep 10
$ why
after `kubectl scale sts web --replicas=1`, in order:
       +0s  statefulset controller: deleted web-1: scale down to 1 replicas (highest ordinal first)
       +0s  statefulset controller: scale down waits: web-1 is terminating (OrderedReady)
       +0s  kubelet: web-1: SIGTERM sent; containers stop in 800ms
   +0.800s  kubelet: web-1: containers stopped
   +1.200s  kubelet: web-1: volumes unmounted; pod object removed
$ why pod/web-1
pod/web-1: does not exist
  latest notes about it:
      35s  kubelet: web-1: containers started; Ready (no readiness probe)
      22s  statefulset controller: not creating web-1: web-0 is not Running and Ready (OrderedReady)
      13s  statefulset controller: deleted web-1: scale down to 1 replicas (highest ordinal first)
      13s  statefulset controller: scale down waits: web-1 is terminating (OrderedReady)
      13s  kubelet: web-1: SIGTERM sent; containers stop in 800ms
      12s  kubelet: web-1: containers stopped
      12s  statefulset controller: scale down waits: web-1 is terminating (OrderedReady)
      11s  kubelet: web-1: volumes unmounted; pod object removed
$ why foo/bar
error: the server doesn't have a resource type "foo"
$ why nope
usage: why              what the cluster did after the last command, and why
       why TYPE/NAME    why one object is as it is (why pod/web-1, why sts/web)
