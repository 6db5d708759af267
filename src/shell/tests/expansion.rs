//! Expansion: quoting, field splitting, `$@`, parameter operators, substitutions,
//! arithmetic, tildes, globs, here-documents.

use super::*;
use crate::shell::Dialect::{Ash, Bash, Dash};

#[test]
fn splitting_and_quoting() {
    assert_eq!(
        out_all(r#"x="a  b"; args $x "$x" ${x}c "${x}"c"#),
        "[a]\n[b]\n[a  b]\n[a]\n[bc]\n[a  bc]\n"
    );
    assert_eq!(
        out_all(r#"set -- "a b" c ""; args "$@"; args $@; args "$*"; echo $#"#),
        "[a b]\n[c]\n[]\n[a]\n[b]\n[c]\n[a b c ]\n3\n"
    );
    assert_eq!(out_all(r#"set --; args "$@" x; args "" "$@""#), "[x]\n[]\n");
    assert_eq!(
        out_all("IFS=:; x=a:b::c; args $x; IFS=,; set -- 1 2; echo \"$*\""),
        "[a]\n[b]\n[]\n[c]\n1,2\n"
    );
    assert_eq!(
        out_all(r#"echo 'a$b' "a\$b" a\$b 'it'\''s'"#),
        "a$b a$b a$b it's\n"
    );
    assert_eq!(out_all("echo \"a\nb\""), "a\nb\n");
    assert_eq!(out_all("x='*'; echo \"$x\" \\* \"*\""), "* * *\n");
}

#[test]
fn parameter_operators() {
    assert_eq!(
        out_all("v=web-2; echo ${v##*-} ${v%-*} ${#v} ${u:-def} ${u-d2} ${v:+alt} ${u:+alt}."),
        "2 web 5 def d2 alt .\n"
    );
    assert_eq!(
        out_all("echo ${u:=set}; echo $u; e=; echo ${e:-d} ${e-d}."),
        "set\nset\nd .\n"
    );
    assert_eq!(
        out_all("set -- ${z:-a b}; echo $#; set -- \"${z:-a b}\"; echo $#"),
        "2\n1\n"
    );
    assert_eq!(
        run(Bash, "v=hello; echo ${v:1:3} ${v: -2} ${v/l/L} ${v//l/L}").0,
        "ell lo heLlo heLLo\n"
    );
    assert_eq!(run(Ash, "v=hello; echo ${v:1:3}").0, "ell\n");
    assert_eq!(run(Dash, "echo ${v:1:3}").0, "sh: 1: Bad substitution\n");
}

#[test]
fn command_substitution_and_arithmetic() {
    assert_eq!(
        out_all("a=$(echo hello; echo); echo \"[$a]\"; echo \"$(printf 'x\\n\\n\\n')|\""),
        "[hello]\nx|\n"
    );
    assert_eq!(out_all("echo $(echo $(echo `echo deep`))"), "deep\n");
    assert_eq!(
        out_all(
            "echo $((1+2*3)) $(( (1+2)*3 )) $((10/3)) $((10%3)) $((-5/2)) $((1<2)) $((x=4)) $x"
        ),
        "7 9 3 1 -2 1 4 4\n"
    );
    assert_eq!(
        out_all("i=0; i=$((i+1)); echo $i; echo $(( i += 5 )) $i"),
        "1\n6 6\n"
    );
    assert_eq!(out_all("n=3; echo $(($n * 2)) $((n * 2))"), "6 6\n");
    assert_eq!(out_all("echo \"$(hostname)-$(echo x)\""), "web-0-x\n");
    // The status of an assignment-only command is its last substitution's.
    assert_eq!(out_all("x=$(status 3); echo $?"), "3\n");
}

#[test]
fn tilde_and_subshell_scoping() {
    assert_eq!(out_all("echo ~ ~/x \"~\" ~root"), "/root /root/x ~ /root\n");
    assert_eq!(
        out_all("x=1; { x=2; }; echo $x; (x=3; echo in $x); echo $x; echo $(x=4; echo $x) $x"),
        "2\nin 3\n2\n4 2\n"
    );
    assert_eq!(out_all("(cd /tmp; pwd); pwd"), "/tmp\n/root\n");
    assert_eq!(out_all("echo x | read v; echo \"[$v]\""), "[]\n");
}

#[test]
fn here_documents_and_strings() {
    let script = "cat <<EOF\na $HOME \\$x `echo bq` $(echo cs)\nEOF\ncat <<\"EOF\"\nraw $HOME\nEOF\ncat <<-EOF\n\ttabbed\n\tEOF\n";
    assert_eq!(out_all(script), "a /root $x bq cs\nraw $HOME\ntabbed\n");
    assert_eq!(run(Bash, "cat <<< \"here $HOME\"").0, "here /root\n");
    assert_eq!(
        run(Dash, "cat <<< x").0,
        "sh: 1: Syntax error: redirection unexpected\n"
    );
    assert_eq!(
        out_all("while read a b; do echo \"$b-$a\"; done <<EOF\n1 2 3\n4 5\nEOF\n"),
        "2 3-1\n5-4\n"
    );
    // An unterminated here-document: bash warns and uses what it read.
    assert_eq!(
        run(Bash, "cat <<EOF\nabc").0,
        "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\nabc\n"
    );
    assert_eq!(run(Dash, "cat <<EOF\nabc").0, "abc\n");
}

#[test]
fn globbing_through_the_host() {
    assert_eq!(
        out_all("echo /usr/share/nginx/html/*"),
        "/usr/share/nginx/html/50x.html /usr/share/nginx/html/index.html\n"
    );
    assert_eq!(
        out_all("cd /usr/share/nginx/html; echo *.html i*"),
        "50x.html index.html index.html\n"
    );
    assert_eq!(out_all("echo /nope/* '*' x?"), "/nope/* * x?\n");
    assert_eq!(out_all("echo /usr/*/"), "/usr/share/\n");
    assert_eq!(out_all("set -f; echo /usr/*"), "/usr/*\n");
    assert_eq!(
        out_all("case web-1 in web-[0-9]) echo ord;; *) echo other;; esac"),
        "ord\n"
    );
    assert_eq!(
        out_all("x='a*'; case abc in $x) echo m;; esac; case abc in \"$x\") echo q;; esac"),
        "m\n"
    );
}

#[test]
fn brace_expansion_is_bash_only() {
    assert_eq!(
        run(Bash, "echo web-{0..2} {a,b}x").0,
        "web-0 web-1 web-2 ax bx\n"
    );
    assert_eq!(run(Dash, "echo web-{0..2}").0, "web-{0..2}\n");
}

#[test]
fn environment_of_host_commands() {
    let (out, _) = run(Dash, "export A=1; B=2; C=3 env");
    assert!(out.contains("A=1\n") && out.contains("C=3\n") && !out.contains("B=2"));
    let (out, _) = run(Dash, "C=3 env >/dev/null; echo \"[$C]\"");
    assert_eq!(out, "[]\n");
}
