//! The REPL's dispatch without a terminal: which part handles a line, and what it prints.

use super::*;
use crate::kubectl::output::Capture;

/// A sink the test keeps a handle on.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Capture>>);

impl Sink for Shared {
    fn out(&mut self, text: &str) {
        self.0.borrow_mut().out(text);
    }
    fn err(&mut self, text: &str) {
        self.0.borrow_mut().err(text);
    }
}

fn repl() -> (Repl, Shared) {
    let mut r = Repl::new(ReplOptions {
        history: None,
        persist: false,
        ..Default::default()
    })
    .expect("editor without a terminal");
    let out = Shared::default();
    r.out = Box::new(out.clone());
    (r, out)
}

#[test]
fn lines_go_to_repl_commands_the_shell_or_the_pod() {
    let (mut r, out) = repl();
    assert_eq!(r.dispatch("speed 5"), Flow::Continue(0));
    assert_eq!(r.clock.speed(), 5.0);
    assert_eq!(
        r.dispatch("kubectl create namespace team-a"),
        Flow::Continue(0)
    );
    assert!(out
        .0
        .borrow()
        .stdout
        .ends_with("namespace/team-a created\n"));
    assert_eq!(r.dispatch("false"), Flow::Continue(1));
    assert_eq!(r.dispatch("echo one\necho two\n"), Flow::Continue(0));
    assert!(out.0.borrow().stdout.ends_with("one\ntwo\n"));
    assert_eq!(r.prompt(), "kubetutor (default) $ ");
    assert_eq!(r.dispatch("exit"), Flow::Exit);
}

#[test]
fn exit_in_the_shell_leaves_too() {
    let (mut r, _) = repl();
    assert_eq!(r.dispatch("true && exit 3"), Flow::Exit);
}

#[test]
fn a_watch_without_a_terminal_still_ends_on_ctrl_c() {
    let (mut r, out) = repl();
    r.dispatch("kubectl create deployment web --image=nginx");
    // Ctrl-C already pressed: the live watch prints the list and stops at once.
    let interrupt = r.interrupt.clone();
    let mut runner = r.runner.borrow_mut();
    runner.session.live = Some(Box::new(r.clock.pacer(interrupt.clone())));
    interrupt.raise();
    let code = runner.execute("kubectl get deploy -w", None, &mut *r.out);
    assert_eq!(code, 130);
    assert!(out.0.borrow().stdout.contains("NAME  "));
}
