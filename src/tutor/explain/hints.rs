//! What the tutor says, in each of its languages. A [`Hint`] is one explanation with the
//! facts it needs (names, lines, a suggested spelling); [`Hint::say`] words it in English,
//! Vietnamese or Spanish. Names, fields and commands stay as typed, in backquotes, so the
//! learner can copy them whatever the language.

use crate::sandbox::lang::Lang;

/// One explanation the tutor can give, with its facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hint {
    /// go-yaml lost the indentation (`did not find expected '-' indicator`, `... key`,
    /// `mapping values are not allowed in this context`).
    YamlIndent { line: usize },
    /// A character no YAML token starts with, usually a tab.
    YamlTab { line: usize },
    /// Any other YAML syntax error.
    YamlOther { line: usize },
    /// Strict decoding refused a field; `suggestion` is a close known name, `belongs`
    /// where a misplaced field goes.
    UnknownField {
        field: String,
        suggestion: Option<String>,
        belongs: Option<&'static str>,
    },
    /// `spec.selector: Required value`; `labels` as the template has them (`app: nginx`).
    SelectorRequired { labels: Option<String> },
    /// `selector` does not match template `labels`.
    SelectorMismatch { labels: Option<String> },
    /// A StatefulSet's serviceName names no Service.
    ServiceNameMissing { sts: String, service: String },
    /// The Service a StatefulSet names is not headless.
    ServiceNotHeadless { sts: String, service: String },
    /// A StatefulSet's template mounts a volume that neither its volumes nor its claim
    /// templates define: every pod it builds is refused.
    MountsNoVolume { sts: String, volume: String },
    /// The StatefulSet controller's pods are refused (`FailedCreate`).
    FailedCreate { sts: String },
    /// A StatefulSet's spec fields other than replicas, template, ... cannot change.
    ImmutableSpec { sts: String },
    /// Exec into a pod no node runs yet.
    ExecNoHost { pod: String },
    /// Exec into a container that is not running.
    ExecNotRunning { pod: String },
    /// Exec into a pod that has finished.
    ExecCompleted { pod: String },
    /// A claim names a StorageClass that does not exist.
    ClaimNoClass { claim: String, class: String },
    /// A claim waits for a pod (WaitForFirstConsumer) and no pod uses it.
    ClaimWaitsForPod { claim: String },
    /// A claim waits for a pod that cannot be scheduled.
    ClaimPodUnschedulable { claim: String, pod: String },
    /// A claim asks for an access mode the provisioner cannot give.
    ClaimAccessMode { claim: String, mode: String },
    /// The kubelet cannot pull an image.
    ImagePull { pod: String, image: String },
    /// A container keeps exiting.
    CrashLoop { pod: String },
    /// NotFound; `suggestion` is the closest existing name, `existing` how many there are.
    NotFound {
        resource: String,
        singular: String,
        namespaced: bool,
        name: String,
        suggestion: Option<String>,
        existing: usize,
    },
    /// A StatefulSet's pod not created yet: OrderedReady waits for the one before it.
    PodNotCreatedYet { pod: String, sts: String },
    /// A StatefulSet's pod whose ordinal is past the replicas.
    OrdinalBeyondReplicas {
        pod: String,
        sts: String,
        replicas: i32,
    },
    /// `the server doesn't have a resource type "X"`.
    UnknownType {
        typed: String,
        suggestion: Option<String>,
    },
    /// `unknown command "X" for "kubectl"`.
    UnknownCommand {
        typed: String,
        suggestion: Option<String>,
    },
    /// `unknown flag: --X` (or shorthand).
    UnknownFlag {
        flag: String,
        verb: String,
        suggestion: Option<String>,
    },
    /// A pod's DNS name under a Service that does not exist.
    DnsNoService { name: String, service: String },
    /// A pod's DNS name whose pod does not exist.
    DnsNoPod {
        name: String,
        suggestion: Option<String>,
    },
    /// The sandbox has no such command (`kubeclt`).
    CommandNotFound { typed: String, suggestion: String },
}

/// `(did you mean X?)` in each language, or nothing.
fn did_you_mean(s: &Option<String>, lang: Lang) -> String {
    match (s, lang) {
        (None, _) => String::new(),
        (Some(s), Lang::En) => format!(" Did you mean `{s}`?"),
        (Some(s), Lang::Vi) => format!(" Có phải ý bạn là `{s}`?"),
        (Some(s), Lang::Es) => format!(" ¿Quisiste decir `{s}`?"),
    }
}

impl Hint {
    /// The explanation in `lang`, one line, no prefix.
    pub fn say(&self, lang: Lang) -> String {
        use Hint::*;
        use Lang::*;
        match (self, lang) {
            (YamlIndent { line }, En) => format!("the YAML indentation is off near line {line}: keys of one list item (after `- `) must start in the same column, and a child is indented more than its parent. Re-indent and apply again."),
            (YamlIndent { line }, Vi) => format!("YAML thụt lề sai gần dòng {line}: các khóa của cùng một phần tử danh sách (sau `- `) phải bắt đầu cùng một cột, và khóa con phải thụt vào sâu hơn khóa cha. Sửa thụt lề rồi apply lại."),
            (YamlIndent { line }, Es) => format!("la indentación del YAML está mal cerca de la línea {line}: las claves de un mismo elemento de lista (tras `- `) deben empezar en la misma columna, y un hijo va más indentado que su padre. Corrige la indentación y vuelve a aplicar."),
            (YamlTab { line }, En) => format!("line {line} has a character YAML cannot start with, usually a tab: indent with spaces only."),
            (YamlTab { line }, Vi) => format!("dòng {line} có ký tự YAML không chấp nhận, thường là phím tab: chỉ thụt lề bằng dấu cách."),
            (YamlTab { line }, Es) => format!("la línea {line} tiene un carácter con el que YAML no puede empezar, casi siempre un tabulador: indenta solo con espacios."),
            (YamlOther { line }, En) => format!("the file is not valid YAML near line {line}; kubectl sent nothing to the cluster. Check that line and the one above it."),
            (YamlOther { line }, Vi) => format!("tệp không phải YAML hợp lệ gần dòng {line}; kubectl chưa gửi gì lên cluster. Kiểm tra dòng đó và dòng ngay trên."),
            (YamlOther { line }, Es) => format!("el archivo no es YAML válido cerca de la línea {line}; kubectl no envió nada al clúster. Revisa esa línea y la anterior."),
            (UnknownField { field, suggestion: Some(s), .. }, En) => format!("the API has no field `{field}`: a typo in its last name. Did you mean `{s}`?"),
            (UnknownField { field, suggestion: Some(s), .. }, Vi) => format!("API không có trường `{field}`: tên cuối bị gõ sai. Có phải ý bạn là `{s}`?"),
            (UnknownField { field, suggestion: Some(s), .. }, Es) => format!("la API no tiene el campo `{field}`: un error al escribir su último nombre. ¿Quisiste decir `{s}`?"),
            (UnknownField { field, belongs: Some(b), .. }, En) => format!("`{field}` is a real field but in the wrong place: it belongs under {b}. Fix its indentation so it sits there."),
            (UnknownField { field, belongs: Some(b), .. }, Vi) => format!("`{field}` là trường có thật nhưng đặt sai chỗ: nó thuộc về {b}. Sửa thụt lề để nó nằm đúng chỗ."),
            (UnknownField { field, belongs: Some(b), .. }, Es) => format!("`{field}` es un campo real pero está en el lugar equivocado: va dentro de {b}. Corrige su indentación para que quede ahí."),
            (UnknownField { field, .. }, En) => format!("the API has no field `{field}` at that place: check its spelling and indentation (`kubectl explain` lists the fields)."),
            (UnknownField { field, .. }, Vi) => format!("API không có trường `{field}` ở vị trí đó: kiểm tra chính tả và thụt lề (`kubectl explain` liệt kê các trường)."),
            (UnknownField { field, .. }, Es) => format!("la API no tiene el campo `{field}` en ese lugar: revisa cómo se escribe y su indentación (`kubectl explain` lista los campos)."),
            (SelectorRequired { labels }, En) => format!("a StatefulSet must say which pods are its own: add `spec.selector.matchLabels` with the template's labels{}.", labels.as_ref().map(|l| format!(" ({l})")).unwrap_or_default()),
            (SelectorRequired { labels }, Vi) => format!("StatefulSet phải chỉ rõ pod nào thuộc về nó: thêm `spec.selector.matchLabels` với các nhãn của template{}.", labels.as_ref().map(|l| format!(" ({l})")).unwrap_or_default()),
            (SelectorRequired { labels }, Es) => format!("un StatefulSet debe decir qué pods son suyos: añade `spec.selector.matchLabels` con las etiquetas de la plantilla{}.", labels.as_ref().map(|l| format!(" ({l})")).unwrap_or_default()),
            (SelectorMismatch { labels }, En) => format!("every label in `spec.selector.matchLabels` must also be in `spec.template.metadata.labels`{}, or the controller could not find the pods it creates.", labels.as_ref().map(|l| format!(" ({l})")).unwrap_or_default()),
            (SelectorMismatch { labels }, Vi) => format!("mọi nhãn trong `spec.selector.matchLabels` phải có trong `spec.template.metadata.labels`{}, nếu không controller không tìm thấy các pod nó tạo ra.", labels.as_ref().map(|l| format!(" ({l})")).unwrap_or_default()),
            (SelectorMismatch { labels }, Es) => format!("cada etiqueta de `spec.selector.matchLabels` debe estar también en `spec.template.metadata.labels`{}; si no, el controlador no encontraría los pods que crea.", labels.as_ref().map(|l| format!(" ({l})")).unwrap_or_default()),
            (ServiceNameMissing { sts, service }, En) => format!("StatefulSet `{sts}` names serviceName `{service}`, but no Service `{service}` exists: the pods run, yet names like `{sts}-0.{service}` will not resolve. Create a headless Service (clusterIP: None) named `{service}`, or fix serviceName."),
            (ServiceNameMissing { sts, service }, Vi) => format!("StatefulSet `{sts}` có serviceName `{service}` nhưng không có Service `{service}` nào: pod vẫn chạy, nhưng tên như `{sts}-0.{service}` sẽ không phân giải được. Hãy tạo headless Service (clusterIP: None) tên `{service}`, hoặc sửa serviceName."),
            (ServiceNameMissing { sts, service }, Es) => format!("el StatefulSet `{sts}` usa serviceName `{service}`, pero no existe ningún Service `{service}`: los pods arrancan, pero nombres como `{sts}-0.{service}` no resolverán. Crea un Service headless (clusterIP: None) llamado `{service}`, o corrige serviceName."),
            (ServiceNotHeadless { sts, service }, En) => format!("Service `{service}` (the serviceName of `{sts}`) has a cluster IP: per-pod DNS names need a headless Service, `clusterIP: None`."),
            (ServiceNotHeadless { sts, service }, Vi) => format!("Service `{service}` (serviceName của `{sts}`) có cluster IP: tên DNS cho từng pod cần headless Service, `clusterIP: None`."),
            (ServiceNotHeadless { sts, service }, Es) => format!("el Service `{service}` (el serviceName de `{sts}`) tiene IP de clúster: los nombres DNS por pod necesitan un Service headless, `clusterIP: None`."),
            (MountsNoVolume { sts, volume }, En) => format!("StatefulSet `{sts}` was created, but its template mounts `{volume}`, which no volume or volumeClaimTemplate defines: every pod it builds is refused (see `kubectl describe sts {sts}`). Add a claim template named `{volume}`, or fix the mount's name."),
            (MountsNoVolume { sts, volume }, Vi) => format!("StatefulSet `{sts}` đã được tạo, nhưng template mount `{volume}` mà không có volume hay volumeClaimTemplate nào định nghĩa: mọi pod nó tạo đều bị từ chối (xem `kubectl describe sts {sts}`). Thêm claim template tên `{volume}`, hoặc sửa tên mount."),
            (MountsNoVolume { sts, volume }, Es) => format!("el StatefulSet `{sts}` se creó, pero su plantilla monta `{volume}`, que ningún volumen ni volumeClaimTemplate define: todos los pods que construye son rechazados (mira `kubectl describe sts {sts}`). Añade una plantilla de claim llamada `{volume}`, o corrige el nombre del montaje."),
            (FailedCreate { sts }, En) => format!("the StatefulSet controller cannot create the pods of `{sts}`: the apiserver refuses the pod its template builds (the FailedCreate event says why). Fix the template and apply it again."),
            (FailedCreate { sts }, Vi) => format!("StatefulSet controller không tạo được pod của `{sts}`: apiserver từ chối pod dựng từ template (sự kiện FailedCreate cho biết lý do). Sửa template rồi apply lại."),
            (FailedCreate { sts }, Es) => format!("el controlador de StatefulSet no puede crear los pods de `{sts}`: el apiserver rechaza el pod que construye su plantilla (el evento FailedCreate dice por qué). Corrige la plantilla y aplícala de nuevo."),
            (ImmutableSpec { sts }, En) => format!("after creation a StatefulSet only lets you change replicas, template, updateStrategy and a few more; serviceName, selector and volumeClaimTemplates are fixed. To change them, delete `{sts}` (`kubectl delete sts {sts} --cascade=orphan` keeps its pods and claims) and create it again."),
            (ImmutableSpec { sts }, Vi) => format!("sau khi tạo, StatefulSet chỉ cho đổi replicas, template, updateStrategy và vài trường khác; serviceName, selector và volumeClaimTemplates là cố định. Muốn đổi, hãy xóa `{sts}` (`kubectl delete sts {sts} --cascade=orphan` giữ lại pod và claim) rồi tạo lại."),
            (ImmutableSpec { sts }, Es) => format!("tras crearse, un StatefulSet solo deja cambiar replicas, template, updateStrategy y pocos campos más; serviceName, selector y volumeClaimTemplates son fijos. Para cambiarlos, borra `{sts}` (`kubectl delete sts {sts} --cascade=orphan` conserva sus pods y claims) y créalo de nuevo."),
            (ExecNoHost { pod }, En) => format!("pod `{pod}` is not on a node yet (Pending), so there is no container to enter. Wait for Running (`kubectl get pod {pod} -w`); `why pod/{pod}` says what it waits for."),
            (ExecNoHost { pod }, Vi) => format!("pod `{pod}` chưa được xếp lên node nào (Pending), nên chưa có container để vào. Đợi đến Running (`kubectl get pod {pod} -w`); `why pod/{pod}` cho biết nó đang chờ gì."),
            (ExecNoHost { pod }, Es) => format!("el pod `{pod}` aún no está en ningún nodo (Pending), así que no hay contenedor en el que entrar. Espera a Running (`kubectl get pod {pod} -w`); `why pod/{pod}` dice qué espera."),
            (ExecNotRunning { pod }, En) => format!("the container of `{pod}` is not running yet (still starting, or waiting to restart). Wait until READY shows 1/1 (`kubectl get pod {pod} -w`), then exec again."),
            (ExecNotRunning { pod }, Vi) => format!("container của `{pod}` chưa chạy (đang khởi động hoặc chờ khởi động lại). Đợi đến khi READY là 1/1 (`kubectl get pod {pod} -w`) rồi exec lại."),
            (ExecNotRunning { pod }, Es) => format!("el contenedor de `{pod}` todavía no está en marcha (arrancando o esperando reiniciarse). Espera a que READY sea 1/1 (`kubectl get pod {pod} -w`) y vuelve a hacer exec."),
            (ExecCompleted { pod }, En) => format!("pod `{pod}` has finished: its containers are gone. Look at what it printed with `kubectl logs {pod}`."),
            (ExecCompleted { pod }, Vi) => format!("pod `{pod}` đã kết thúc: các container của nó không còn. Xem nó đã in gì bằng `kubectl logs {pod}`."),
            (ExecCompleted { pod }, Es) => format!("el pod `{pod}` ya terminó: sus contenedores no existen. Mira lo que imprimió con `kubectl logs {pod}`."),
            (ClaimNoClass { claim, class }, En) => format!("claim `{claim}` stays Pending: there is no StorageClass `{class}` to provision it (`kubectl get storageclass`; this cluster has `standard`)."),
            (ClaimNoClass { claim, class }, Vi) => format!("claim `{claim}` cứ ở trạng thái Pending: không có StorageClass `{class}` nào để cấp volume (`kubectl get storageclass`; cluster này có `standard`)."),
            (ClaimNoClass { claim, class }, Es) => format!("el claim `{claim}` se queda en Pending: no hay ninguna StorageClass `{class}` que lo aprovisione (`kubectl get storageclass`; este clúster tiene `standard`)."),
            (ClaimWaitsForPod { claim }, En) => format!("claim `{claim}` is Pending on purpose: its class binds volumes only when a pod that uses it is scheduled (WaitForFirstConsumer). Start a pod that mounts it."),
            (ClaimWaitsForPod { claim }, Vi) => format!("claim `{claim}` Pending là có chủ ý: storage class chỉ gắn volume khi một pod dùng nó được xếp lịch (WaitForFirstConsumer). Hãy chạy một pod mount nó."),
            (ClaimWaitsForPod { claim }, Es) => format!("el claim `{claim}` está Pending a propósito: su clase solo asigna un volumen cuando se programa un pod que lo usa (WaitForFirstConsumer). Arranca un pod que lo monte."),
            (ClaimPodUnschedulable { claim, pod }, En) => format!("claim `{claim}` waits for its pod `{pod}`, which cannot be scheduled; `why pod/{pod}` shows the scheduler's reason."),
            (ClaimPodUnschedulable { claim, pod }, Vi) => format!("claim `{claim}` đang chờ pod `{pod}`, mà pod này không xếp lịch được; `why pod/{pod}` cho biết lý do của scheduler."),
            (ClaimPodUnschedulable { claim, pod }, Es) => format!("el claim `{claim}` espera a su pod `{pod}`, que no se puede programar; `why pod/{pod}` muestra el motivo del scheduler."),
            (ClaimAccessMode { claim, mode }, En) => format!("claim `{claim}` asks for {mode}, but the `standard` class (local-path) gives only ReadWriteOnce volumes: use accessModes: [\"ReadWriteOnce\"]."),
            (ClaimAccessMode { claim, mode }, Vi) => format!("claim `{claim}` yêu cầu {mode}, nhưng class `standard` (local-path) chỉ cấp volume ReadWriteOnce: dùng accessModes: [\"ReadWriteOnce\"]."),
            (ClaimAccessMode { claim, mode }, Es) => format!("el claim `{claim}` pide {mode}, pero la clase `standard` (local-path) solo da volúmenes ReadWriteOnce: usa accessModes: [\"ReadWriteOnce\"]."),
            (ImagePull { pod, image }, En) => format!("the kubelet cannot pull image `{image}` for `{pod}`: check its name and tag. After fixing the template, the pod is replaced with the new image."),
            (ImagePull { pod, image }, Vi) => format!("kubelet không kéo được image `{image}` cho `{pod}`: kiểm tra tên và tag. Sau khi sửa template, pod sẽ được thay bằng image mới."),
            (ImagePull { pod, image }, Es) => format!("el kubelet no puede descargar la imagen `{image}` para `{pod}`: revisa su nombre y etiqueta. Tras corregir la plantilla, el pod se sustituye con la nueva imagen."),
            (CrashLoop { pod }, En) => format!("the container of `{pod}` keeps exiting and the kubelet waits longer before each restart; `kubectl logs {pod} --previous` shows why it stopped."),
            (CrashLoop { pod }, Vi) => format!("container của `{pod}` liên tục thoát và kubelet chờ lâu hơn trước mỗi lần khởi động lại; `kubectl logs {pod} --previous` cho biết vì sao nó dừng."),
            (CrashLoop { pod }, Es) => format!("el contenedor de `{pod}` termina una y otra vez y el kubelet espera más antes de cada reinicio; `kubectl logs {pod} --previous` muestra por qué se detuvo."),
            (NotFound { resource, singular, namespaced, name, suggestion, existing }, En) => {
                let tail = match (suggestion, existing) {
                    (Some(_), _) => did_you_mean(suggestion, En),
                    (None, 0) if *namespaced => format!(" There are no {resource} in this namespace."),
                    (None, 0) => format!(" There are no {resource}."),
                    (None, _) => format!(" `kubectl get {resource}` lists the names."),
                };
                let place = if *namespaced { " in this namespace" } else { "" };
                format!("there is no {singular} `{name}`{place}.{tail}")
            }
            (NotFound { resource, singular, namespaced, name, suggestion, existing }, Vi) => {
                let tail = match (suggestion, existing) {
                    (Some(_), _) => did_you_mean(suggestion, Vi),
                    (None, 0) if *namespaced => format!(" Namespace này chưa có {resource} nào."),
                    (None, 0) => format!(" Chưa có {resource} nào."),
                    (None, _) => format!(" `kubectl get {resource}` liệt kê các tên."),
                };
                let place = if *namespaced { " trong namespace này" } else { "" };
                format!("không có {singular} nào tên `{name}`{place}.{tail}")
            }
            (NotFound { resource, singular, namespaced, name, suggestion, existing }, Es) => {
                let tail = match (suggestion, existing) {
                    (Some(_), _) => did_you_mean(suggestion, Es),
                    (None, 0) if *namespaced => format!(" No hay {resource} en este namespace."),
                    (None, 0) => format!(" No hay {resource}."),
                    (None, _) => format!(" `kubectl get {resource}` lista los nombres."),
                };
                let place = if *namespaced { " en este namespace" } else { "" };
                format!("no hay ningún {singular} `{name}`{place}.{tail}")
            }
            (PodNotCreatedYet { pod, sts }, En) => format!("`{pod}` does not exist yet: StatefulSet `{sts}` creates its pods one at a time, each after the one before is Running and Ready (OrderedReady). `why sts/{sts}` shows what it waits for."),
            (PodNotCreatedYet { pod, sts }, Vi) => format!("`{pod}` chưa tồn tại: StatefulSet `{sts}` tạo pod lần lượt từng cái, cái sau chỉ được tạo khi cái trước Running và Ready (OrderedReady). `why sts/{sts}` cho biết nó đang chờ gì."),
            (PodNotCreatedYet { pod, sts }, Es) => format!("`{pod}` aún no existe: el StatefulSet `{sts}` crea sus pods de uno en uno, cada uno cuando el anterior está Running y Ready (OrderedReady). `why sts/{sts}` muestra qué espera."),
            (OrdinalBeyondReplicas { pod, sts, replicas }, En) => format!("StatefulSet `{sts}` has {replicas} replicas, so its pods are numbered 0 to {}: there is no `{pod}`. Scale up to get it (`kubectl scale sts {sts} --replicas=N`).", replicas - 1),
            (OrdinalBeyondReplicas { pod, sts, replicas }, Vi) => format!("StatefulSet `{sts}` có {replicas} bản sao, nên các pod được đánh số từ 0 đến {}: không có `{pod}`. Hãy scale up để có nó (`kubectl scale sts {sts} --replicas=N`).", replicas - 1),
            (OrdinalBeyondReplicas { pod, sts, replicas }, Es) => format!("el StatefulSet `{sts}` tiene {replicas} réplicas, así que sus pods van del 0 al {}: no existe `{pod}`. Escala para tenerlo (`kubectl scale sts {sts} --replicas=N`).", replicas - 1),
            (UnknownType { typed, suggestion }, En) => format!("`{typed}` is not a resource type.{} `kubectl api-resources` lists them all.", did_you_mean(suggestion, En)),
            (UnknownType { typed, suggestion }, Vi) => format!("`{typed}` không phải là loại tài nguyên.{} `kubectl api-resources` liệt kê tất cả.", did_you_mean(suggestion, Vi)),
            (UnknownType { typed, suggestion }, Es) => format!("`{typed}` no es un tipo de recurso.{} `kubectl api-resources` los lista todos.", did_you_mean(suggestion, Es)),
            (UnknownCommand { typed, suggestion }, En) => format!("kubectl has no command `{typed}`.{} `kubectl --help` lists the commands.", did_you_mean(suggestion, En)),
            (UnknownCommand { typed, suggestion }, Vi) => format!("kubectl không có lệnh `{typed}`.{} `kubectl --help` liệt kê các lệnh.", did_you_mean(suggestion, Vi)),
            (UnknownCommand { typed, suggestion }, Es) => format!("kubectl no tiene el comando `{typed}`.{} `kubectl --help` lista los comandos.", did_you_mean(suggestion, Es)),
            (UnknownFlag { flag, verb, suggestion }, En) => format!("`kubectl {verb}` has no flag `{flag}`.{} `kubectl {verb} --help` lists its flags.", did_you_mean(suggestion, En)),
            (UnknownFlag { flag, verb, suggestion }, Vi) => format!("`kubectl {verb}` không có cờ `{flag}`.{} `kubectl {verb} --help` liệt kê các cờ.", did_you_mean(suggestion, Vi)),
            (UnknownFlag { flag, verb, suggestion }, Es) => format!("`kubectl {verb}` no tiene la opción `{flag}`.{} `kubectl {verb} --help` lista sus opciones.", did_you_mean(suggestion, Es)),
            (DnsNoService { name, service }, En) => format!("`{name}` does not resolve: there is no Service `{service}`. Pod names resolve as POD.SERVICE only under the headless Service that the StatefulSet's serviceName names."),
            (DnsNoService { name, service }, Vi) => format!("`{name}` không phân giải được: không có Service `{service}`. Tên pod dạng POD.SERVICE chỉ phân giải dưới headless Service mà serviceName của StatefulSet chỉ tới."),
            (DnsNoService { name, service }, Es) => format!("`{name}` no resuelve: no existe el Service `{service}`. Los nombres POD.SERVICE solo resuelven bajo el Service headless que nombra el serviceName del StatefulSet."),
            (DnsNoPod { name, suggestion }, En) => format!("`{name}` does not resolve: no ready pod has that name under this Service.{}", did_you_mean(suggestion, En)),
            (DnsNoPod { name, suggestion }, Vi) => format!("`{name}` không phân giải được: không có pod sẵn sàng nào mang tên đó dưới Service này.{}", did_you_mean(suggestion, Vi)),
            (DnsNoPod { name, suggestion }, Es) => format!("`{name}` no resuelve: ningún pod listo tiene ese nombre bajo este Service.{}", did_you_mean(suggestion, Es)),
            (CommandNotFound { typed, suggestion }, En) => format!("`{typed}` is not a command here. Did you mean `{suggestion}`?"),
            (CommandNotFound { typed, suggestion }, Vi) => format!("ở đây không có lệnh `{typed}`. Có phải ý bạn là `{suggestion}`?"),
            (CommandNotFound { typed, suggestion }, Es) => format!("`{typed}` no es un comando aquí. ¿Quisiste decir `{suggestion}`?"),
        }
    }
}
