//! The fuzz test's inputs: command lines taken from the transcripts and command files,
//! manifests from the fixtures, each mutated by a seeded generator (token swaps, odd
//! flags and values, huge numbers, broken quotes and YAML), plus pod-shell snippets and
//! sandbox commands written to stress the bounds (loops, recursion, huge output).

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::path::Path;

/// Values that break parsers: huge and negative numbers, odd units, quotes, unicode.
const ODD_VALUES: &[&str] = &[
    "",
    "0",
    "-1",
    "-0",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "99999999999999999999",
    "1e400",
    "NaN",
    "inf",
    "0x10",
    "1.5",
    "-5s",
    "99999999999h",
    "1000y",
    "9999999999999999999999999m",
    "1Ei",
    "1e18",
    "999999999999999999999Gi",
    "'",
    "\"",
    "\\",
    "$(",
    "${",
    "`",
    "{",
    "}",
    "[",
    "]",
    "{{",
    "}}",
    "{.}",
    "{..}",
    "{range}",
    "{end}",
    "{.items[*]}",
    "{.items[-1]}",
    "{.items[99999999999]}",
    "{.items[::-1]}",
    "{.items[0:0:0]}",
    "{{.}}",
    "{{range .}}",
    "{{index . 99}}",
    "{{template \"x\"}}",
    "*",
    "?",
    "!",
    "=",
    "==",
    "!=",
    ",",
    ",,",
    "a=b,=c",
    "in (",
    "notin ()",
    "-",
    "--",
    "---",
    "-o",
    "-n",
    "ünïcödé",
    "日本",
    "\u{feff}",
    "\t",
    "a\tb",
    "web-0",
    "web-stateful-set-0",
    "pod/web-0",
    "sts/web",
    "deploy/web",
    "/",
    "..",
    "../../../../etc/passwd",
    "/dev/zero",
    "/dev/urandom",
    "&",
    "|",
    ";",
    "&&",
    "||",
    ">",
    "<",
    "<<",
    "2>&1",
    "%s%s%s%n",
    "%999999999d",
];

/// Flags kubectl takes, with and without values, to sprinkle into command lines.
const FLAGS: &[&str] = &[
    "-o",
    "-o=json",
    "-o=yaml",
    "-o=wide",
    "-o=name",
    "-ojsonpath=",
    "-o=go-template=",
    "-o=custom-columns=",
    "--template=",
    "--sort-by=",
    "-l",
    "--selector=",
    "--field-selector=",
    "-n",
    "--namespace=",
    "-A",
    "--all",
    "-w",
    "--watch-only",
    "--replicas=",
    "--timeout=",
    "--request-timeout=",
    "--since=",
    "--tail=",
    "--grace-period=",
    "--cascade=",
    "--dry-run=",
    "--force",
    "--type=",
    "-p",
    "--patch=",
    "-f",
    "-k",
    "-c",
    "--image=",
    "--port=",
    "--for=",
    "--to-revision=",
    "--show-labels",
    "-L",
    "--limit=",
    "--chunk-size=",
    "--previous",
    "-it",
    "-i",
    "--rm",
    "--restart=",
    "--overwrite",
    "--local",
    "--record",
    "-h",
    "--help",
    "--v=",
    "--output-watch-events",
    "--no-headers",
    "--raw=",
    "--subresource=",
    "--server-side",
    "--prune",
    "--recursive",
    "--",
];

/// Commands written to find bounds: loops, recursion, huge numbers, the sandbox's own
/// commands with odd arguments. `{}` in a line is replaced with an odd value.
const STRESS: &[&str] = &[
    "sleep {}",
    "advance {}",
    "speed {}",
    "time {}",
    "save {}",
    "load {}",
    "undo {}",
    "map {}",
    "map -n {}",
    "why {}",
    "lint {}",
    "break pod web-0 {}",
    "break pod {} readiness",
    "heal pod {}",
    "fail node {}",
    "heal node {}",
    "lesson {}",
    "lessons {}",
    "hint {}",
    "help {}",
    "kubectl scale sts web --replicas={}",
    "kubectl scale deploy web --replicas={}",
    "kubectl create deployment web --image=nginx --replicas={}",
    "kubectl logs web-0 --tail={}",
    "kubectl logs web-0 --since={}",
    "kubectl wait --for=condition=Ready pod/web-0 --timeout={}",
    "kubectl get pods -w --request-timeout={}",
    "kubectl rollout status sts/web --timeout={}",
    "kubectl rollout undo sts/web --to-revision={}",
    "kubectl delete pod web-0 --grace-period={}",
    "kubectl get pods -o jsonpath='{}'",
    "kubectl get pods -o jsonpath={}",
    "kubectl get pods -o go-template='{}'",
    "kubectl get pods -o custom-columns={}",
    "kubectl get pods --sort-by={}",
    "kubectl get pods -l '{}'",
    "kubectl get pods --field-selector='{}'",
    "kubectl patch sts web -p '{}'",
    "kubectl patch sts web --type=merge -p '{}'",
    "kubectl patch sts web --type=json -p '{}'",
    "kubectl patch sts web --type=json -p '[{\"op\":\"add\",\"path\":\"{}\",\"value\":1}]'",
    "kubectl patch sts web --type=json -p '[{\"op\":\"remove\",\"path\":\"/spec/{}\"}]'",
    "kubectl patch sts web --type=json -p '[{\"op\":\"move\",\"from\":\"/spec\",\"path\":\"/spec/{}\"}]'",
    "kubectl patch sts web -p '{\"spec\":{\"replicas\":{}}}'",
    "kubectl patch sts web -p '{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"{}\",\"$patch\":\"delete\"}]}}}}'",
    "kubectl set image sts/web nginx={}",
    "kubectl label pod web-0 {}",
    "kubectl annotate pod web-0 a={}",
    "kubectl create configmap c --from-literal={}",
    "kubectl run r --image=busybox -- sleep {}",
    "kubectl exec web-0 -- sleep {}",
    "kubectl exec web-0 -- sh -c 'sleep {}'",
    "kubectl exec web-0 -- seq {}",
    "kubectl exec web-0 -- sh -c 'seq 1 {} | tail -n 1'",
    "kubectl exec web-0 -- sh -c 'seq {} | head -n 2'",
    "kubectl exec web-0 -- head -n {} /etc/hostname",
    "kubectl exec web-0 -- tail -n {} /etc/hostname",
    "kubectl exec web-0 -- head -c {} /dev/zero",
    "kubectl exec web-0 -- curl -s {}",
    "kubectl exec web-0 -- curl -m {} web-1.nginx",
    "kubectl exec web-0 -- nslookup {}",
    "kubectl exec web-0 -- sh -c 'echo $(({}))'",
    "kubectl exec web-0 -- sh -c 'printf {}'",
    "kubectl exec web-0 -- sh -c 'x={}; echo ${x:-a} ${#x} ${x%%?} ${x:0:3}'",
    "echo $(({}))",
    "printf '{}'",
    "seq {}",
    "seq 1 {}",
    "seq {} -1 1",
    "echo hi | head -n {}",
    "echo hi | tail -n {}",
    "echo hi | head -c {}",
    "yes | head -n {}",
    "for i in $(seq {}); do :; done",
    "x={}; echo ${x:{}} ${x: -{}}",
    "set -- {}; shift {}",
    "ulimit {}",
    "read -n {} x <<< hi",
    "test {} -gt 1",
    "[ {} -eq {} ]",
    "kubectl get --raw {}",
    "kubectl explain {}",
    "kubectl api-resources {}",
    "kubectl config {}",
    "kubectl auth can-i {}",
];

/// Shell snippets for the pod's shell and the learner's: loops, recursion, huge output.
const SHELL_STRESS: &[&str] = &[
    "while true; do :; done",
    "while :; do echo y; done",
    "until false; do :; done",
    "for i in 1 2 3; do for j in $(seq 1000); do echo $i$j; done; done | wc -l",
    "f() { f; }; f",
    "f() { f | f; }; f",
    "f() { echo $(f); }; f",
    "yes",
    "yes | head -n 3",
    "cat /dev/zero",
    "cat /dev/urandom | head -c 10",
    "cat /dev/zero | head -c 10",
    "head -c 100000000 /dev/zero | wc -c",
    "seq 100000000",
    "seq 100000000 | wc -l",
    "x=a; while true; do x=$x$x; done",
    "x=a; for i in $(seq 64); do x=$x$x; done; echo ${#x}",
    "echo a | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat | cat",
    "cat <<EOF\nhello\nEOF",
    "cat <<'EOF' | wc -l\n$x\nEOF",
    "cat <<EOF",
    "sh -c 'sh -c \"sh -c yes\"'",
    "exec sh",
    "sh",
    "trap 'echo t' EXIT; exit",
    "while read l; do echo $l; done < /dev/zero",
    "ls -R /",
    "find /",
    "cat /proc/self/mem",
    "dd if=/dev/zero bs=1M count=100000",
    "sort /dev/zero",
    "wc -l /dev/zero",
    "grep x /dev/zero",
    "tail -f /dev/null",
    "tail -f /var/log/nginx/access.log",
    "watch date",
    "top",
    "sleep infinity",
    "sleep 1e9",
    "ping web-1.nginx",
    "curl -s web-1.nginx",
    "curl web-1.nginx:99999",
    "curl -s http://[::1",
    "wget -O- web-1.nginx",
    "nslookup ''",
    "nslookup web-0.nginx.default.svc.cluster.local.........",
    "eval 'eval \"eval yes\"'",
    "alias a=a; a",
    "echo {1..100000000}",
    "echo $((2**64)) $((1/0)) $((9223372036854775807+1)) $((-9223372036854775808/-1)) $((1<<99))",
    "printf '%*d' 999999999 1",
    "printf '%.*f' 999999999 1",
    "x=$(printf '%099999999d' 1); echo ${#x}",
    "echo > /dev/full",
    "exec 3<&0 9999999999>&1",
    "umask 9999",
    "cd /nonexistent; cd ../../../..; pwd",
    "export -f",
    "read",
    "kill -9 1",
    "kill 0",
    "exit 99999999999",
    "return 5",
    "break 99999999999",
    "shift 99999999999",
    "[[ a =~ ( ]]",
    "case x in [) echo;; esac",
    "${x:?}",
    "${x/#/}",
    "echo ${x:99999999999}",
    "echo ${@:99999999999:99999999999}",
    "getent hosts $(printf 'a%.0s' $(seq 300))",
];

pub struct Generator {
    rng: ChaCha8Rng,
    /// Command lines from the transcripts and command files (heredocs included).
    commands: Vec<String>,
    /// Manifests from the fixtures.
    manifests: Vec<String>,
}

/// The commands of every transcript and command file under `root`, and the manifests.
fn corpus(root: &Path) -> (Vec<String>, Vec<String>) {
    let mut commands = Vec::new();
    let mut manifests = Vec::new();
    let mut stack = vec![root.join("tests/transcripts"), root.join("fixtures")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let script = match path.extension().and_then(|e| e.to_str()) {
                Some("t") => kubetutor::script::lexer::transcript_commands(&text),
                Some("sh") => text,
                Some("yaml" | "yml" | "json") => {
                    manifests.push(text);
                    continue;
                }
                _ => continue,
            };
            for cmd in kubetutor::script::lexer::split_commands(&script) {
                commands.push(cmd.text);
            }
        }
    }
    (commands, manifests)
}

impl Generator {
    pub fn new(root: &Path, seed: u64) -> Self {
        let (commands, manifests) = corpus(root);
        assert!(!commands.is_empty() && !manifests.is_empty(), "no corpus");
        Generator {
            rng: ChaCha8Rng::seed_from_u64(seed),
            commands,
            manifests,
        }
    }

    fn below(&mut self, n: usize) -> usize {
        (self.rng.next_u64() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn odd(&mut self) -> String {
        if self.chance(15) {
            // A long run of one character, or a number of many digits.
            let c = self.pick(&["9", "[", "{", "a", "-", "(", "\\", "/", "."]);
            return c.repeat(1 + self.below(2000));
        }
        self.pick(ODD_VALUES).to_string()
    }

    /// The next command line to run (possibly several lines, with a heredoc).
    pub fn next_command(&mut self) -> String {
        match self.below(100) {
            0..=39 => {
                let i = self.below(self.commands.len());
                let base = self.commands[i].clone();
                self.mutate_command(&base)
            }
            40..=54 => {
                let template = self.pick(STRESS).to_string();
                let mut out = String::new();
                for (i, part) in template.split("{}").enumerate() {
                    if i > 0 {
                        out.push_str(&self.odd());
                    }
                    out.push_str(part);
                }
                out
            }
            55..=69 => {
                let snippet = self.pick(SHELL_STRESS).to_string();
                match self.below(3) {
                    0 => snippet,
                    1 => format!(
                        "kubectl exec web-0 -- sh -c '{}'",
                        snippet.replace('\'', "'\\''")
                    ),
                    _ => format!(
                        "kubectl exec web-stateful-set-0 -- sh -c '{}'",
                        snippet.replace('\'', "'\\''")
                    ),
                }
            }
            70..=89 => {
                let i = self.below(self.manifests.len());
                let manifest = self.manifests[i].clone();
                let manifest = self.mutate_manifest(&manifest);
                let verb = self.pick(&["apply", "create", "replace", "delete", "diff"]);
                format!("kubectl {verb} -f - <<'EOF'\n{manifest}\nEOF")
            }
            _ => {
                // A corpus line with its bytes mutated.
                let i = self.below(self.commands.len());
                let base = self.commands[i].clone();
                self.mutate_chars(&base)
            }
        }
    }

    fn mutate_command(&mut self, line: &str) -> String {
        let (first, rest) = line.split_once('\n').unwrap_or((line, ""));
        let mut words: Vec<String> = first.split(' ').map(str::to_string).collect();
        for _ in 0..1 + self.below(3) {
            let at = self.below(words.len() + 1);
            match self.below(6) {
                0 if at < words.len() => words[at] = self.odd(),
                1 if at < words.len() => {
                    let flag = self.pick(FLAGS);
                    let odd = self.odd();
                    words[at] = if flag.ends_with('=') {
                        format!("{flag}{odd}")
                    } else {
                        flag.to_string()
                    };
                }
                2 if at < words.len() && words.len() > 1 => {
                    words.remove(at);
                }
                3 if at < words.len() => {
                    let w = words[at].clone();
                    words.insert(at, w);
                }
                4 => {
                    let flag = self.pick(FLAGS).to_string();
                    words.insert(at.min(words.len()), flag);
                }
                _ => {
                    let odd = self.odd();
                    words.insert(at.min(words.len()), odd);
                }
            }
        }
        let first = words.join(" ");
        if rest.is_empty() {
            first
        } else {
            let rest = if self.chance(50) {
                self.mutate_manifest(rest)
            } else {
                rest.to_string()
            };
            format!("{first}\n{rest}")
        }
    }

    fn mutate_chars(&mut self, text: &str) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        for _ in 0..1 + self.below(4) {
            let at = self.below(chars.len() + 1);
            match self.below(4) {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 => {
                    let c = self.pick(&[
                        "'", "\"", "\\", "$", "{", "}", "(", ")", "|", "<", ">", "`", "\n", "\t",
                        "\u{0}", "é", "#", ";", "&", "*",
                    ]);
                    chars.insert(at, c.chars().next().unwrap_or(' '));
                }
                2 => chars.truncate(at),
                _ if at < chars.len() => {
                    let c = chars[at];
                    chars.insert(at, c);
                }
                _ => {}
            }
        }
        chars.into_iter().collect()
    }

    fn mutate_manifest(&mut self, text: &str) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        for _ in 0..1 + self.below(4) {
            let at = self.below(lines.len());
            match self.below(10) {
                0 => {
                    lines.remove(at);
                    if lines.is_empty() {
                        lines.push(String::new());
                    }
                }
                1 => {
                    let l = lines[at].clone();
                    lines.insert(at, l);
                }
                2 => lines[at] = format!("\t{}", lines[at]),
                3 => lines[at] = format!("  {}", lines[at]),
                4 => {
                    // Replace a value after `key:` with an odd one.
                    if let Some((key, _)) = lines[at].split_once(':') {
                        let odd = self.odd();
                        let value = if self.chance(50) {
                            format!("\"{}\"", odd.replace('"', "\\\""))
                        } else {
                            odd
                        };
                        lines[at] = format!("{key}: {value}");
                    }
                }
                5 => lines.truncate(at.max(1)),
                6 => {
                    let deep = "[".repeat(self.below(20_000));
                    lines.insert(at, format!("  x: {deep}"));
                }
                7 => lines.insert(
                    at,
                    self.pick(&[
                        "---",
                        "...",
                        "%YAML 1.1",
                        "a: &a [x, x]",
                        "b: [*a, *a, *a]",
                        "<<: *a",
                        "? [a]: b",
                        "!!binary abc",
                        "x: !!int 99999999999999999999999",
                        "x: !!float .nan",
                        "x: !!timestamp nope",
                        "x: 0x7fffffffffffffffffff",
                        "\u{feff}apiVersion: v1",
                        "  replicas: 2147483647",
                        "  replicas: -2147483648",
                        "  replicas: 1.0e+400",
                        "  replicas: \"3\"",
                        "  storage: 99999999999999999999999Ei",
                        "  storage: 1e99999",
                        "  cpu: 0.0000000000000000000001",
                        "  memory: -1Gi",
                        "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{}]}",
                    ])
                    .to_string(),
                ),
                8 => {
                    let l = self.mutate_chars(&lines[at]);
                    lines[at] = l;
                }
                _ => {
                    let j = self.below(lines.len());
                    lines.swap(at, j);
                }
            }
        }
        lines.join("\n")
    }
}
