//! Each builtin, in each dialect where they differ.

use super::*;
use crate::shell::Dialect::{Ash, Bash, Dash};

#[test]
fn echo_per_dialect() {
    let script = r#"echo -n a; echo -e "b\tc"; echo -E "d\te"; echo "e\tf"; echo -ne "g\n"; echo -- x; echo -nx"#;
    assert_eq!(run(Bash, script).0, "ab\tc\nd\\te\ne\\tf\ng\n-- x\n-nx\n");
    assert_eq!(run(Ash, script).0, "ab\tc\nd\\te\ne\\tf\ng\n-- x\n-nx\n");
    assert_eq!(
        run(Dash, script).0,
        "a-e b\tc\n-E d\te\ne\tf\n-ne g\n\n-- x\n-nx\n"
    );
    assert_eq!(run(Dash, r#"echo "a\cb" c; echo d"#).0, "ad\n");
}

#[test]
fn printf_formats() {
    assert_eq!(
        out_all(
            r#"printf "%s|%5d|%-5s|%05.1f\n" a 42 b 3.14159; printf "%b\n" "a\tb"; printf "no newline"; printf "\n%d%%\n" 50"#
        ),
        "a|   42|b    |003.1\na\tb\nno newline\n50%\n"
    );
    assert_eq!(out_all("printf '%s\\n' a b c"), "a\nb\nc\n");
    assert_eq!(
        run(Dash, "printf '%d\\n' abc").0,
        "0\nsh: 1: printf: abc: expected numeric value\n"
    );
    assert_eq!(
        run(Bash, "printf '%d\\n' abc").0,
        "0\nbash: printf: abc: invalid number\n"
    );
    assert_eq!(
        run(Ash, "printf '%d\\n' abc").0,
        "0\nsh: invalid number 'abc'\n"
    );
}

#[test]
fn cd_and_pwd() {
    let script = "cd /tmp && pwd; cd /nonexist; echo $?; cd; pwd; cd -; cd /etc/hostname; echo $?";
    assert_eq!(
        run(Bash, script).0,
        "/tmp\nbash: cd: /nonexist: No such file or directory\n1\n/root\n/tmp\nbash: cd: /etc/hostname: Not a directory\n1\n"
    );
    assert_eq!(
        run(Dash, script).0,
        "/tmp\nsh: 1: cd: can't cd to /nonexist\n2\n/root\n/tmp\nsh: 1: cd: can't cd to /etc/hostname\n2\n"
    );
    assert_eq!(
        run(Ash, "cd /nonexist").0,
        "sh: cd: can't cd to /nonexist: No such file or directory\n"
    );
    assert_eq!(
        out_all("cd /usr/share/../share/./nginx; pwd; echo $PWD $OLDPWD"),
        "/usr/share/nginx\n/usr/share/nginx /root\n"
    );
    let mut sh = shell(Ash);
    let mut host = FakeHost::new();
    assert_eq!(sh.prompt(), "~ # ");
    run_in(&mut sh, &mut host, "cd /usr/share/nginx/html");
    assert_eq!(sh.prompt(), "/usr/share/nginx/html # ");
    assert_eq!(sh.cwd(), "/usr/share/nginx/html");
    assert_eq!(shell(Dash).prompt(), "# ");
}

#[test]
fn variables_export_unset_readonly() {
    assert_eq!(
        run(Dash, "export A=1 B; export -p | cat; unset A; echo \"[$A]\"; readonly R=2; R=3; echo $R").0,
        "export A='1'\nexport HOME='/root'\nexport PATH='/bin'\nexport PWD='/root'\n[]\nsh: 1: R: is read only\n"
    );
    assert_eq!(
        run(Bash, "export A=1; export -p | cat; readonly R=2; R=3; echo $R").0,
        "declare -x A=\"1\"\ndeclare -x HOME=\"/root\"\ndeclare -x PATH=\"/bin\"\ndeclare -x PWD=\"/root\"\nbash: R: readonly variable\n"
    );
    assert_eq!(
        run(Bash, "export 1x=2").0,
        "bash: export: `1x=2': not a valid identifier\n"
    );
    assert_eq!(
        out_all("f() { echo f; }; unset -f f; x=1; unset x; echo \"[$x]\""),
        "[]\n"
    );
}

#[test]
fn set_and_shift() {
    assert_eq!(
        out_all("set -- a b c; echo $#; shift; echo $1; shift 2; echo $# $1."),
        "3\nb\n0 .\n"
    );
    assert_eq!(run(Bash, "set -- a; shift 5; echo $? $1").0, "1 a\n");
    assert_eq!(
        run(Dash, "set -- a; shift 5; echo $? $1").0,
        "sh: 1: shift: can't shift that many\n"
    );
    assert_eq!(run(Dash, "set -x; echo 'a b' c").0, "+ echo a b c\na b c\n");
    assert_eq!(
        run(Ash, "set -x; x=1 echo 'a b' c").0,
        "+ x=1 echo 'a b' c\na b c\n"
    );
    assert_eq!(
        run(Bash, "set -u; echo $nope; echo after").0,
        "bash: nope: unbound variable\n"
    );
}

#[test]
fn test_builtin() {
    let script = r#"[ -z "" ] && echo z; [ -n "" ] || echo n; [ a = a ] && echo eq; [ 1 -lt 2 ] && echo lt; [ ! -d /etc ] || echo dir; [ -f /etc/hostname ] && echo file; [ -e /nope ] || echo noexist; test 3 -ge 3 && echo ge; [ "" ] || echo empty; [ a != b -a 1 -eq 1 ] && echo and; [ \( 1 -eq 2 \) -o x ] && echo or"#;
    assert_eq!(
        out_all(script),
        "z\nn\neq\nlt\ndir\nfile\nnoexist\nge\nempty\nand\nor\n"
    );
    let errors = "[ a -eq 1 ]; echo $?; [ a b ]; echo $?; [ 1 = 1; echo $?; [ 1 -eq ]; echo $?";
    assert_eq!(
        run(Bash, errors).0,
        "bash: [: a: integer expression expected\n2\nbash: [: a: unary operator expected\n2\nbash: [: missing `]'\n2\nbash: [: 1: unary operator expected\n2\n"
    );
    assert_eq!(
        run(Dash, errors).0,
        "sh: 1: [: Illegal number: a\n2\nsh: 1: [: a: unexpected operator\n2\nsh: 1: [: missing ]\n2\nsh: 1: [: -eq: argument expected\n2\n"
    );
    assert_eq!(
        run(Ash, errors).0,
        "sh: a: bad number\n2\nsh: b: unknown operand\n2\nsh: missing ]\n2\nsh: -eq: argument expected\n2\n"
    );
}

#[test]
fn type_and_command() {
    let script = "f() { :; }; type cd echo exit f if cat nope; echo $?";
    assert_eq!(
        run(Dash, script).0,
        "cd is a shell builtin\necho is a shell builtin\nexit is a special shell builtin\nf is a shell function\nif is a shell keyword\ncat is /bin/cat\nnope: not found\n127\n"
    );
    assert_eq!(
        run(Bash, script).0,
        "cd is a shell builtin\necho is a shell builtin\nexit is a shell builtin\nf is a function\nif is a shell keyword\ncat is /bin/cat\nbash: type: nope: not found\n1\n"
    );
    assert_eq!(
        run(
            Dash,
            "command -v cd; command -v cat; command -v nope; echo $?"
        )
        .0,
        "cd\n/bin/cat\n127\n"
    );
    assert_eq!(run(Bash, "command -v nope; echo $?").0, "1\n");
    assert_eq!(
        out_all("echo() { printf 'fn\\n'; }; echo x; command echo y"),
        "fn\ny\n"
    );
}

#[test]
fn eval_source_exec() {
    assert_eq!(out_all("eval \"a=1; echo \\$a\"; eval echo \\$a"), "1\n1\n");
    let mut sh = shell(Dash);
    let mut host = FakeHost::new();
    host.files.insert(
        "/root/lib.sh".into(),
        "LIB=loaded\nhello() { echo hi $1; }\n".into(),
    );
    assert_eq!(
        run_in(&mut sh, &mut host, ". ./lib.sh; hello $LIB").0,
        "hi loaded\n"
    );
    assert_eq!(
        run_in(&mut sh, &mut host, ". /nope").0,
        "sh: 2: .: cannot open /nope: No such file\n"
    );
    assert_eq!(
        run(Bash, "source /nope").0,
        "bash: /nope: No such file or directory\n"
    );
    assert_eq!(
        run(Dash, "exec echo hi; echo no"),
        ("hi\n".to_string(), Status::Exit(0))
    );
    assert_eq!(run(Bash, "let x=2*3; echo $x").0, "6\n");
}
