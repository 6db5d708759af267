$ for n in default kube-system; do kubectl get ns $n; done
NAME      STATUS   AGE
default   Active   10m
NAME          STATUS   AGE
kube-system   Active   10m
$ kubectl get ns default -o name && echo yes || echo no
namespace/default
yes
$ kubectl get ns nope -o name && echo yes || echo no
Error from server (NotFound): namespaces "nope" not found
no
$ NS=kube-public
$ k get ns "$NS" -o name
namespace/kube-public
$ echo "namespace: ${NS}" '$NS' ${NS#kube-}
namespace: kube-public $NS public
$ cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Namespace
metadata:
  name: web
EOF
namespace/web created
$ kubectl apply -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: $NS
data:
  greeting: hello
EOF
configmap/settings created
$ kubectl get configmap settings -n kube-public -o jsonpath='{.data.greeting}{"\n"}'
hello
$ cat <<'EOF' > shop.yaml
apiVersion: v1
kind: Namespace
metadata:
  name: shop
EOF
$ kubectl apply -f shop.yaml
namespace/shop created
$ cat shop.yaml | grep name:
  name: shop
$ for i in 0 1; do
>   echo "round $i"
> done
round 0
round 1
$ kubectl get ns -o name | grep -c kube
3
$ count=$(kubectl get ns --no-headers | wc -l)
$ echo "there are $count namespaces"
there are 7 namespaces
$ ip=$(kubectl get svc kubernetes -o jsonpath='{.spec.clusterIP}'); echo "api at $ip"
api at 10.96.0.1
$ kubectl get ns | head -n 3
NAME                 STATUS   AGE
default              Active   10m
kube-node-lease      Active   10m
$ kubectl get ns -o name | sort -r | tail -n 2
namespace/kube-node-lease
namespace/default
$ if kubectl get ns shop >/dev/null 2>&1; then echo "shop exists"; fi
shop exists
$ kubectl get ns missing 2>/dev/null || echo "status $?"
status 1
$ kubectl get ns \
>   default
NAME      STATUS   AGE
default   Active   10m
$ echo hi > /nonexistent/dir/file
bash: /nonexistent/dir/file: No such file or directory
$ for f in fixtures/seed-004/as-written/*.yaml; do echo "$f"; done | head -n 2
fixtures/seed-004/as-written/headless-service.yaml
fixtures/seed-004/as-written/web-stateful-set.yaml
$ cd fixtures/seed-004/as-written && kubectl apply -f web-stateful-set.yaml --dry-run=client
statefulset.apps/web-stateful-set created (dry run)
$ cd nowhere
bash: cd: nowhere: No such file or directory
$ cd
$ greet() { echo "hello, $1"; }
$ greet learner
hello, learner
$ sleep 5
$ helm install web
kubetutor: helm: command not found (the sandbox runs kubectl, k, why, lint, sleep, cat, grep, head, tail, wc, sort, uniq and shell builtins such as echo, cd and export; `help` lists the rest)
$ done
bash: syntax error near unexpected token `done'
$ echo 'unfinished
bash: unexpected EOF while looking for matching `''
$ help advance
Usage: advance DURATION

Move the cluster clock forward (30s, 1m30s, 2h).
$ help break
Usage: break pod NAME readiness|liveness|crash|crashloop

Break a pod on purpose (a drill).
Usage: break pod NAME fill [VOLUME]

Fill a pod's volume: writes fail, No space left.
$ speed 2
kubetutor: speed: a scripted run keeps virtual time (one tick per command; `sleep N` and `advance` move it); speed applies in the interactive sandbox
