//! Tests of the parser and its error texts. Every expected error string was recorded from
//! real kubectl v1.32.4 (stderr, byte for byte; klog headers use the stamp below).

use super::*;

fn argv(line: &str) -> Vec<String> {
    line.split_whitespace().map(String::from).collect()
}

fn ok(line: &str) -> Invocation {
    parse(&argv(line)).unwrap_or_else(|e| panic!("{line}: {e}"))
}

fn err(line: &str) -> String {
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
fn check_err(line: &str) -> String {
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

#[test]
fn oracle_unknown_commands() {
    assert_eq!(
        err("zzzz"),
        "Error: unknown command \"zzzz\" for \"kubectl\"\n"
    );
    assert_eq!(
        err("foo"),
        "Error: unknown command \"foo\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n\n"
    );
    assert_eq!(
        err("gett pods"),
        "Error: unknown command \"gett\" for \"kubectl\"\n\nDid you mean this?\n\tset\n\tget\n\n"
    );
    assert_eq!(err("ge"), "Error: unknown command \"ge\" for \"kubectl\"\n\nDid you mean this?\n\tset\n\tget\n\tcp\n\n");
    assert_eq!(err("co"), "Error: unknown command \"co\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n\tcordon\n\tcp\n\tcompletion\n\tconfig\n\n");
    assert_eq!(err("ap"), "Error: unknown command \"ap\" for \"kubectl\"\n\nDid you mean this?\n\ttop\n\tcp\n\tapply\n\tapi-versions\n\tapi-resources\n\n");
    assert_eq!(err("d"), "Error: unknown command \"d\" for \"kubectl\"\n\nDid you mean this?\n\tdelete\n\tdrain\n\tdescribe\n\tcp\n\tdebug\n\tdiff\n\n");
    assert_eq!(
        err("--foo get pods"),
        "Error: flags cannot be placed before plugin name: --foo\n"
    );
    assert_eq!(
        err("--context get pods"),
        "Error: flags cannot be placed before plugin name: --context\n"
    );
    assert_eq!(
        err("-n kube-system --foo get pods"),
        "Error: flags cannot be placed before plugin name: -n\n"
    );
    assert_eq!(
        err("rollout foo"),
        "error: unknown command \"foo\"\nSee 'kubectl rollout -h' for help and examples\n"
    );
    assert_eq!(
        err("rollout foo bar"),
        "error: unknown command \"foo bar\"\nSee 'kubectl rollout -h' for help and examples\n"
    );
    assert_eq!(
        err("set foo"),
        "error: unknown command \"foo\"\nSee 'kubectl set -h' for help and examples\n"
    );
    assert_eq!(
        err("config foo"),
        "error: unknown command \"foo\"\nSee 'kubectl config -h' for help and examples\n"
    );
    assert!(matches!(
        parse(&argv("top pods")),
        Err(CliError::NotSimulated { .. })
    ));
    assert!(matches!(
        parse(&argv("config set-context x")),
        Err(CliError::NotSimulated { .. })
    ));
    let e = parse(&argv("rollout")).unwrap_err();
    assert!(e.to_stdout() && e.to_string().contains("Available Commands:"));
    assert!(!parse(&argv("set")).unwrap_err().to_stdout());
    assert_eq!(ok("config use ctx").verb, "config use-context");
}

#[test]
fn oracle_flag_errors() {
    assert_eq!(
        err("get pods --foo"),
        "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("-n kube-system get pods --foo"),
        "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods -oyaml -nx -A=false --foo"),
        "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods --replicas=3"),
        "Error: unknown flag: --replicas\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods -o"),
        "Error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods -o yaml -o"),
        "Error: flag needs an argument: 'o' in -o\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods -n"),
        "Error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods --namespace"),
        "Error: flag needs an argument: --namespace\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods --selector"),
        "Error: flag needs an argument: --selector\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods -l"),
        "Error: flag needs an argument: 'l' in -l\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("-n"),
        "Error: flag needs an argument: 'n' in -n\nSee 'kubectl --help' for usage.\n"
    );
    assert_eq!(
        err("get -h --foo"),
        "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("exec -itx web-0"),
        "Error: unknown shorthand flag: 'x' in -x\nSee 'kubectl exec --help' for usage.\n"
    );
    assert_eq!(
        err("get pods -A -it"),
        "Error: unknown shorthand flag: 'i' in -it\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods -Ai"),
        "Error: unknown shorthand flag: 'i' in -i\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods --=x"),
        "Error: bad flag syntax: --=x\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("get pods ---x"),
        "Error: bad flag syntax: ---x\nSee 'kubectl get --help' for usage.\n"
    );
    assert_eq!(
        err("rollout --foo status"),
        "Error: unknown flag: --foo\nSee 'kubectl rollout --help' for usage.\n"
    );
    assert_eq!(
        err("rollout -n x status --foo"),
        "Error: unknown flag: --foo\nSee 'kubectl rollout status --help' for usage.\n"
    );
    assert_eq!(
        err("config current-context --foo"),
        "Error: unknown flag: --foo\nSee 'kubectl config current-context --help' for usage.\n"
    );
    assert_eq!(
        err("run x --image=nginx --env"),
        "Error: flag needs an argument: --env\nSee 'kubectl run --help' for usage.\n"
    );
    assert_eq!(
        err("wait --for"),
        "Error: flag needs an argument: --for\nSee 'kubectl wait --help' for usage.\n"
    );
    assert_eq!(
        err("apply -f"),
        "Error: flag needs an argument: 'f' in -f\nSee 'kubectl apply --help' for usage.\n"
    );
    assert_eq!(
        err("exec web-0 -c"),
        "Error: flag needs an argument: 'c' in -c\nSee 'kubectl exec --help' for usage.\n"
    );
    for verb in [
        "events",
        "api-resources",
        "version",
        "cluster-info",
        "explain pods",
    ] {
        let first = verb.split(' ').next().unwrap();
        assert_eq!(
            err(&format!("{verb} --foo")),
            format!("Error: unknown flag: --foo\nSee 'kubectl {first} --help' for usage.\n")
        );
    }
}

#[test]
fn oracle_invalid_values() {
    let see = |v: &str| format!("\nSee 'kubectl {v} --help' for usage.\n");
    assert_eq!(err("scale --replicas=x sts/web"), format!("Error: invalid argument \"x\" for \"--replicas\" flag: strconv.ParseInt: parsing \"x\": invalid syntax{}", see("scale")));
    assert_eq!(err("scale sts web --replicas=99999999999999999999"), format!("Error: invalid argument \"99999999999999999999\" for \"--replicas\" flag: strconv.ParseInt: parsing \"99999999999999999999\": value out of range{}", see("scale")));
    assert_eq!(err("scale sts web --replicas=3 --current-replicas=x"), format!("Error: invalid argument \"x\" for \"--current-replicas\" flag: strconv.ParseInt: parsing \"x\": invalid syntax{}", see("scale")));
    assert_eq!(
        err("scale sts web --replicas 3 --timeout=x"),
        format!(
            "Error: invalid argument \"x\" for \"--timeout\" flag: time: invalid duration \"x\"{}",
            see("scale")
        )
    );
    assert_eq!(err("scale sts web --replicas 3 --timeout=5"), format!("Error: invalid argument \"5\" for \"--timeout\" flag: time: missing unit in duration \"5\"{}", see("scale")));
    assert_eq!(err("wait pods/x --for=condition=Ready --timeout=bogus"), format!("Error: invalid argument \"bogus\" for \"--timeout\" flag: time: invalid duration \"bogus\"{}", see("wait")));
    assert_eq!(err("get pods --all-namespaces=bogus"), format!("Error: invalid argument \"bogus\" for \"-A, --all-namespaces\" flag: strconv.ParseBool: parsing \"bogus\": invalid syntax{}", see("get")));
    assert_eq!(err("get pods --all_namespaces=x"), format!("Error: invalid argument \"x\" for \"-A, --all-namespaces\" flag: strconv.ParseBool: parsing \"x\": invalid syntax{}", see("get")));
    assert_eq!(err("get pods -w=maybe"), format!("Error: invalid argument \"maybe\" for \"-w, --watch\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax{}", see("get")));
    assert_eq!(err("get pods --watch-only=x"), format!("Error: invalid argument \"x\" for \"--watch-only\" flag: strconv.ParseBool: parsing \"x\": invalid syntax{}", see("get")));
    assert_eq!(err("get pods --no-headers=2"), format!("Error: invalid argument \"2\" for \"--no-headers\" flag: strconv.ParseBool: parsing \"2\": invalid syntax{}", see("get")));
    assert_eq!(err("get pods -v=x"), format!("Error: invalid argument \"x\" for \"-v, --v\" flag: strconv.ParseInt: parsing \"x\": invalid syntax{}", see("get")));
    assert_eq!(err("logs web-0 --tail=x"), format!("Error: invalid argument \"x\" for \"--tail\" flag: strconv.ParseInt: parsing \"x\": invalid syntax{}", see("logs")));
    assert_eq!(err("logs web-0 -f=x"), format!("Error: invalid argument \"x\" for \"-f, --follow\" flag: strconv.ParseBool: parsing \"x\": invalid syntax{}", see("logs")));
    assert_eq!(err("logs --previous=x web-0"), format!("Error: invalid argument \"x\" for \"-p, --previous\" flag: strconv.ParseBool: parsing \"x\": invalid syntax{}", see("logs")));
    assert_eq!(err("exec -i=maybe web-0 -- ls"), format!("Error: invalid argument \"maybe\" for \"-i, --stdin\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax{}", see("exec")));
    assert_eq!(err("rollout undo sts/web --to-revision=x"), format!("Error: invalid argument \"x\" for \"--to-revision\" flag: strconv.ParseInt: parsing \"x\": invalid syntax{}", see("rollout undo")));
    assert_eq!(err("rollout history sts/web --revision=x"), format!("Error: invalid argument \"x\" for \"--revision\" flag: strconv.ParseInt: parsing \"x\": invalid syntax{}", see("rollout history")));
    assert_eq!(err("apply --server-side=x -f x.yaml"), format!("Error: invalid argument \"x\" for \"--server-side\" flag: strconv.ParseBool: parsing \"x\": invalid syntax{}", see("apply")));
    assert_eq!(err("label pods x --overwrite=x"), format!("Error: invalid argument \"x\" for \"--overwrite\" flag: strconv.ParseBool: parsing \"x\": invalid syntax{}", see("label")));
    assert_eq!(err("delete pods x --grace-period=x"), format!("Error: invalid argument \"x\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"x\": invalid syntax{}", see("delete")));
    assert_eq!(err("delete pods x --grace_period=x"), format!("Error: invalid argument \"x\" for \"--grace-period\" flag: strconv.ParseInt: parsing \"x\": invalid syntax{}", see("delete")));
}

#[test]
fn oracle_required_flags() {
    let e = "E1123 07:17:18.942000    5994 run.go:72] \"command failed\" err=\"required flag(s) \\\"replicas\\\" not set\"\n";
    assert_eq!(err("scale sts web"), e);
    assert_eq!(err("run x"), e.replace("replicas", "image"));
    assert_eq!(err("run"), e.replace("replicas", "image"));
    // Flag errors come before the required-flag check.
    assert!(err("scale sts web --foo").starts_with("Error: unknown flag: --foo"));
}

#[test]
fn oracle_argument_checks() {
    assert_eq!(check_err("get"), "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n");
    let no_res = "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";
    for v in ["delete", "edit", "set image", "scale --replicas=1"] {
        assert_eq!(check_err(v), no_res, "{v}");
    }
    assert_eq!(
        check_err("exec web-0"),
        "error: you must specify at least one command for the container\n"
    );
    assert_eq!(
        check_err("exec -it web-0"),
        "error: you must specify at least one command for the container\n"
    );
    assert_eq!(
        check_err("exec web-0 --"),
        "error: you must specify at least one command for the container\n"
    );
    assert_eq!(
        check_err("exec"),
        "error: pod, type/name or --filename must be specified\n"
    );
    assert_eq!(
        check_err("exec -- ls"),
        "error: pod, type/name or --filename must be specified\n"
    );
    assert_eq!(check_err("exec web-0 ls"), "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
    assert_eq!(check_err("logs"), "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
    assert_eq!(
        check_err("run --image=x"),
        "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n"
    );
    assert_eq!(check_err("apply"), "error: must specify one of -f and -k\n");
    assert_eq!(
        check_err("patch sts web"),
        "error: must specify --patch or --patch-file containing the contents of the patch\n"
    );
    assert_eq!(check_err("label"), "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n");
    assert_eq!(check_err("annotate"), "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n");
    for v in ["cordon", "uncordon", "drain"] {
        assert_eq!(
            check_err(v),
            format!("error: USAGE: {v} NODE [flags]\nSee 'kubectl {v} -h' for help and examples\n")
        );
    }
    assert_eq!(check_err("explain"), "error: You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n");
    assert_eq!(check_err("describe"), "error: You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n");
    for s in ["status", "history", "undo", "restart", "pause", "resume"] {
        assert_eq!(
            check_err(&format!("rollout {s}")),
            "error: required resource not specified\n"
        );
    }
    assert_eq!(
        check_err("wait pods/x"),
        "error: unrecognized condition: \"\"\n"
    );
    for fine in [
        "get pods",
        "get -f x.yaml",
        "logs -l app=web",
        "exec web-0 -- ls",
        "delete -f x.yaml",
        "apply -f x.yaml",
    ] {
        assert!(check_args(&ok(fine)).is_ok(), "{fine}");
    }
}

#[test]
fn oracle_value_checks() {
    let e = check_output_format("bogus", GENERIC_FORMATS).unwrap_err();
    assert_eq!(e.to_string(), "error: unable to match a printer suitable for the output format \"bogus\", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n");
    assert!(check_output_format("jsonpath={.a}", GENERIC_FORMATS).is_ok());
    assert!(check_output_format("wide", GENERIC_FORMATS).is_err());
    assert!(check_output_format("wide", GET_FORMATS).is_ok());
    let e = dry_run(&ok("run x --image=nginx --dry-run=bogus")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "error: Invalid dry-run value (bogus). Must be \"none\", \"server\", or \"client\".\n"
    );
    let e = cascade(&ok("delete pods x --cascade=bogus")).unwrap_err();
    assert_eq!(e.to_string(), "error: invalid cascade value (bogus). Must be \"background\", \"foreground\", or \"orphan\"\n");
    let stamp = KlogStamp {
        unix_millis: 1_795_418_247_452,
        pid: 6522,
    };
    let (_, w) = dry_run(&ok("run x --image=nginx --dry-run")).unwrap();
    assert_eq!(w.unwrap().render(&stamp), "W1123 07:17:27.452000    6522 helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.\n");
    let (_, w) = dry_run(&ok("run x --image=n --dry-run=true")).unwrap();
    assert_eq!(w.unwrap().render(&stamp), "W1123 07:17:27.452000    6522 helpers.go:716] --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n");
    let (c, w) = cascade(&ok("delete pods x --cascade=true")).unwrap();
    assert_eq!(c, Cascade::Background);
    assert_eq!(w.unwrap().to_string(), "warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n");
    let (c, w) = cascade(&ok("delete pods x --cascade=false")).unwrap();
    assert_eq!(c, Cascade::Orphan);
    assert_eq!(w.unwrap().to_string(), "warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n");
}
