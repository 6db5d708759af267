//! `ps`: busybox's `PID USER TIME COMMAND`, or procps's default, `-ef` and `aux`
//! formats (the luksa images). The container's processes are its main process (PID 1),
//! the shell an exec runs in, and `ps` itself.

use super::ls::Names;
use super::Call;
use crate::api::time::to_timestamp;
use crate::kubectl::output::Sink;
use crate::runtime::host::PodHost;
use k8s_openapi::jiff::fmt::strtime;

/// `ps`: busybox's `PID USER TIME COMMAND`, or procps's formats (luksa images).
pub fn ps(host: &mut PodHost<'_>, call: &Call<'_>, io: &mut dyn Sink) -> i32 {
    let bb = host.busybox();
    let now = host.now();
    let Some(c) = host.container().cloned() else {
        return 1;
    };
    let pid = host.next_pid();
    let names = host.fs().map(|fs| Names::read(&fs));
    let user = names
        .as_ref()
        .and_then(|n| n.user(c.uid).map(String::from))
        .unwrap_or_else(|| c.uid.to_string());
    let main = c.command.join(" ");
    let me = call.argv.join(" ");
    let mut procs: Vec<(u32, String)> = vec![(1, main.clone())];
    if host.depth > 0 {
        procs.push((pid.saturating_sub(1).max(2), "sh".into()));
    }
    procs.push((pid, me.clone()));
    if bb {
        io.out("PID   USER     TIME  COMMAND\n");
        for (p, cmd) in procs {
            io.out(&format!("{p:5} {user:<8} {:>5} {cmd}\n", " 0:00"));
        }
        return 0;
    }
    let start = strtime::format("%H:%M", to_timestamp(c.started_at)).unwrap_or_default();
    let now_hm = strtime::format("%H:%M", to_timestamp(now)).unwrap_or_default();
    let args = call.args().join(" ");
    if args.contains('e') && args.contains('f') || args == "-ef" {
        io.out("UID        PID  PPID  C STIME TTY          TIME CMD\n");
        for (i, (p, cmd)) in procs.iter().enumerate() {
            let stime = if i == 0 { &start } else { &now_hm };
            io.out(&format!(
                "{user:<8} {p:5} {:5}  0 {stime} ?        00:00:00 {cmd}\n",
                0
            ));
        }
    } else if args.contains("aux") || args.contains('u') {
        io.out("USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n");
        for (i, (p, cmd)) in procs.iter().enumerate() {
            let (vsz, rss, stat, st) = if i == 0 {
                (614_436, 24_864, "Ssl", &start)
            } else {
                (17_504, 2_048, "Rs", &now_hm)
            };
            io.out(&format!(
                "{user:<8} {p:5}  0.0  0.1 {vsz:6} {rss:5} ?        {stat:<4} {st}   0:00 {cmd}\n"
            ));
        }
    } else {
        io.out("  PID TTY          TIME CMD\n");
        for (p, cmd) in &procs {
            let comm = cmd
                .split_whitespace()
                .next()
                .map(crate::runtime::fs::path::basename)
                .unwrap_or("");
            io.out(&format!("{p:5} ?        00:00:00 {comm}\n"));
        }
    }
    0
}
