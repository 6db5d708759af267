//! Error messages as each shell prints them: unknown commands (with dash's line
//! counter), syntax errors, failed redirections, expansion errors; and `sh -c`.

use super::*;
use crate::shell::Dialect::{Ash, Bash, Dash};
use crate::shell::{run_sh, Invocation};

#[test]
fn command_not_found_per_dialect() {
    assert_eq!(
        run(Bash, "foo; echo $?").0,
        "bash: foo: command not found\n127\n"
    );
    assert_eq!(run(Dash, "foo; echo $?").0, "sh: 1: foo: not found\n127\n");
    assert_eq!(run(Ash, "foo; echo $?").0, "sh: foo: not found\n127\n");
    assert_eq!(run(Bash, "./x").0, "bash: ./x: No such file or directory\n");
}

#[test]
fn dash_counts_lines_across_an_interactive_session() {
    let mut sh = shell(Dash);
    let mut host = FakeHost::new();
    assert_eq!(
        run_in(&mut sh, &mut host, "foo").0,
        "sh: 1: foo: not found\n"
    );
    assert_eq!(
        run_in(&mut sh, &mut host, "foo").0,
        "sh: 2: foo: not found\n"
    );
    assert_eq!(
        run_in(&mut sh, &mut host, "echo a\nbar\n").0,
        "a\nsh: 4: bar: not found\n"
    );
    assert_eq!(
        run_in(&mut sh, &mut host, "done").0,
        "sh: 5: Syntax error: \"done\" unexpected\n"
    );
    assert_eq!(sh.last_status(), 2);
}

#[test]
fn syntax_errors_with_their_prefix() {
    assert_eq!(
        run(Bash, "done"),
        (
            "bash: syntax error near unexpected token `done'\n".into(),
            Status::Done(2)
        )
    );
    assert_eq!(
        run(Ash, "done").0,
        "sh: syntax error: unexpected \"done\"\n"
    );
    assert_eq!(
        run(Dash, "echo a; done").0,
        "sh: 1: Syntax error: \"done\" unexpected\n"
    );
    // Nothing of a text with a syntax error runs.
    assert_eq!(
        run(Dash, "echo a\nfi").0,
        "sh: 2: Syntax error: \"fi\" unexpected\n"
    );
}

#[test]
fn redirection_errors() {
    let script = "echo > /nonexist/f; echo $?; cat < /nonexist; echo > /tmp; echo $?";
    assert_eq!(
        run(Dash, script).0,
        "sh: 1: cannot create /nonexist/f: Directory nonexistent\n2\nsh: 1: cannot open /nonexist: No such file\nsh: 1: cannot create /tmp: Is a directory\n2\n"
    );
    assert_eq!(
        run(Bash, script).0,
        "bash: /nonexist/f: No such file or directory\n1\nbash: /nonexist: No such file or directory\nbash: /tmp: Is a directory\n1\n"
    );
    assert_eq!(
        run(Ash, script).0,
        "sh: can't create /nonexist/f: nonexistent directory\n2\nsh: can't open /nonexist: no such file\nsh: can't create /tmp: Is a directory\n2\n"
    );
    assert_eq!(run(Dash, "echo a >&3").0, "sh: 1: 3: Bad file descriptor\n");
}

#[test]
fn expansion_errors_stop_the_line() {
    assert_eq!(
        run(Dash, "echo ${x?}; echo after"),
        ("sh: 1: x: parameter not set\n".into(), Status::Done(2))
    );
    assert_eq!(
        run(Dash, "echo ${x:?}").0,
        "sh: 1: x: parameter not set or null\n"
    );
    assert_eq!(
        run(Bash, "echo ${x:?}; echo after").0,
        "bash: x: parameter null or not set\n"
    );
    assert_eq!(run(Ash, "echo ${x:?custom}").0, "sh: x: custom\n");
    assert_eq!(
        run(Bash, "echo $((1/0)); echo after"),
        (
            "bash: 1/0: division by 0 (error token is \"0\")\n".into(),
            Status::Done(1)
        )
    );
    assert_eq!(run(Ash, "echo $((1/0))").0, "sh: divide by zero\n");
    // In a subshell or substitution the error ends only that.
    assert_eq!(
        run(Dash, "(echo ${x?}); echo after $?").0,
        "sh: 1: x: parameter not set\nafter 2\n"
    );
}

fn sh_c(d: Dialect, argv: &[&str]) -> (String, i32) {
    let argv: Vec<String> = argv.iter().map(|s| s.to_string()).collect();
    let env = vec![("HOME".to_string(), "/root".to_string())];
    let inv = Invocation {
        argv: &argv,
        stdin: None,
        env: &env,
        cwd: "/",
    };
    let mut host = FakeHost::new();
    let mut cap = Capture::default();
    let status = run_sh(d, &inv, &mut host, &mut cap);
    (cap.text, status)
}

#[test]
fn sh_dash_c_is_not_interactive() {
    let script = "foo; echo $?\nbar\ncd /x";
    assert_eq!(
        sh_c(Dash, &["sh", "-c", script]).0,
        "sh: 1: foo: not found\n127\nsh: 2: bar: not found\nsh: 3: cd: can't cd to /x\n"
    );
    assert_eq!(
        sh_c(Bash, &["bash", "-c", script]).0,
        "bash: line 1: foo: command not found\n127\nbash: line 2: bar: command not found\nbash: line 3: cd: /x: No such file or directory\n"
    );
    assert_eq!(
        sh_c(Ash, &["sh", "-c", script]).0,
        "sh: foo: not found\n127\nsh: bar: not found\nsh: cd: line 3: can't cd to /x: No such file or directory\n"
    );
    assert_eq!(
        sh_c(Dash, &["sh", "-c", "foo", "myname"]).0,
        "myname: 1: foo: not found\n"
    );
    assert_eq!(
        sh_c(Ash, &["sh", "-c", "foo", "myname"]).0,
        "myname: line 1: foo: not found\n"
    );
    assert_eq!(
        sh_c(Bash, &["bash", "-c", "foo", "myname"]).0,
        "myname: line 1: foo: command not found\n"
    );
    assert_eq!(
        sh_c(Bash, &["bash", "-c", "echo a; done"]),
        ("bash: -c: line 1: syntax error near unexpected token `done'\nbash: -c: line 1: `echo a; done'\n".into(), 2)
    );
    assert_eq!(
        sh_c(Dash, &["sh", "-c", "echo ${x?}; echo after"]),
        ("sh: 1: x: parameter not set\n".into(), 2)
    );
    assert_eq!(
        sh_c(Dash, &["sh", "-c", "echo $0 $1 $#", "zero", "one"]).0,
        "zero one 1\n"
    );
    assert_eq!(sh_c(Dash, &["sh", "-c", "exit 7"]).1, 7);
    assert_eq!(sh_c(Dash, &["sh", "-ec", "false; echo no"]).1, 1);
    assert_eq!(
        sh_c(Dash, &["sh", "/nope.sh"]),
        ("sh: 0: cannot open /nope.sh: No such file\n".into(), 2)
    );
}
