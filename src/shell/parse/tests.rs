//! Parser tests: the tree for each construct, syntax errors per dialect (checked against
//! bash 5.2 and dash 0.5.12 on the command line, busybox ash from its source), unfinished
//! input, and the nesting bound.

use super::*;
use crate::shell::Dialect::{self, Ash, Bash, Dash};

fn ok(text: &str) -> List {
    parse(text, Bash, 64)
        .unwrap_or_else(|e| panic!("{text}: {}", e.message(Bash)))
        .list
}

fn err(text: &str, d: Dialect) -> String {
    match parse(text, d, 64) {
        Ok(_) => panic!("{text}: parsed"),
        Err(e) => e.message(d),
    }
}

fn simple(list: &List) -> &Simple {
    match &list.0[0].first.commands[0].kind {
        CommandKind::Simple(s) => s,
        other => panic!("not simple: {other:?}"),
    }
}

#[test]
fn simple_commands_words_and_assignments() {
    let l = ok("A=1 B='x y' kubectl get pods # comment");
    let s = simple(&l);
    assert_eq!(s.assigns.len(), 2);
    assert_eq!(s.assigns[0].name, "A");
    assert_eq!(s.assigns[1].value.parts, vec![Part::Quoted("x y".into())]);
    assert_eq!(s.words.len(), 3);
    assert_eq!(s.words[2].as_plain(), Some("pods"));
    // An assignment-looking word after the command name is an argument.
    let l = ok("echo A=1");
    assert_eq!(simple(&l).words.len(), 2);
}

#[test]
fn quotes_and_escapes_become_parts() {
    let l = ok(r#"echo a"b $x"'c'\d"#);
    let w = &simple(&l).words[1];
    assert_eq!(w.parts[0], Part::Lit("a".into()));
    assert_eq!(w.parts[1], Part::Quoted("b ".into()));
    assert!(matches!(&w.parts[2], Part::Param(p, true) if p.name == "x"));
    assert_eq!(w.parts[3], Part::Quoted("cd".into()));
    let l = ok(r#"echo """#);
    assert_eq!(simple(&l).words[1].parts, vec![Part::Quoted(String::new())]);
}

#[test]
fn parameter_forms() {
    let l = ok("echo ${a:-x y} ${#b} ${c%%.*} $1 ${10} $@ $? ${d:=z}");
    let names: Vec<(String, String)> = simple(&l).words[1..]
        .iter()
        .map(|w| match &w.parts[0] {
            Part::Param(p, _) => (
                p.name.clone(),
                format!("{:?}", p.op).chars().take(8).collect(),
            ),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(names[0].0, "a");
    assert!(names[0].1.starts_with("Default"));
    assert_eq!((names[1].0.as_str(), names[1].1.as_str()), ("b", "Length"));
    assert_eq!(names[3].0, "1");
    assert_eq!(names[4].0, "10");
    assert_eq!(names[5].0, "@");
    assert_eq!(names[6].0, "?");
}

#[test]
fn substitutions_nest() {
    let l = ok("echo $(echo $(echo `echo hi`)) $((1 + (2*3)))");
    let w = &simple(&l).words;
    assert!(matches!(&w[1].parts[0], Part::Command(..)));
    assert!(matches!(&w[2].parts[0], Part::Arith(..)));
    // A case inside $(...) keeps its `)`.
    ok("x=$(case a in a) echo y;; esac)");
    ok(r#"echo "$(echo "a)b")""#);
}

#[test]
fn compound_commands() {
    ok("for i in 0 1; do kubectl get pod web-$i; done");
    ok("for i\ndo echo $i\ndone");
    ok("while true; do break; done; until false; do :; done");
    ok("if a; then b; elif c; then d; else e; fi");
    ok("case $x in a|b) echo 1;; (c) echo 2;; *) ;; esac");
    ok("{ echo a; echo b; } > out; ( cd /; pwd )");
    ok("f() { echo $1; }; f x");
    ok("f()\n{\n  echo x\n}");
    ok("! true && false || echo z &");
    ok("a | b | c");
}

#[test]
fn redirections() {
    let l = ok("cmd >out 2>>err 2>&1 >&2 3>f <in <<<here");
    let c = &l.0[0].first.commands[0];
    let fds: Vec<u32> = c.redirects.iter().map(|r| r.target_fd()).collect();
    assert_eq!(fds, [1, 2, 2, 1, 3, 0, 0]);
    let l = ok("cat <<EOF | kubectl apply -f -\nkind: x\n$y\nEOF\necho after");
    assert_eq!(l.0.len(), 2);
    let RedirectOp::HereDoc(doc) = &l.0[0].first.commands[0].redirects[0].op else {
        panic!("heredoc")
    };
    assert!(doc.expand);
    assert_eq!(doc.body.get().map(|b| b.parts.len()), Some(3));
    let l = ok("cat <<-'E'\n\tline $x\n\tE\n");
    let RedirectOp::HereDoc(doc) = &l.0[0].first.commands[0].redirects[0].op else {
        panic!("heredoc")
    };
    assert_eq!(
        doc.body.get().map(|b| b.parts.clone()),
        Some(vec![Part::Quoted("line $x\n".into())])
    );
}

#[test]
fn syntax_errors_per_dialect() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "done",
            "syntax error near unexpected token `done'",
            "Syntax error: \"done\" unexpected",
            "syntax error: unexpected \"done\"",
        ),
        (
            "if true; fi",
            "syntax error near unexpected token `fi'",
            "Syntax error: \"fi\" unexpected (expecting \"then\")",
            "syntax error: unexpected \"fi\" (expecting \"then\")",
        ),
        (
            "for i in a b; echo",
            "syntax error near unexpected token `echo'",
            "Syntax error: word unexpected (expecting \"do\")",
            "syntax error: unexpected word (expecting \"do\")",
        ),
        (
            "echo >\n",
            "syntax error near unexpected token `newline'",
            "Syntax error: newline unexpected",
            "syntax error: unexpected newline",
        ),
        (
            "| foo",
            "syntax error near unexpected token `|'",
            "Syntax error: \"|\" unexpected",
            "syntax error: unexpected \"|\"",
        ),
        (
            "echo a(b",
            "syntax error near unexpected token `('",
            "Syntax error: \"(\" unexpected",
            "syntax error: unexpected \"(\"",
        ),
        (
            "while; do :; done",
            "syntax error near unexpected token `;'",
            "Syntax error: \";\" unexpected",
            "syntax error: unexpected \";\"",
        ),
        (
            "case a b",
            "syntax error near unexpected token `b'",
            "Syntax error: word unexpected (expecting \"in\")",
            "syntax error: unexpected word (expecting \"in\")",
        ),
        (
            "if true; then",
            "syntax error: unexpected end of file",
            "Syntax error: end of file unexpected (expecting \"fi\")",
            "syntax error: unexpected end of file (expecting \"fi\")",
        ),
        (
            "echo \"abc",
            "unexpected EOF while looking for matching `\"'",
            "Syntax error: Unterminated quoted string",
            "syntax error: unterminated quoted string",
        ),
        (
            "echo $(echo a",
            "unexpected EOF while looking for matching `)'",
            "Syntax error: end of file unexpected (expecting \")\")",
            "syntax error: unexpected end of file (expecting \")\")",
        ),
        (
            "echo ${a:-b",
            "unexpected EOF while looking for matching `}'",
            "Syntax error: Missing '}'",
            "syntax error: missing '}'",
        ),
        (
            "x=$((1+2)",
            "unexpected EOF while looking for matching `)'",
            "Syntax error: Missing '))'",
            "syntax error: missing '))'",
        ),
        (
            "echo `echo",
            "unexpected EOF while looking for matching ``'",
            "Syntax error: EOF in backquote substitution",
            "syntax error: EOF in backquote substitution",
        ),
        (
            "for 1 in a; do :; done",
            "`1': not a valid identifier",
            "Syntax error: Bad for loop variable",
            "syntax error: bad for loop variable",
        ),
    ];
    for (text, bash, dash, ash) in cases {
        assert_eq!(err(text, Bash), *bash, "bash: {text}");
        assert_eq!(err(text, Dash), *dash, "dash: {text}");
        assert_eq!(err(text, Ash), *ash, "ash: {text}");
    }
    assert_eq!(err("! ! true", Dash), "Syntax error: \"!\" unexpected");
    assert!(parse("! ! true", Bash, 64).is_ok());
}

#[test]
fn unfinished_input_is_told_apart() {
    for text in [
        "for i in a b; do",
        "for i in a b; do\n echo $i",
        "if true; then echo",
        "echo 'a",
        "echo \"a",
        "kubectl get pods \\",
        "kubectl get pods \\\n",
        "a &&",
        "a |",
        "cat <<EOF",
        "cat <<EOF\nbody",
        "echo $(",
        "f() {",
        "case x in",
    ] {
        assert!(incomplete(text), "{text:?} should be incomplete");
    }
    for text in [
        "echo a",
        "done",
        "for i in a; do echo; done",
        "cat <<EOF\nx\nEOF",
        "echo )",
    ] {
        assert!(!incomplete(text), "{text:?} should be complete");
    }
    assert_eq!(
        pending("cat <<-EOF\nbody"),
        Pending::HeredocBody(OpenHeredoc {
            line: 1,
            delimiter: "EOF".into(),
            strip_tabs: true
        })
    );
    assert_eq!(pending("for i in a; do"), Pending::MoreCommand);
    assert_eq!(pending("echo hi"), Pending::Complete);
}

#[test]
fn nesting_is_bounded_without_overflow() {
    let deep = format!("{}echo{}", "(".repeat(100_000), ")".repeat(100_000));
    let e = parse(&deep, Bash, 64).unwrap_err();
    assert_eq!(e.kind, SyntaxKind::TooDeep(64));
    let subst = format!("echo {}x{}", "$(echo ".repeat(10_000), ")".repeat(10_000));
    assert_eq!(
        parse(&subst, Dash, 64).unwrap_err().kind,
        SyntaxKind::TooDeep(64)
    );
    let braces = "${a:-".repeat(10_000);
    assert_eq!(
        parse(&braces, Dash, 64).unwrap_err().kind,
        SyntaxKind::TooDeep(64)
    );
    let ticks = format!("echo {}", "`echo \\".repeat(200));
    assert!(parse(&ticks, Dash, 64).is_err());
    let arith = format!("echo $(({}1{}))", "(".repeat(100_000), ")".repeat(100_000));
    assert!(parse(&arith, Dash, 64).is_ok());
    // Long flat inputs are loops, not recursion.
    let long = "echo a | ".repeat(50_000) + "cat";
    assert!(parse(&long, Dash, 64).is_ok());
    let many = "echo a; ".repeat(100_000);
    assert!(parse(&many, Dash, 64).is_ok());
}
