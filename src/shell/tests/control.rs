//! Control flow: loops, conditions, `case`, functions, pipelines, and-or lists, `set -e`,
//! `exit`, redirections.

use super::*;
use crate::shell::Dialect::{Ash, Bash, Dash};

#[test]
fn loops_and_conditions() {
    assert_eq!(
        out_all("for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done; for i; do echo no; done; echo end"),
        "1\n3\nend\n"
    );
    assert_eq!(
        out_all("i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i"),
        "1\n2\n3\n0\n"
    );
    assert_eq!(
        out_all("for a in x y; do for b in 1 2; do [ $b = 2 ] && break 2; echo $a$b; done; done; echo after"),
        "x1\nafter\n"
    );
    assert_eq!(
        out_all("case \"$1\" in \"\") echo empty;; esac; case a in (a|b) echo ab;; esac; case c in a) ;; esac; echo $?"),
        "empty\nab\n0\n"
    );
    // A for loop over several lines, as a learner types it.
    assert_eq!(
        out_all("for n in a b\ndo\n  echo \"ns $n\"\ndone\n"),
        "ns a\nns b\n"
    );
}

#[test]
fn functions() {
    assert_eq!(
        out_all("f() { local x=in; echo $1 $# $x; return 4; }; x=out; f a b; echo $? $x"),
        "a 2 in\n4 out\n"
    );
    assert_eq!(
        out_all("f() { echo \"$@\"; shift; echo \"$@\"; }; f 1 2 3; echo $#"),
        "1 2 3\n2 3\n0\n"
    );
    assert_eq!(out_all("x=5; f() { echo $x; }; x=6 f; echo $x"), "6\n5\n");
    assert_eq!(out_all("g() { return; }; false; g; echo $?"), "1\n");
    // Functions persist across runs of an interactive shell.
    let mut sh = shell(Dash);
    let mut host = FakeHost::new();
    run_in(&mut sh, &mut host, "greet() { echo hello $1; }");
    assert_eq!(run_in(&mut sh, &mut host, "greet you").0, "hello you\n");
}

#[test]
fn pipelines_and_lists() {
    assert_eq!(
        out_all("true && echo a || echo b; false && echo c || echo d; ! false && echo e; false | true; echo $?; true | false; echo $?"),
        "a\nd\ne\n0\n1\n"
    );
    assert_eq!(
        out_all("echo a; echo b >&2; { echo c; echo d >&2; } 2>&1 | cat"),
        "a\nb\nc\nd\n"
    );
    assert_eq!(out_all("echo hi | cat | cat"), "hi\n");
    assert_eq!(out_all("echo a & echo b; wait"), "a\nb\n");
    assert_eq!(
        run(Bash, "set -o pipefail; status 3 | true; echo $?").0,
        "3\n"
    );
    assert_eq!(
        run(Dash, "set -o pipefail").0,
        "sh: 1: set: Illegal option -o pipefail\n"
    );
}

#[test]
fn errexit_and_exit() {
    assert_eq!(
        run(Dash, "set -e; true; false; echo not"),
        (String::new(), Status::Exit(1))
    );
    assert_eq!(
        run(Bash, "set -e; if false; then :; fi; false || true; ! true; echo survived; f() { false; echo in-f; }; f; echo after"),
        ("survived\n".to_string(), Status::Exit(1))
    );
    assert_eq!(
        run(Dash, "exit 3; echo no"),
        (String::new(), Status::Exit(3))
    );
    assert_eq!(run(Dash, "exit 300").1, Status::Exit(44));
    assert_eq!(out_all("(exit 4); echo $?; x=$(exit 5); echo $?"), "4\n5\n");
    assert_eq!(run(Dash, "false; exit").1, Status::Exit(1));
    // Interactive bash says `exit` when it leaves.
    assert_eq!(run(Bash, "exit 2"), ("exit\n".to_string(), Status::Exit(2)));
    assert_eq!(
        run(Dash, "exit abc; echo no"),
        (
            "sh: 1: exit: Illegal number: abc\n".to_string(),
            Status::Done(2)
        )
    );
    assert_eq!(
        run(Ash, "trap 'echo bye' EXIT; echo hi; exit 1"),
        ("hi\nbye\n".to_string(), Status::Exit(1))
    );
}

#[test]
fn redirections_write_host_files() {
    let mut sh = shell(Dash);
    let mut host = FakeHost::new();
    let (out, _) = run_in(
        &mut sh,
        &mut host,
        "echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; cat /tmp/f | cat; echo err 2>/tmp/e >&2; echo x >/dev/null",
    );
    assert_eq!(out, "one\ntwo\none\ntwo\n");
    assert_eq!(host.files["/tmp/f"], "one\ntwo\n");
    assert_eq!(host.files["/tmp/e"], "err\n");
    run_in(
        &mut sh,
        &mut host,
        "{ echo a; echo b >&2; } >/tmp/both 2>&1; echo c 2>&1 >/tmp/only",
    );
    assert_eq!(host.files["/tmp/both"], "a\nb\n");
    assert_eq!(host.files["/tmp/only"], "c\n");
    run_in(
        &mut sh,
        &mut host,
        "cd /usr/share/nginx/html && echo hello $(hostname) > index.html",
    );
    assert_eq!(
        host.files["/usr/share/nginx/html/index.html"],
        "hello web-0\n"
    );
    // An empty output still creates (truncates) the file.
    run_in(&mut sh, &mut host, ": > /tmp/empty; >/tmp/f");
    assert_eq!(host.files["/tmp/empty"], "");
    assert_eq!(host.files["/tmp/f"], "");
}

#[test]
fn read_builtin() {
    assert_eq!(
        out_all("read a b <<EOF\n1 2 3\nEOF\necho \"$a|$b\""),
        "1|2 3\n"
    );
    assert_eq!(
        out_all("printf 'x\\\\ y\\n' | { read -r a; echo \"$a\"; }; printf 'x\\\\ y\\n' | { read a; echo \"$a\"; }"),
        "x\\ y\nx y\n"
    );
    assert_eq!(
        out_all("echo partial | { read a; echo $? $a; }; printf last | { read a; echo $? $a; }"),
        "0 partial\n1 last\n"
    );
    assert_eq!(run(Dash, "read").0, "sh: 1: read: arg count\n");
    assert_eq!(run(Bash, "echo hi | { read; echo $REPLY; }").0, "hi\n");
    assert_eq!(
        out_all("IFS=: read a b <<EOF\nx:y:z\nEOF\necho $a $b"),
        "x y:z\n"
    );
}
