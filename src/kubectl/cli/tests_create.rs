//! Oracle tests for the `kubectl create <kind>` sub-commands: command finding (aliases,
//! flags before the sub-command, groups, known-but-not-simulated generators), flag errors
//! recorded from kubectl v1.32.4, and the `-h` flag tables, compared byte for byte with
//! kubectl's `Options:` and `Usage:` sections (recorded in `testdata/create-help/`).

use super::super::*;
use super::{err, ok};

#[test]
fn generators_are_found_like_cobra_does() {
    assert_eq!(
        ok("create deployment web --image=nginx").verb,
        "create deployment"
    );
    assert_eq!(
        ok("create deploy web --image=nginx").verb,
        "create deployment"
    );
    assert_eq!(
        ok("create -o yaml deploy web --image=a").verb,
        "create deployment"
    );
    assert_eq!(ok("create -n x ns").verb, "create namespace");
    assert_eq!(ok("create cm c").verb, "create configmap");
    assert_eq!(ok("create sa robot").verb, "create serviceaccount");
    assert_eq!(ok("create secret generic s").verb, "create secret generic");
    assert_eq!(
        ok("create svc clusterip s").verb,
        "create service clusterip"
    );
    let inv = ok("create deployment web --image=busybox -- sleep 3600");
    assert_eq!(
        (inv.args, inv.after_dash),
        (
            vec!["web".to_string()],
            vec!["sleep".to_string(), "3600".to_string()]
        )
    );
    assert_eq!(ok("create -f x.yaml").verb, "create");
    assert_eq!(
        ok("create foo").args,
        ["foo"],
        "kubectl's Complete rejects it later"
    );
    for line in [
        "create job x",
        "create cronjob x",
        "create cj x",
        "create secret tls x",
        "create quota q",
        "create resourcequota q",
    ] {
        assert!(
            matches!(
                parse(&super::argv(line)),
                Err(CliError::NotSimulated { .. })
            ),
            "{line}"
        );
    }
    assert_eq!(
        parse(&super::argv("create pdb x")).unwrap_err().to_string(),
        "kubetutor: not simulated: kubectl create poddisruptionbudget\n"
    );
}

#[test]
fn oracle_create_parse_errors() {
    let see = |v: &str| format!("\nSee 'kubectl {v} --help' for usage.\n");
    assert_eq!(err("create deployment x --image=a --replicas=3000000000"), format!("Error: invalid argument \"3000000000\" for \"-r, --replicas\" flag: strconv.ParseInt: parsing \"3000000000\": value out of range{}", see("create deployment")));
    assert_eq!(err("create deployment x --image=a --port=2147483648"), format!("Error: invalid argument \"2147483648\" for \"--port\" flag: strconv.ParseInt: parsing \"2147483648\": value out of range{}", see("create deployment")));
    assert_eq!(err("create service nodeport x --tcp=80 --node-port=3000000000000000000000"), format!("Error: invalid argument \"3000000000000000000000\" for \"--node-port\" flag: strconv.ParseInt: parsing \"3000000000000000000000\": value out of range{}", see("create service nodeport")));
    assert_eq!(
        err("create service clusterip x --foo"),
        format!(
            "Error: unknown flag: --foo{}",
            see("create service clusterip")
        )
    );
    assert_eq!(
        err("create deployment x --image=a -o"),
        format!(
            "Error: flag needs an argument: 'o' in -o{}",
            see("create deployment")
        )
    );
    assert_eq!(
        err("create deploy x --image"),
        format!(
            "Error: flag needs an argument: --image{}",
            see("create deployment")
        )
    );
    assert_eq!(err("create deployment web"), "E1123 07:17:18.942000    5994 run.go:72] \"command failed\" err=\"required flag(s) \\\"image\\\" not set\"\n");
    assert_eq!(err("create service externalname x"), "E1123 07:17:18.942000    5994 run.go:72] \"command failed\" err=\"required flag(s) \\\"external-name\\\" not set\"\n");
    assert_eq!(err("create secret foo bar"), "error: unknown command \"foo bar\"\nSee 'kubectl create secret -h' for help and examples\n");
    assert_eq!(
        err("create service foo"),
        "error: unknown command \"foo\"\nSee 'kubectl create service -h' for help and examples\n"
    );
    let group = parse(&super::argv("create service")).unwrap_err();
    assert!(
        !group.to_stdout()
            && group
                .to_string()
                .contains("  clusterip      Create a ClusterIP service\n")
    );
    assert!(
        ok("create deployment web --image=").flags.is_set("image"),
        "an empty --image still counts as set"
    );
}

/// kubectl's help from `Options:` to the end (the sandbox's help adds its own note after).
fn options_to_end(help: &str) -> &str {
    let start = help.find("Options:\n").expect("an Options section");
    let hint = "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n";
    let end = help.find(hint).expect("the options hint") + hint.len();
    &help[start..end]
}

#[test]
fn oracle_create_help_tables() {
    let recorded = [
        (
            "create namespace",
            include_str!("testdata/create-help/namespace.txt"),
        ),
        (
            "create serviceaccount",
            include_str!("testdata/create-help/serviceaccount.txt"),
        ),
        (
            "create deployment",
            include_str!("testdata/create-help/deployment.txt"),
        ),
        (
            "create configmap",
            include_str!("testdata/create-help/configmap.txt"),
        ),
        (
            "create secret generic",
            include_str!("testdata/create-help/secret_generic.txt"),
        ),
        (
            "create service clusterip",
            include_str!("testdata/create-help/service_clusterip.txt"),
        ),
        (
            "create service nodeport",
            include_str!("testdata/create-help/service_nodeport.txt"),
        ),
        (
            "create service loadbalancer",
            include_str!("testdata/create-help/service_loadbalancer.txt"),
        ),
        (
            "create service externalname",
            include_str!("testdata/create-help/service_externalname.txt"),
        ),
    ];
    for (path, kubectl) in recorded {
        let ours = usage(path);
        assert_eq!(options_to_end(&ours), options_to_end(kubectl), "{path}");
    }
    assert!(usage("create").contains("Available Commands:\n  configmap        Create a config map"));
}
