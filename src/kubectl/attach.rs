//! Sessions attached to a container's shell: `kubectl exec -it POD -- sh` and
//! `kubectl run -it ... -- sh`. While one is open, what the learner types (in a scripted
//! file: the following lines) goes to the pod's shell, shown after its prompt, until the
//! shell exits; then kubectl finishes as it would (`command terminated with exit code N`,
//! `pod "x" deleted` for `run --rm`).

use super::output::Sink;
use super::session::Session;
use super::verbs::VerbCtx;
use crate::apiserver::DeleteOptions;
use crate::runtime::PodHost;
use crate::shell::{Dialect, Shell, Status};
use crate::store::ObjKey;

/// Which command opened the session (it decides how the session ends).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttachKind {
    /// `kubectl exec -i`: a second process in a running container.
    Exec,
    /// `kubectl run -i`: the container's main process; its exit ends the container.
    Run { remove: bool, restart_never: bool },
}

/// An open session.
pub struct Attached {
    pub pod: ObjKey,
    pub container: String,
    pub shell: Shell,
    pub kind: AttachKind,
    /// With a TTY, the shell shows its prompt.
    pub tty: bool,
}

impl Attached {
    pub fn new(
        pod: ObjKey,
        container: String,
        dialect: Dialect,
        kind: AttachKind,
        tty: bool,
    ) -> Self {
        Attached {
            pod,
            container,
            shell: Shell::new(dialect, Vec::new(), "/"),
            kind,
            tty,
        }
    }
}

/// Open `session` on the verb's session (the caller printed what kubectl prints first):
/// the shell starts with the container's environment in its working directory.
pub fn begin(ctx: &mut VerbCtx, mut session: Attached) -> i32 {
    let host = PodHost::new(&mut ctx.session.cluster, &session.pod, &session.container);
    if let Some(c) = host.container() {
        session.shell = Shell::new(session.shell.dialect, c.env.clone(), &c.workdir);
    }
    ctx.session.attached = Some(session);
    0
}

/// The shell `argv` starts interactively in the container (`sh`, `/bin/bash -i`, ...), or
/// None when it is another command, a shell given a script, or a shell the image lacks.
pub fn interactive_shell(
    cluster: &mut crate::cluster::Cluster,
    pod: &ObjKey,
    container: &str,
    argv: &[String],
) -> Option<Dialect> {
    let (first, rest) = argv.split_first()?;
    let name = first.rsplit('/').next().unwrap_or_default();
    if !matches!(name, "sh" | "bash" | "ash" | "dash") {
        return None;
    }
    if rest.iter().any(|a| !a.starts_with('-') || a.contains('c')) {
        return None;
    }
    PodHost::new(cluster, pod, container).shell_for(first)
}

impl Session {
    /// The prompt of the attached shell (None: not attached; without a TTY the shell
    /// prints none, and the line is shown bare).
    pub fn attached_prompt(&self) -> Option<String> {
        self.attached.as_ref().map(|a| {
            if a.tty {
                a.shell.prompt()
            } else {
                String::new()
            }
        })
    }

    /// Whether `text` leaves the attached shell wanting more lines (an open `do`, quote...).
    pub fn attached_incomplete(&self, text: &str) -> bool {
        self.attached.is_some() && Shell::incomplete(text)
    }

    /// Run a line in the attached shell. Returns its status; when the shell exits, kubectl
    /// finishes and the session closes.
    pub fn attached_line(&mut self, text: &str, sink: &mut dyn Sink) -> i32 {
        let Some(mut a) = self.attached.take() else {
            return 0;
        };
        if !self.container_running(&a) {
            // The pod went away under the session (deleted, evicted, restarted).
            return self.finish(a, 137, sink);
        }
        let status = {
            let mut host = PodHost::new(&mut self.cluster, &a.pod, &a.container);
            a.shell.run(text, &mut host, sink)
        };
        match status {
            Status::Done(code) => {
                self.attached = Some(a);
                code
            }
            Status::Exit(code) => self.finish(a, code, sink),
        }
    }

    /// End an open session as if its input closed (end of a scripted file, Ctrl-D).
    pub fn detach(&mut self, sink: &mut dyn Sink) -> i32 {
        match self.attached.take() {
            Some(a) => {
                let code = a.shell.last_status();
                self.finish(a, code, sink)
            }
            None => 0,
        }
    }

    fn container_running(&self, a: &Attached) -> bool {
        let Some(obj) = self.cluster.api.store.get(&a.pod) else {
            return false;
        };
        let Some(pod) = obj.as_typed::<k8s_openapi::api::core::v1::Pod>() else {
            return false;
        };
        pod.status
            .iter()
            .flat_map(|s| s.container_statuses.iter().flatten())
            .any(|c| c.name == a.container && c.state.as_ref().is_some_and(|s| s.running.is_some()))
    }

    /// End a session whose process exited with `code`, printing what kubectl prints.
    pub fn finish(&mut self, a: Attached, code: i32, sink: &mut dyn Sink) -> i32 {
        match a.kind {
            AttachKind::Exec => {
                if code != 0 {
                    sink.err(&format!("command terminated with exit code {code}\n"));
                }
                code
            }
            AttachKind::Run {
                remove,
                restart_never,
            } => {
                let now = self.cluster.now();
                self.cluster.main_process_exited(&a.pod, code);
                // kubectl waits for the pod to complete before it reports.
                self.cluster.run_until(now + 2_000);
                let mut out = 0;
                let mut message = None;
                if restart_never && code != 0 {
                    message = Some(format!(
                        "pod {}/{} terminated (Error)\n",
                        a.pod.namespace, a.pod.name
                    ));
                    out = code;
                }
                if remove {
                    match self.cluster.api.delete(&a.pod, &DeleteOptions::default()) {
                        Ok(_) => sink.out(&format!("pod \"{}\" deleted\n", a.pod.name)),
                        Err(e) => sink.err(&super::errors::render(&e)),
                    }
                }
                if let Some(m) = message {
                    sink.err(&m);
                }
                out
            }
        }
    }
}
