//! The sandbox's bounds: endless loops, deep nesting, runaway output, huge values. Each
//! stops with a `kubetutor:` message; none hangs or overflows the stack.

use super::*;
use crate::shell::Dialect::{Bash, Dash};
use crate::shell::Limits;

#[test]
fn endless_loops_stop_at_the_command_budget() {
    let (out, status) = run(Dash, "while true; do :; done; echo never");
    assert_eq!(
        out,
        "kubetutor: stopped after 100000 commands (the sandbox's limit for one command line)\n"
    );
    assert_eq!(status, Status::Done(2));
    let (out, _) = run(Bash, "f() { f; }; f");
    assert!(
        out.starts_with("kubetutor: commands nested more than 64 levels deep"),
        "{out}"
    );
    // The next run starts with a fresh budget.
    let mut sh = shell(Dash);
    let mut host = FakeHost::new();
    run_in(&mut sh, &mut host, "while :; do :; done");
    assert_eq!(run_in(&mut sh, &mut host, "echo ok").0, "ok\n");
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!("echo {}x{}", "$(echo ".repeat(100), ")".repeat(100));
    let (out, status) = run(Dash, &deep);
    assert!(out.contains("nested more than 64 levels"), "{out}");
    assert_eq!(status, Status::Done(2));
    let ok = format!("echo {}x{}", "$(echo ".repeat(20), ")".repeat(20));
    assert_eq!(run(Dash, &ok).0, "x\n");
    // Built at run time, past the parser.
    let (out, _) = run(
        Dash,
        "s='echo x'; i=0; while [ $i -lt 200 ]; do s=\"\\$($s)\"; i=$((i+1)); done; eval \"$s\"",
    );
    assert!(out.contains("nested more than 64 levels"), "{out}");
    let (out, _) = run(Dash, "e='eval \"$e\"'; eval \"$e\"");
    assert!(out.contains("nested more than 64 levels"), "{out}");
}

#[test]
fn nesting_at_the_limit_fits_in_a_small_stack() {
    // Tests run on 2 MiB threads; recursion to the limit must fit there in a debug build.
    let handle = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(|| {
            let (out, _) = run(
                Dash,
                "f() { if true; then for i in 1; do { g=$(f); }; done; fi; }; f",
            );
            out
        })
        .expect("thread");
    let out = handle.join().expect("no stack overflow");
    assert!(out.contains("nested more than 64 levels"), "{out}");
}

#[test]
fn output_is_cut_at_the_budget() {
    let mut sh = shell(Dash);
    sh.limits = Limits {
        max_output_bytes: 1000,
        ..Limits::default()
    };
    let mut host = FakeHost::new();
    let (out, status) = run_in(&mut sh, &mut host, "while :; do echo 0123456789; done");
    assert_eq!(status, Status::Done(2));
    assert!(out.starts_with("0123456789\n"));
    assert!(out.ends_with(
        "\nkubetutor: output stopped after 1000 bytes (the sandbox's limit for one command line)\n"
    ));
    assert_eq!(out.matches("kubetutor").count(), 1);
    // A pipe or a substitution is bounded the same way.
    let (out, _) = run_in(
        &mut sh,
        &mut host,
        "x=$(while :; do echo 0123456789; done); echo ${#x}",
    );
    assert!(out.contains("output stopped after 1000 bytes"), "{out}");
}

#[test]
fn values_and_fields_are_bounded() {
    let mut sh = shell(Dash);
    sh.limits = Limits {
        max_var_bytes: 100,
        ..Limits::default()
    };
    let mut host = FakeHost::new();
    let (out, _) = run_in(&mut sh, &mut host, "x=a; while :; do x=$x$x; done");
    assert_eq!(
        out,
        "kubetutor: the value for x is longer than the sandbox's limit of 100 bytes\n"
    );
    let (out, _) = run(Bash, "echo {1..20000} | cat");
    assert!(out.contains("more than 10000 words"), "{out}");
    let mut big = shell(Dash);
    big.limits.max_script_bytes = 10;
    let (out, _) = run_in(&mut big, &mut host, "echo 0123456789");
    assert_eq!(
        out,
        "kubetutor: the script is longer than the sandbox's limit of 10 bytes\n"
    );
}
