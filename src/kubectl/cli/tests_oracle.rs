//! The oracle tests: every expected string is kubectl v1.32.4's stderr, recorded byte for
//! byte (klog headers use the stamp in `tests::err`). None of them needs kubectl to run.

use super::super::*;
use super::{argv, check_err, err, ok};

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
fn oracle_sweep() {
    // Recorded in a differential run of 66 command lines against kubectl v1.32.4.
    assert_eq!(err("logs web-0 --since=5"), "Error: invalid argument \"5\" for \"--since\" flag: time: missing unit in duration \"5\"\nSee 'kubectl logs --help' for usage.\n");
    assert_eq!(err("scale sts web --replicas="), "Error: invalid argument \"\" for \"--replicas\" flag: strconv.ParseInt: parsing \"\": invalid syntax\nSee 'kubectl scale --help' for usage.\n");
    assert_eq!(err("scale sts web --replicas=1.5"), "Error: invalid argument \"1.5\" for \"--replicas\" flag: strconv.ParseInt: parsing \"1.5\": invalid syntax\nSee 'kubectl scale --help' for usage.\n");
    assert_eq!(err("config view --minify=x"), "Error: invalid argument \"x\" for \"--minify\" flag: strconv.ParseBool: parsing \"x\": invalid syntax\nSee 'kubectl config view --help' for usage.\n");
    assert_eq!(
        err("cluster-info --context"),
        "Error: flag needs an argument: --context\nSee 'kubectl cluster-info --help' for usage.\n"
    );
    assert_eq!(
        err("-v"),
        "Error: flag needs an argument: 'v' in -v\nSee 'kubectl --help' for usage.\n"
    );
    assert_eq!(
        err("-s"),
        "Error: flag needs an argument: 's' in -s\nSee 'kubectl --help' for usage.\n"
    );
    assert_eq!(err("--v=abc get pods"), "Error: invalid argument \"abc\" for \"-v, --v\" flag: strconv.ParseInt: parsing \"abc\": invalid syntax\nSee 'kubectl get --help' for usage.\n");
    assert_eq!(
        err("get pods -x=y"),
        "Error: unknown shorthand flag: 'x' in -x=y\nSee 'kubectl get --help' for usage.\n"
    );
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
    let neg = "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n";
    assert_eq!(check_err("scale --replicas=-1"), neg);
    assert_eq!(check_err("scale sts web --replicas=-3"), neg);
    assert!(check_args(&ok("scale sts web --replicas=0")).is_ok());
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
