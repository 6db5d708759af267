//! Tests of the parser and its error texts. Every expected error string was recorded from
//! real kubectl v1.32.4 (stderr, byte for byte; klog headers use the stamp below).

use super::*;

#[path = "tests_oracle.rs"]
mod oracle;

#[path = "tests_create.rs"]
mod create;

pub(super) fn argv(line: &str) -> Vec<String> {
    line.split_whitespace().map(String::from).collect()
}

pub(super) fn ok(line: &str) -> Invocation {
    parse(&argv(line)).unwrap_or_else(|e| panic!("{line}: {e}"))
}

pub(super) fn err(line: &str) -> String {
    let stamp = KlogStamp {
        unix_millis: 1_795_418_238_942,
        pid: 5994,
    };
    match parse(&argv(line)) {
        Ok(inv) => panic!("{line}: parsed as {inv:?}"),
        Err(e) => e.render(&stamp),
    }
}

/// The error of `check_args` after a successful parse.
pub(super) fn check_err(line: &str) -> String {
    check_args(&ok(line)).expect_err(line).to_string()
}

#[test]
fn table_has_no_conflicting_names() {
    for v in verbs() {
        let all: Vec<&FlagDef> = flags_of(v.path).collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.long, b.long, "{}: duplicate --{}", v.path, a.long);
                if a.short.is_some() {
                    assert_ne!(a.short, b.short, "{}: duplicate shorthand", v.path);
                }
            }
        }
    }
}

#[test]
fn verbs_cover_the_sandbox() {
    let words = top_level_words();
    for w in [
        "apply",
        "create",
        "get",
        "describe",
        "delete",
        "scale",
        "patch",
        "label",
        "annotate",
        "events",
        "api-resources",
        "version",
        "logs",
        "exec",
        "run",
        "wait",
        "rollout",
        "set",
        "edit",
        "cordon",
        "uncordon",
        "drain",
        "explain",
        "cluster-info",
        "config",
    ] {
        assert!(words.contains(&w), "{w}");
    }
    let rollout: Vec<&str> = verbs()
        .filter_map(|v| v.path.strip_prefix("rollout "))
        .collect();
    assert_eq!(
        rollout,
        ["history", "pause", "restart", "resume", "status", "undo"]
    );
}

#[test]
fn positionals_and_interspersed_flags() {
    let inv = ok("get pods -l app=web web-0 --show-labels");
    assert_eq!(inv.verb, "get");
    assert_eq!(inv.args, ["pods", "web-0"]);
    assert_eq!(inv.flags.get_str("selector"), Some("app=web"));
    assert!(inv.flags.get_bool("show-labels"));
    assert!(!inv.flags.get_bool("watch"));
    assert!(!inv.flags.is_set("watch"));
}

#[test]
fn value_forms() {
    for line in [
        "get pods -oyaml",
        "get pods -o=yaml",
        "get pods -o yaml",
        "get pods --output=yaml",
        "get pods --output yaml",
    ] {
        assert_eq!(ok(line).flags.get_str("output"), Some("yaml"), "{line}");
    }
    assert_eq!(ok("get pods -nx").flags.get_str("namespace"), Some("x"));
    assert_eq!(
        ok("get pods --namespace=x").flags.get_str("namespace"),
        Some("x")
    );
    // pflag: "-n=" is shorthand "n" with value "=" (only "-n=v" with v non-empty strips it).
    assert_eq!(ok("get pods -n=").flags.get_str("namespace"), Some("="));
    assert_eq!(
        ok("get pods --namespace=").flags.get_str("namespace"),
        Some("")
    );
    // A value may start with a dash: the next word is taken regardless.
    assert_eq!(ok("get pods -l -x").flags.get_str("selector"), Some("-x"));
    // Last occurrence of a scalar wins.
    assert_eq!(
        ok("get pods -o json -o yaml").flags.get_str("output"),
        Some("yaml")
    );
    // Defaults are visible through get_str, unquoted.
    assert_eq!(ok("get pods").flags.get_str("output"), Some(""));
    assert_eq!(
        ok("scale sts web --replicas=1").flags.get_str("dry-run"),
        Some("none")
    );
    assert_eq!(ok("get pods").flags.get_str("no-such-flag"), None);
}

#[test]
fn global_flags_before_the_verb() {
    let inv = ok("-n kube-system get pods");
    assert_eq!(
        (inv.verb.as_str(), inv.args.clone()),
        ("get", vec!["pods".to_string()])
    );
    assert_eq!(inv.flags.get_str("namespace"), Some("kube-system"));
    let inv = ok("--context=c1 -v 3 rollout -n x status sts/web");
    assert_eq!(inv.verb, "rollout status");
    assert_eq!(inv.args, ["sts/web"]);
    assert_eq!(inv.flags.get_str("context"), Some("c1"));
    assert_eq!(inv.flags.get_int("v").unwrap(), Some(3));
    // A word equal to the verb later on stays a positional.
    assert_eq!(ok("get get").args, ["get"]);
}

#[test]
fn grouped_short_bools_and_bool_values() {
    for line in [
        "exec -it web-0 -- sh",
        "exec -ti web-0 -- sh",
        "exec -i -t web-0 -- sh",
    ] {
        let inv = ok(line);
        assert!(
            inv.flags.get_bool("stdin") && inv.flags.get_bool("tty"),
            "{line}"
        );
        assert_eq!(inv.args, ["web-0"]);
        assert_eq!(inv.after_dash, ["sh"]);
    }
    let inv = ok("exec -it=false web-0 -- ls");
    assert!(inv.flags.get_bool("stdin") && !inv.flags.get_bool("tty"));
    assert!(!ok("get pods -A=false").flags.get_bool("all-namespaces"));
    assert!(ok("get pods --all-namespaces")
        .flags
        .get_bool("all-namespaces"));
    assert!(!ok("get pods -w=F").flags.get_bool("watch"));
    assert!(ok("get pods --watch-only=1").flags.get_bool("watch-only"));
    // A bool never takes the next word.
    assert_eq!(ok("get -w pods").args, ["pods"]);
    // `_` is accepted for `-` in long names, silently.
    assert!(ok("get pods --all_namespaces")
        .flags
        .get_bool("all-namespaces"));
}

#[test]
fn double_dash_and_single_dash() {
    let inv = ok("exec web-0 -c app -- sh -c 'echo --x'");
    assert_eq!(inv.args, ["web-0"]);
    assert_eq!(inv.flags.get_str("container"), Some("app"));
    assert_eq!(inv.after_dash, ["sh", "-c", "'echo", "--x'"]);
    assert!(inv.dash);
    let inv = ok("run x --image=busybox --restart=Never --rm -it -- sh -c date");
    assert_eq!(inv.after_dash, ["sh", "-c", "date"]);
    assert!(inv.flags.get_bool("rm"));
    assert_eq!(ok("apply -f -").flags.get_all("filename"), ["-"]);
    assert_eq!(ok("get - pods").args, ["-", "pods"]);
    assert!(!ok("get pods").dash);
}

#[test]
fn repeatable_flags() {
    let inv = ok("apply -f a.yaml --filename=b.yaml,c.yaml -R");
    assert_eq!(
        inv.flags.get_all("filename"),
        ["a.yaml", "b.yaml", "c.yaml"]
    );
    assert!(inv.flags.get_bool("recursive"));
    let inv = ok("get pods -L app -L tier,zone");
    assert_eq!(inv.flags.get_all("label-columns"), ["app", "tier", "zone"]);
    // --env is a string array: commas are kept.
    let inv = ok("run x --image=n --env=A=1,2 --env B=3 --labels=app=x,tier=y");
    assert_eq!(inv.flags.get_all("env"), ["A=1,2", "B=3"]);
    assert_eq!(inv.flags.get_str("labels"), Some("app=x,tier=y"));
    // A slice value is one CSV record: quotes protect commas.
    assert_eq!(
        ok("get -f \"a,b\",c").flags.get_all("filename"),
        ["a,b", "c"]
    );
}

#[test]
fn optional_value_flags() {
    // --dry-run, --cascade and --validate take `=value`, or stand alone.
    let inv = ok("delete pods x --cascade --dry-run");
    assert_eq!(inv.args, ["pods", "x"]);
    assert_eq!(inv.flags.get_str("cascade"), Some("background"));
    assert_eq!(
        dry_run(&inv).unwrap(),
        (DryRun::Client, Some(CliWarning::DryRunBare))
    );
    let inv = ok("delete pods x --cascade=foreground --dry-run=server --now --wait=false");
    assert_eq!(cascade(&inv).unwrap(), (Cascade::Foreground, None));
    assert_eq!(dry_run(&inv).unwrap(), (DryRun::Server, None));
    assert!(inv.flags.get_bool("now") && !inv.flags.get_bool("wait"));
    assert_eq!(
        ok("apply -f x --validate").flags.get_str("validate"),
        Some("strict")
    );
    assert_eq!(
        ok("apply -f x --validate=false --server-side")
            .flags
            .get_str("validate"),
        Some("false")
    );
}

#[test]
fn typed_accessors() {
    let inv = ok("scale sts web --replicas=0x10 --current-replicas=-1 --timeout=1m30s");
    assert_eq!(inv.flags.get_int("replicas").unwrap(), Some(16));
    assert_eq!(inv.flags.get_int("current-replicas").unwrap(), Some(-1));
    assert_eq!(
        inv.flags.get_duration_nanos("timeout").unwrap(),
        Some(90_000_000_000)
    );
    assert_eq!(inv.flags.get_int("nope").unwrap(), None);
    let inv = ok("logs web-0 -f --tail=20 --previous -c app");
    assert!(inv.flags.get_bool("follow") && inv.flags.get_bool("previous"));
    assert_eq!(inv.flags.get_int("tail").unwrap(), Some(20));
    assert_eq!(ok("logs web-0").flags.get_int("tail").unwrap(), Some(-1));
    let inv = ok("delete pod x --grace-period=0 --force --timeout=10s");
    assert_eq!(inv.flags.get_int("grace-period").unwrap(), Some(0));
    assert!(inv.flags.get_bool("force"));
    let inv = ok("rollout undo sts/web --to-revision=2");
    assert_eq!(inv.flags.get_int("to-revision").unwrap(), Some(2));
    assert_eq!(
        ok("rollout history sts/web --revision=3")
            .flags
            .get_int("revision")
            .unwrap(),
        Some(3)
    );
    let inv = ok("wait --for=condition=Ready pod/web-0 --timeout=60s");
    assert_eq!(inv.flags.get_str("for"), Some("condition=Ready"));
    let inv = ok("patch sts web --type=merge -p {\"spec\":{}}");
    assert_eq!(inv.flags.get_str("type"), Some("merge"));
    assert_eq!(inv.flags.get_str("patch"), Some("{\"spec\":{}}"));
    let inv = ok("label pods x a=b --overwrite --all");
    assert!(inv.flags.get_bool("overwrite") && inv.flags.get_bool("all"));
    assert_eq!(inv.args, ["pods", "x", "a=b"]);
    assert!(ok("run x --image=n -q").flags.get_bool("quiet"));
    assert!(ok("rollout status sts/web --watch=false")
        .flags
        .is_set("watch"));
}

#[test]
fn go_number_and_duration_parsing() {
    assert_eq!(parse_go_int("1_000", true, 64), Ok(1000));
    assert_eq!(parse_go_int("010", true, 64), Ok(8));
    assert_eq!(parse_go_int("0b11", true, 64), Ok(3));
    assert_eq!(parse_go_int("-9223372036854775808", true, 64), Ok(i64::MIN));
    assert!(parse_go_int("9223372036854775808", true, 64)
        .unwrap_err()
        .ends_with("value out of range"));
    assert!(parse_go_int("1__0", true, 64)
        .unwrap_err()
        .ends_with("invalid syntax"));
    assert!(parse_go_int("08", true, 64).is_err());
    assert!(parse_go_int("0x10", false, 32).is_err());
    assert_eq!(parse_go_duration("1.5h"), Ok(5_400_000_000_000));
    assert_eq!(parse_go_duration("-2ms"), Ok(-2_000_000));
    assert_eq!(parse_go_duration("0"), Ok(0));
    assert_eq!(
        parse_go_duration("1x").unwrap_err(),
        "time: unknown unit \"x\" in duration \"1x\""
    );
    assert_eq!(
        parse_csv("a,\"b,c\",d"),
        Ok(vec!["a".into(), "b,c".into(), "d".into()])
    );
    assert_eq!(parse_csv(""), Ok(vec![]));
}

#[test]
fn help_requests() {
    let inv = ok("get -h");
    assert!(inv.wants_help());
    assert_eq!(inv.verb, "get");
    assert!(ok("rollout status --help").wants_help());
    assert!(ok("").wants_help());
    assert!(ok("help scale").wants_help());
    assert_eq!(ok("help scale").verb, "scale");
    // Help wins over a missing required flag, as in cobra.
    assert!(ok("scale -h").wants_help());
    let inv = ok("rollout -h");
    assert_eq!(inv.verb, "rollout");
    let text = usage("scale");
    assert!(text
        .starts_with("Set a new size for a deployment, replica set, or replication controller.\n"));
    assert!(text.contains("    --replicas=0:\n\tThe new desired number of replicas. Required.\n"));
    assert!(text.contains("Usage:\n  kubectl scale [--resource-version=version]"));
    assert!(text.contains("kubetutor"));
    assert!(usage("rollout").contains("  status    Show the status of the rollout\n"));
    assert!(usage("options").contains("    -n, --namespace='':\n"));
}

#[test]
fn completion_views() {
    let get: Vec<&str> = flags_of("get").map(|d| d.long).collect();
    assert!(get.contains(&"watch") && get.contains(&"namespace") && get.contains(&"help"));
    assert_eq!(flags_of("nope").count(), 0);
    let logs_f = flags_of("logs").find(|d| d.short == Some('f')).unwrap();
    assert_eq!((logs_f.long, takes_value(logs_f)), ("follow", false));
    let apply_f = flags_of("apply").find(|d| d.short == Some('f')).unwrap();
    assert_eq!((apply_f.long, takes_value(apply_f)), ("filename", true));
}
