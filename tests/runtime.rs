//! The pod runtime end to end, without the kubectl front end: files inside containers,
//! volumes surviving pod replacement and StatefulSet re-creation, the applets' wording
//! per image, HTTP between pods and through Services, and logs.

use kubetutor::api::{Kind, Object};
use kubetutor::cluster::{Cluster, ClusterConfig};
use kubetutor::kubectl::output::Capture;
use kubetutor::runtime::{self, ExecResult};
use kubetutor::store::ObjKey;

fn yaml_object(text: &str) -> Object {
    let v: serde_json::Value = serde_yaml_ng::from_str(text).unwrap();
    let kind = Kind::from_type_meta(
        v["apiVersion"].as_str().unwrap(),
        v["kind"].as_str().unwrap(),
    )
    .unwrap();
    Object::from_json_lenient(kind, v).unwrap()
}

fn pod(name: &str) -> ObjKey {
    ObjKey::new(Kind::Pod, "default", name)
}

/// Run `argv` in a container; returns (status, stdout, stderr).
fn exec(
    c: &mut Cluster,
    pod_name: &str,
    container: &str,
    argv: &[&str],
) -> (ExecResult, String, String) {
    exec_in(c, pod_name, container, argv, None)
}

fn exec_in(
    c: &mut Cluster,
    pod_name: &str,
    container: &str,
    argv: &[&str],
    stdin: Option<&str>,
) -> (ExecResult, String, String) {
    let argv: Vec<String> = argv.iter().map(|s| s.to_string()).collect();
    let mut cap = Capture::default();
    let r = runtime::exec(c, &pod(pod_name), container, &argv, stdin, &mut cap);
    (r, cap.stdout, cap.stderr)
}

fn sh(
    c: &mut Cluster,
    pod_name: &str,
    container: &str,
    script: &str,
) -> (ExecResult, String, String) {
    exec(c, pod_name, container, &["sh", "-c", script])
}

const HEADLESS: &str = "apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  clusterIP: None\n  selector:\n    app: nginx\n  ports:\n  - port: 80\n";

fn web_sts(storage: &str) -> String {
    format!("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web\nspec:\n  serviceName: nginx\n  replicas: 2\n  selector:\n    matchLabels:\n      app: nginx\n  template:\n    metadata:\n      labels:\n        app: nginx\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n        volumeMounts:\n        - name: www\n          mountPath: /usr/share/nginx/html\n  volumeClaimTemplates:\n  - metadata:\n      name: www\n    spec:\n      accessModes: [\"ReadWriteOnce\"]\n      resources:\n        requests:\n          storage: {storage}\n")
}

fn web_cluster(storage: &str) -> Cluster {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object(HEADLESS)).unwrap();
    c.api.create(yaml_object(&web_sts(storage))).unwrap();
    c.advance(120_000);
    c
}

#[test]
fn claim_data_survives_pod_replacement_and_statefulset_recreation() {
    let mut c = web_cluster("1Gi");
    // The claim's volume is empty: nginx has no index to serve.
    let (r, out, _) = exec(&mut c, "web-0", "nginx", &["curl", "-s", "localhost"]);
    assert_eq!(r, ExecResult::Exited(0));
    assert_eq!(out, "<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body>\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.27.4</center>\r\n</body>\r\n</html>\r\n");
    let (r, _, err) = sh(
        &mut c,
        "web-0",
        "nginx",
        "echo \"$(hostname)\" > /usr/share/nginx/html/index.html; echo scratch > /tmp/scratch",
    );
    assert_eq!(r, ExecResult::Exited(0), "{err}");
    let (_, out, _) = exec(
        &mut c,
        "web-0",
        "nginx",
        &["curl", "-s", "http://localhost/"],
    );
    assert_eq!(out, "web-0\n");

    // Replace the pod: same claim, fresh root filesystem.
    c.api.delete(&pod("web-0"), &Default::default()).unwrap();
    c.advance(120_000);
    let (_, out, _) = exec(
        &mut c,
        "web-0",
        "nginx",
        &["cat", "/usr/share/nginx/html/index.html"],
    );
    assert_eq!(out, "web-0\n");
    let (r, _, err) = exec(&mut c, "web-0", "nginx", &["cat", "/tmp/scratch"]);
    assert_eq!(r, ExecResult::Exited(1));
    assert_eq!(err, "cat: /tmp/scratch: No such file or directory\n");

    // Delete the StatefulSet (claims stay) and apply it again.
    c.api
        .delete(
            &ObjKey::new(Kind::StatefulSet, "default", "web"),
            &Default::default(),
        )
        .unwrap();
    c.advance(120_000);
    assert!(c.api.store.get(&pod("web-0")).is_none());
    c.api.create(yaml_object(&web_sts("1Gi"))).unwrap();
    c.advance(120_000);
    let (_, out, _) = exec(
        &mut c,
        "web-0",
        "nginx",
        &["cat", "/usr/share/nginx/html/index.html"],
    );
    assert_eq!(out, "web-0\n");
    let (_, out, _) = exec(&mut c, "web-1", "nginx", &["ls", "/usr/share/nginx/html"]);
    assert_eq!(out, "");
}

#[test]
fn a_full_claim_says_no_space_left_on_device() {
    let mut c = web_cluster("1Mi");
    let (r, _, err) = sh(
        &mut c,
        "web-0",
        "nginx",
        "seq 1 100000 > /usr/share/nginx/html/a.txt; seq 1 100000 > /usr/share/nginx/html/b.txt",
    );
    // The second file fills the claim (the shell and seq word the failed write).
    assert_ne!(r, ExecResult::Exited(127));
    assert!(err.contains("No space left on device"), "{err}");
    let (_, out, _) = exec(
        &mut c,
        "web-0",
        "nginx",
        &["ls", "-l", "/usr/share/nginx/html"],
    );
    assert_eq!(
        out,
        "total 1028\n-rw-r--r-- 1 root root 588895 Mar  3 10:02 a.txt\n-rw-r--r-- 1 root root 459681 Mar  3 10:02 b.txt\n"
    );
    let (_, out, _) = exec(&mut c, "web-0", "nginx", &["df", "/usr/share/nginx/html"]);
    assert_eq!(
        out,
        "Filesystem     1K-blocks  Used Available Use% Mounted on\n/dev/sda1           1024  1024         0 100% /usr/share/nginx/html\n"
    );
}

#[test]
fn exec_finds_programs_as_the_runtime_does() {
    let mut c = web_cluster("1Gi");
    let (r, _, _) = exec(&mut c, "web-0", "nginx", &["nslookup", "web-1.nginx"]);
    assert_eq!(
        r,
        ExecResult::NotFound {
            path: "nslookup".into()
        }
    );
    let (r, _, err) = sh(&mut c, "web-0", "nginx", "nslookup web-1.nginx");
    assert_eq!(r, ExecResult::Exited(127));
    assert_eq!(err, "sh: 1: nslookup: not found\n");
    let (r, out, _) = exec(&mut c, "web-0", "nginx", &["/bin/hostname"]);
    assert_eq!((r, out.as_str()), (ExecResult::Exited(0), "web-0\n"));
    let (_, out, _) = exec(&mut c, "web-0", "nginx", &["cat", "/etc/hosts"]);
    assert!(
        out.starts_with("# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n"),
        "{out}"
    );
    assert!(
        out.contains("\tweb-0.nginx.default.svc.cluster.local\tweb-0\n"),
        "{out}"
    );
    let (_, out, _) = exec(&mut c, "web-0", "nginx", &["cat", "/etc/resolv.conf"]);
    assert_eq!(out, "search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n");
    let (_, out, _) = exec(&mut c, "web-0", "nginx", &["env"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    );
    assert_eq!(lines[1], "HOSTNAME=web-0");
    assert!(
        lines.contains(&"KUBERNETES_SERVICE_HOST=10.96.0.1"),
        "{out}"
    );
    assert!(
        lines.contains(&"KUBERNETES_PORT=tcp://10.96.0.1:443"),
        "{out}"
    );
    assert_eq!(lines.last(), Some(&"HOME=/root"));
    // Paths never leave the container.
    let (_, out, _) = exec(
        &mut c,
        "web-0",
        "nginx",
        &["cat", "/../../../../etc/hostname"],
    );
    assert_eq!(out, "web-0\n");
}

const PAUSE: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: pause\n    image: registry.k8s.io/pause:3.10\n";

#[test]
fn images_without_a_shell_cannot_exec_it() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object(PAUSE)).unwrap();
    c.advance(30_000);
    let (r, _, _) = exec(&mut c, "p", "pause", &["sh"]);
    assert_eq!(r, ExecResult::NotFound { path: "sh".into() });
    assert_eq!(runtime::image_shell("registry.k8s.io/pause:3.10"), None);
    assert_eq!(
        runtime::image_shell("busybox:1.28"),
        Some(kubetutor::shell::Dialect::Ash)
    );
}

const BUSYBOX: &str = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bb\nspec:\n  containers:\n  - name: bb\n    image: busybox:1.36\n    command: [\"sleep\", \"3600\"]\n";

#[test]
fn busybox_words_things_its_own_way() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object(BUSYBOX)).unwrap();
    c.advance(30_000);
    let (r, _, err) = exec(&mut c, "bb", "bb", &["cat", "nope"]);
    assert_eq!(r, ExecResult::Exited(1));
    assert_eq!(err, "cat: can't open 'nope': No such file or directory\n");
    let (_, _, err) = exec(&mut c, "bb", "bb", &["ls", "nope"]);
    assert_eq!(err, "ls: nope: No such file or directory\n");
    let (r, _, err) = sh(&mut c, "bb", "bb", "curl localhost");
    assert_eq!(
        (r, err.as_str()),
        (ExecResult::Exited(127), "sh: curl: not found\n")
    );
    let (_, out, _) = exec(&mut c, "bb", "bb", &["ps"]);
    assert_eq!(
        out,
        "PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 3600\n    7 root      0:00 ps\n"
    );
    let (_, out, _) = exec(&mut c, "bb", "bb", &["id"]);
    assert_eq!(out, "uid=0(root) gid=0(root) groups=0(root),10(wheel)\n");
    let (_, out, _) = exec(&mut c, "bb", "bb", &["date"]);
    assert!(out.starts_with("Mon Mar  3 10:00:"), "{out}");
    let (_, out, _) = exec(&mut c, "bb", "bb", &["ls", "/"]);
    assert_eq!(out, "bin\ndev\netc\nhome\nlib\nlib64\nmedia\nmnt\nopt\nproc\nroot\nrun\nsrv\nsys\ntmp\nusr\nvar\n");
    let (_, out, _) = sh(
        &mut c,
        "bb",
        "bb",
        "mkdir -p /data/a/b && echo hi > /data/a/b/f && ls -l /data/a/b",
    );
    assert!(
        out.starts_with("total 4\n-rw-r--r--    1 root     root             3 Mar  3 10:00 f\n"),
        "{out}"
    );
    let (_, _, err) = sh(&mut c, "bb", "bb", "rm /data/a");
    assert_eq!(err, "rm: '/data/a' is a directory\n");
    let (r, _, err) = exec(&mut c, "bb", "bb", &["wget", "-qO-", "http://nowhere"]);
    assert_eq!(
        (r, err.as_str()),
        (ExecResult::Exited(1), "wget: bad address 'nowhere'\n")
    );
}

#[test]
fn gnu_tools_in_debian_images() {
    let mut c = web_cluster("1Gi");
    let (_, _, err) = exec(&mut c, "web-0", "nginx", &["ls", "nope"]);
    assert_eq!(err, "ls: cannot access 'nope': No such file or directory\n");
    let (_, _, err) = exec(&mut c, "web-0", "nginx", &["mkdir", "/etc"]);
    assert_eq!(err, "mkdir: cannot create directory '/etc': File exists\n");
    let (_, out, _) = exec(&mut c, "web-0", "nginx", &["id"]);
    assert_eq!(out, "uid=0(root) gid=0(root) groups=0(root)\n");
    let (_, out, _) = sh(
        &mut c,
        "web-0",
        "nginx",
        "printf 'b\\na\\nb\\n' > /tmp/x; sort /tmp/x | uniq -c; wc -l /tmp/x; grep -c b /tmp/x",
    );
    assert_eq!(out, "      1 a\n      2 b\n3 /tmp/x\n2\n");
    let (_, out, _) = exec(&mut c, "web-0", "nginx", &["ls", "-l", "/usr/share/nginx"]);
    assert!(
        out.starts_with("total 4\ndrwxr-xr-x 2 root root 4096 Mar  3 10:0"),
        "{out}"
    );
}

#[test]
fn nginx_serves_its_default_page_404_and_logs_requests() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api
        .create(yaml_object("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n"))
        .unwrap();
    c.api.create(yaml_object(BUSYBOX)).unwrap();
    c.advance(30_000);
    let ip = {
        let o = c.api.store.get(&pod("web")).unwrap();
        let p = o.as_typed::<k8s_openapi::api::core::v1::Pod>().unwrap();
        p.status.as_ref().unwrap().pod_ip.clone().unwrap()
    };
    let (_, out, err) = exec(&mut c, "web", "nginx", &["curl", "-i", "localhost"]);
    assert!(
        out.starts_with("HTTP/1.1 200 OK\r\nServer: nginx/1.27.4\r\nDate: Mon, 03 Mar 2025 10:00:"),
        "{out}"
    );
    assert!(out.contains("Content-Length: 615\r\nLast-Modified: Wed, 05 Feb 2025 11:06:32 GMT\r\nConnection: keep-alive\r\nETag: \"67a34638-267\"\r\nAccept-Ranges: bytes\r\n\r\n<!DOCTYPE html>"), "{out}");
    assert!(err.starts_with("  % Total    % Received % Xferd"), "{err}");
    let (_, out, _) = exec(
        &mut c,
        "bb",
        "bb",
        &["wget", "-qO-", &format!("http://{ip}/nope")],
    );
    assert_eq!(out, "");
    let (r, _, err) = exec(
        &mut c,
        "bb",
        "bb",
        &["wget", "-qO-", &format!("http://{ip}/nope")],
    );
    assert_eq!(
        (r, err.as_str()),
        (
            ExecResult::Exited(1),
            "wget: server returned error: HTTP/1.1 404 Not Found\n"
        )
    );
    let (r, _, err) = exec(
        &mut c,
        "web",
        "nginx",
        &["curl", "-sS", &format!("{ip}:8080")],
    );
    assert_eq!(r, ExecResult::Exited(7));
    assert_eq!(err, format!("curl: (7) Failed to connect to {ip} port 8080 after 0 ms: Couldn't connect to server\n"));
    let logs = runtime::logs(&c, &pod("web"), "nginx", false).unwrap();
    let lines: Vec<&str> = logs.lines().collect();
    assert_eq!(lines[0], "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
    assert!(lines
        .iter()
        .any(|l| l.ends_with("[notice] 1#1: start worker processes")));
    let access: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains("HTTP/1.1\"") && !l.contains("[error]"))
        .collect();
    assert_eq!(access.len(), 3, "{logs}");
    assert!(
        access[0].starts_with("127.0.0.1 - - [03/Mar/2025:10:00:"),
        "{}",
        access[0]
    );
    assert!(
        access[0].ends_with("\"GET / HTTP/1.1\" 200 615 \"-\" \"curl/7.88.1\" \"-\""),
        "{}",
        access[0]
    );
    assert!(
        access[1].ends_with("\"GET /nope HTTP/1.1\" 404 153 \"-\" \"Wget\" \"-\""),
        "{}",
        access[1]
    );
    assert!(lines.iter().any(|l| l.contains("[error] ")
        && l.contains(
            "open() \"/usr/share/nginx/html/nope\" failed (2: No such file or directory)"
        )));
}

const KUBIA: &str = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: kubia\nspec:\n  serviceName: kubia\n  replicas: 2\n  selector:\n    matchLabels:\n      app: kubia\n  template:\n    metadata:\n      labels:\n        app: kubia\n    spec:\n      containers:\n      - name: kubia\n        image: luksa/kubia-pet\n        ports:\n        - name: http\n          containerPort: 8080\n        volumeMounts:\n        - name: data\n          mountPath: /var/data\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      resources:\n        requests:\n          storage: 1Mi\n      accessModes:\n      - ReadWriteOnce\n";

#[test]
fn kubia_pet_stores_posted_data_on_its_volume() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object(KUBIA)).unwrap();
    c.advance(180_000);
    let (_, out, _) = exec(
        &mut c,
        "kubia-0",
        "kubia",
        &["curl", "-s", "localhost:8080"],
    );
    assert_eq!(
        out,
        "You've hit kubia-0\nData stored on this pod: No data posted yet\n"
    );
    let (_, out, _) = exec(
        &mut c,
        "kubia-0",
        "kubia",
        &[
            "curl",
            "-s",
            "-X",
            "POST",
            "-d",
            "Hey there! This greeting was submitted to kubia-0.",
            "localhost:8080",
        ],
    );
    assert_eq!(out, "Data stored on pod kubia-0\n");
    c.api.delete(&pod("kubia-0"), &Default::default()).unwrap();
    c.advance(180_000);
    let (_, out, _) = exec(
        &mut c,
        "kubia-0",
        "kubia",
        &["curl", "-s", "localhost:8080"],
    );
    assert_eq!(out, "You've hit kubia-0\nData stored on this pod: Hey there! This greeting was submitted to kubia-0.\n");
    let logs = runtime::logs(&c, &pod("kubia-0"), "kubia", false).unwrap();
    assert_eq!(logs, "");
    let (_, _, err) = exec(&mut c, "kubia-1", "kubia", &["curl", "localhost:9999"]);
    assert!(
        err.ends_with("curl: (7) Failed to connect to localhost port 9999: Connection refused\n"),
        "{err}"
    );
}

#[test]
fn a_service_spreads_requests_over_ready_endpoints_in_turn() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n")).unwrap();
    c.api.create(yaml_object("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n")).unwrap();
    c.api.create(yaml_object(BUSYBOX)).unwrap();
    c.advance(60_000);
    let pods: Vec<String> = c
        .api
        .store
        .list(Kind::Pod, Some("default"))
        .map(|o| o.name().to_string())
        .filter(|n| n.starts_with("web-"))
        .collect();
    assert_eq!(pods.len(), 3);
    for p in &pods {
        sh(
            &mut c,
            p,
            "nginx",
            "hostname > /usr/share/nginx/html/index.html",
        );
    }
    let svc_ip = {
        let o = c
            .api
            .store
            .get(&ObjKey::new(Kind::Service, "default", "web"))
            .unwrap();
        o.as_typed::<k8s_openapi::api::core::v1::Service>()
            .unwrap()
            .spec
            .as_ref()
            .unwrap()
            .cluster_ip
            .clone()
            .unwrap()
    };
    let mut seen = Vec::new();
    for _ in 0..6 {
        let (_, out, _) = exec(
            &mut c,
            "bb",
            "bb",
            &["wget", "-qO-", &format!("http://{svc_ip}")],
        );
        seen.push(out.trim().to_string());
    }
    let mut first: Vec<String> = seen[..3].to_vec();
    first.sort();
    let mut expected = pods.clone();
    expected.sort();
    assert_eq!(first, expected, "{seen:?}");
    assert_eq!(seen[..3], seen[3..], "round-robin repeats in order");
    // A port the Service does not define: nothing answers.
    let (r, _, err) = exec(
        &mut c,
        "bb",
        "bb",
        &["wget", "-qO-", &format!("http://{svc_ip}:8080")],
    );
    assert_eq!(r, ExecResult::Exited(1));
    assert_eq!(
        err,
        format!("wget: can't connect to remote host ({svc_ip}): Connection timed out\n")
    );
}

#[test]
fn postgres_without_a_password_logs_the_entrypoint_error() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object("apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  containers:\n  - name: postgres\n    image: postgres:17\n")).unwrap();
    c.advance(60_000);
    let logs = runtime::logs(&c, &pod("db"), "postgres", false).unwrap();
    assert!(logs.starts_with("Error: Database is uninitialized and superuser password is not specified.\n       You must specify POSTGRES_PASSWORD"), "{logs}");
    assert!(logs.ends_with("https://www.postgresql.org/docs/current/auth-trust.html\n"));
}

#[test]
fn bounds_hold() {
    let mut c = web_cluster("1Gi");
    let (_, out, err) = exec(&mut c, "web-0", "nginx", &["yes"]);
    assert!(out.len() <= runtime::host::MAX_OUTPUT);
    assert!(!out.is_empty());
    assert!(err.contains("kubetutor: output limit reached"), "{err}");
    let (r, _, err) = exec(&mut c, "web-0", "nginx", &["sleep", "infinity"]);
    assert_eq!(r, ExecResult::Exited(130));
    assert!(err.contains("not simulated"), "{err}");
    let (r, _, err) = sh(&mut c, "web-0", "nginx", "sh -c 'sh -c \"sh -c :\"'");
    assert_eq!((r, err.as_str()), (ExecResult::Exited(0), ""));
}

#[test]
fn logs_of_a_shell_image_replay_its_command_up_to_now() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api
        .create(yaml_object("apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: busybox\n    command: ['sh', '-c', 'echo The app is running!; sleep 60; echo a minute later; sleep 3600']\n"))
        .unwrap();
    c.advance(30_000);
    assert_eq!(
        runtime::logs(&c, &pod("app"), "app", false).unwrap(),
        "The app is running!\n"
    );
    c.advance(60_000);
    assert_eq!(
        runtime::logs(&c, &pod("app"), "app", false).unwrap(),
        "The app is running!\na minute later\n"
    );
    assert_eq!(
        runtime::logs(&c, &pod("app"), "app", true),
        Err(runtime::LogsError::NoPrevious)
    );
}

#[test]
fn a_terminal_gets_columns() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object(BUSYBOX)).unwrap();
    c.advance(30_000);
    let mut cap = Capture::default();
    let r = runtime::PodHost::new(&mut c, &pod("bb"), "bb")
        .with_tty(true)
        .exec(&["ls".to_string(), "/etc".to_string()], None, &mut cap);
    assert_eq!(r, ExecResult::Exited(0));
    assert_eq!(
        cap.stdout,
        "\u{1b}[0;0mgroup\u{1b}[m          \u{1b}[0;0mhosts\u{1b}[m          \u{1b}[1;36mmtab\u{1b}[m           \u{1b}[0;0mpasswd\u{1b}[m\n\u{1b}[0;0mhostname\u{1b}[m       \u{1b}[0;0mlocaltime\u{1b}[m      \u{1b}[0;0mnsswitch.conf\u{1b}[m  \u{1b}[0;0mresolv.conf\u{1b}[m\n"
    );
}

#[test]
fn pods_sharing_a_claim_see_each_others_writes() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object("apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: shared\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n")).unwrap();
    c.api.create(yaml_object("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: box\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: box\n  template:\n    metadata:\n      labels:\n        app: box\n    spec:\n      containers:\n      - name: box\n        image: busybox\n        command: [sleep, '3600']\n        volumeMounts:\n        - name: data\n          mountPath: /data\n      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: shared\n")).unwrap();
    c.advance(120_000);
    let pods: Vec<String> = c
        .api
        .store
        .list(Kind::Pod, Some("default"))
        .map(|o| o.name().to_string())
        .filter(|n| n.starts_with("box-"))
        .collect();
    assert_eq!(pods.len(), 2);
    let (r, _, err) = sh(&mut c, &pods[0], "box", "echo from-first > /data/note");
    assert_eq!(r, ExecResult::Exited(0), "{err}");
    let (_, out, _) = exec(&mut c, &pods[1], "box", &["cat", "/data/note"]);
    assert_eq!(out, "from-first\n");
}

#[test]
fn config_maps_and_secrets_are_projected_read_only() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: site\ndata:\n  index.html: hello from a configmap\n  default.conf: |\n    server {\n        listen 8080;\n        location / {\n            root /srv/www;\n        }\n    }\n")).unwrap();
    c.api.create(yaml_object("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx\n    volumeMounts:\n    - name: site\n      mountPath: /srv/www/index.html\n      subPath: index.html\n    - name: site\n      mountPath: /etc/nginx/conf.d\n  volumes:\n  - name: site\n    configMap:\n      name: site\n")).unwrap();
    c.advance(60_000);
    let (_, out, _) = exec(&mut c, "web", "nginx", &["curl", "-s", "localhost:8080"]);
    assert_eq!(out, "hello from a configmap");
    let (r, _, _) = exec(&mut c, "web", "nginx", &["curl", "-s", "localhost"]);
    assert_eq!(r, ExecResult::Exited(7));
    let (_, out, _) = exec(&mut c, "web", "nginx", &["ls", "/etc/nginx/conf.d"]);
    assert_eq!(out, "default.conf\nindex.html\n");
    let (r, _, err) = sh(
        &mut c,
        "web",
        "nginx",
        "echo x > /etc/nginx/conf.d/extra.conf",
    );
    assert_eq!(r, ExecResult::Exited(2));
    assert_eq!(
        err,
        "sh: 1: cannot create /etc/nginx/conf.d/extra.conf: Read-only file system\n"
    );
    let logs = runtime::logs(&c, &pod("web"), "nginx", false).unwrap();
    assert!(logs.contains("10-listen-on-ipv6-by-default.sh: info: can not modify /etc/nginx/conf.d/default.conf (read-only file system?)\n"), "{logs}");
    // An update to the ConfigMap reaches the mounted files (not the subPath one).
    let mut cm = c
        .api
        .store
        .get(&ObjKey::new(Kind::ConfigMap, "default", "site"))
        .unwrap()
        .as_ref()
        .clone();
    if let Object::ConfigMap(m) = &mut cm {
        m.data
            .as_mut()
            .unwrap()
            .insert("index.html".into(), "changed".into());
    }
    c.api.update(cm).unwrap();
    let (_, out, _) = exec(
        &mut c,
        "web",
        "nginx",
        &["cat", "/etc/nginx/conf.d/index.html", "/srv/www/index.html"],
    );
    assert_eq!(out, "changedhello from a configmap");
}

#[test]
fn programs_and_shells_by_name() {
    let mut c = web_cluster("1Gi");
    let mut host = runtime::PodHost::new(&mut c, &pod("web-0"), "nginx");
    assert_eq!(host.which("sh").as_deref(), Some("/usr/bin/sh"));
    assert_eq!(host.which("nslookup"), None);
    assert_eq!(
        host.shell_for("bash"),
        Some(kubetutor::shell::Dialect::Bash)
    );
    assert_eq!(
        host.shell_for("/bin/sh"),
        Some(kubetutor::shell::Dialect::Dash)
    );
    assert_eq!(host.shell_for("ls"), None);
    assert_eq!(host.hostname(), "web-0");
    assert_eq!(host.workdir(), "/");
    let mut names = host.list_dir_names("/", "/usr/share/nginx").unwrap();
    names.sort();
    assert_eq!(names, vec!["html"]);
}

#[test]
fn postgres_initialises_its_claim_once() {
    let mut c = Cluster::new(&ClusterConfig::default());
    c.api.create(yaml_object("apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 1\n  selector:\n    matchLabels:\n      app: db\n  template:\n    metadata:\n      labels:\n        app: db\n    spec:\n      containers:\n      - name: postgres\n        image: postgres:17\n        env:\n        - name: POSTGRES_PASSWORD\n          value: secret\n        volumeMounts:\n        - name: data\n          mountPath: /var/lib/postgresql/data\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources:\n        requests:\n          storage: 1Gi\n")).unwrap();
    c.advance(120_000);
    let logs = runtime::logs(&c, &pod("db-0"), "postgres", false).unwrap();
    assert!(
        logs.starts_with(
            "The files belonging to this database system will be owned by user \"postgres\".\n"
        ),
        "{logs}"
    );
    assert!(logs.contains("PostgreSQL init process complete; ready for start up.\n"));
    assert!(
        logs.ends_with("[1] LOG:  database system is ready to accept connections\n"),
        "{logs}"
    );
    c.api.delete(&pod("db-0"), &Default::default()).unwrap();
    c.advance(120_000);
    let logs = runtime::logs(&c, &pod("db-0"), "postgres", false).unwrap();
    assert!(logs.starts_with("\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n"), "{logs}");
    let (_, out, _) = exec(
        &mut c,
        "db-0",
        "postgres",
        &["cat", "/var/lib/postgresql/data/PG_VERSION"],
    );
    assert_eq!(out, "17\n");
}

#[test]
fn directories_and_plain_files_do_not_execute() {
    let mut c = web_cluster("1Gi");
    let (r, _, _) = exec(&mut c, "web-0", "nginx", &["/etc"]);
    assert_eq!(
        r,
        ExecResult::NotExecutable {
            path: "/etc".into(),
            is_dir: true
        }
    );
    let (r, _, _) = exec(&mut c, "web-0", "nginx", &["/etc/hostname"]);
    assert_eq!(
        r,
        ExecResult::NotExecutable {
            path: "/etc/hostname".into(),
            is_dir: false
        }
    );
    let (r, _, _) = exec(&mut c, "web-0", "nginx", &["/nope"]);
    assert_eq!(
        r,
        ExecResult::NotFound {
            path: "/nope".into()
        }
    );
    // A script with an execute bit runs with /bin/sh.
    sh(
        &mut c,
        "web-0",
        "nginx",
        "echo 'echo from script $1' > /s.sh; chmod +x /s.sh",
    );
    let (r, out, _) = exec(&mut c, "web-0", "nginx", &["/s.sh", "arg"]);
    assert_eq!(
        (r, out.as_str()),
        (ExecResult::Exited(0), "from script arg\n")
    );
}
