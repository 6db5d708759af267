//! The network tools learners run inside pods, answering from cluster DNS:
//! - `nslookup` as busybox 1.28 prints it (it resolves through the libc resolver, so the
//!   search path applies: what makes `nslookup web-0.nginx` work, and the reason tutorials
//!   pin `busybox:1.28`), and as later busybox prints it (its own DNS client, no search
//!   path: `** server can't find web-0.nginx: NXDOMAIN`);
//! - glibc's `getent hosts` (Debian-based images);
//! - busybox `ping` (pods answer, Service ClusterIPs do not: they exist only as rules).
//!
//! Round-trip times are made up from a hash of the target and sequence number, so a run
//! prints the same bytes every time.

use super::dns::{self, Target};
use crate::api::object::Object;
use crate::cluster::ids::fnv32a;
use crate::kubectl::output::Sink;
use crate::store::Store;
use std::net::Ipv4Addr;

/// Who is asking: the pod's namespace (for the search path), its node and its image.
pub struct Asker<'a> {
    pub namespace: &'a str,
    pub now: crate::api::time::Millis,
    /// The image the tool runs in (busybox 1.28 prints differently from newer ones).
    pub image: &'a str,
    /// The node the asking pod runs on (ping's TTL is one lower across nodes).
    pub node: &'a str,
}

/// Whether `image` carries busybox 1.28's libc-based nslookup.
fn is_busybox_128(image: &str) -> bool {
    let tag = image.rsplit_once(':').map(|(_, t)| t).unwrap_or("");
    image.contains("busybox") && (tag == "1.28" || tag.starts_with("1.28."))
}

/// `nslookup NAME [SERVER]`; returns the exit status.
pub fn nslookup(store: &Store, asker: &Asker<'_>, args: &[String], io: &mut dyn Sink) -> i32 {
    let names: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let Some(name) = names.first() else {
        io.err(NSLOOKUP_USAGE);
        return 1;
    };
    if is_busybox_128(asker.image) {
        nslookup_128(store, asker, name, io)
    } else {
        nslookup_modern(store, name, io)
    }
}

const NSLOOKUP_USAGE: &str = "BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: nslookup [HOST] [SERVER]\n\nQuery the nameserver for the IP address of the given HOST\noptionally using a specified DNS server\n";

/// busybox 1.28: `print_host` for the server, then for the name, each followed by a blank
/// line; every address is followed by its reverse name when it has one.
fn nslookup_128(store: &Store, asker: &Asker<'_>, name: &str, io: &mut dyn Sink) -> i32 {
    let server = dns::NAMESERVER;
    let mut out = format!("{:<10} {server}\n", "Server:");
    out.push_str(&address_line(store, 1, server));
    out.push('\n');
    let answer = dns::resolve(store, name, asker.namespace);
    let code = match answer {
        Some(a) => {
            out.push_str(&format!("{:<10} {name}\n", "Name:"));
            for (i, ip) in a.addrs.iter().enumerate() {
                out.push_str(&address_line(store, i + 1, *ip));
            }
            io.out(&out);
            0
        }
        None => {
            io.out(&out);
            io.err(&format!("nslookup: can't resolve '{name}'\n"));
            1
        }
    };
    io.out("\n");
    code
}

fn address_line(store: &Store, n: usize, ip: Ipv4Addr) -> String {
    match dns::reverse(store, ip) {
        Some(host) => format!("Address {n}: {ip} {host}\n"),
        None => format!("Address {n}: {ip}\n"),
    }
}

/// busybox 1.29 and later: its own DNS client sends A and AAAA queries for the name as
/// given (no search path) and prints each reply as it arrives.
fn nslookup_modern(store: &Store, name: &str, io: &mut dyn Sink) -> i32 {
    let server = dns::NAMESERVER;
    let mut out = format!("Server:\t\t{server}\nAddress:\t{server}:53\n\n");
    if let Ok(ip) = name.parse::<Ipv4Addr>() {
        let o = ip.octets();
        let ptr = format!("{}.{}.{}.{}.in-addr.arpa", o[3], o[2], o[1], o[0]);
        match dns::reverse(store, ip) {
            Some(host) => out.push_str(&format!("{ptr}\tname = {host}\n\n")),
            None => out.push_str(&format!("** server can't find {ptr}: NXDOMAIN\n\n")),
        }
        io.out(&out);
        return 0;
    }
    let addrs = dns::lookup_a(store, name);
    if addrs.is_empty() {
        // Both the A and the AAAA query come back NXDOMAIN.
        out.push_str(&format!("** server can't find {name}: NXDOMAIN\n\n").repeat(2));
        io.out(&out);
        return 1;
    }
    for ip in &addrs {
        out.push_str(&format!("Name:\t{name}\nAddress: {ip}\n"));
    }
    // The A reply, then the empty AAAA reply: each ends with a blank line.
    out.push_str("\n\n");
    io.out(&out);
    0
}

/// `getent hosts NAME...` as glibc prints it: `%-15s %s` per address, exit 2 when a key
/// is not found (nothing printed for it).
pub fn getent(store: &Store, asker: &Asker<'_>, args: &[String], io: &mut dyn Sink) -> i32 {
    let Some(db) = args.first() else {
        io.err("Usage: getent [OPTION...] database [key ...]\nTry `getent --help' or `getent --usage' for more information.\n");
        return 1;
    };
    if db != "hosts" && db != "ahosts" && db != "ahostsv4" {
        io.err(&format!("Unknown database: {db}\nTry `getent --help' or `getent --usage' for more information.\n"));
        return 1;
    }
    let mut code = 0;
    for key in &args[1..] {
        if let Ok(ip) = key.parse::<Ipv4Addr>() {
            match dns::reverse(store, ip) {
                Some(host) => io.out(&format!("{:<15} {host}\n", ip.to_string())),
                None => code = 2,
            }
            continue;
        }
        match dns::resolve(store, key, asker.namespace) {
            Some(a) => {
                for ip in a.addrs {
                    if db == "hosts" {
                        io.out(&format!("{:<15} {}\n", ip.to_string(), a.fqdn));
                    } else {
                        io.out(&format!("{:<15} STREAM {}\n", ip.to_string(), a.fqdn));
                        io.out(&format!("{:<15} DGRAM  \n", ip.to_string()));
                        io.out(&format!("{:<15} RAW    \n", ip.to_string()));
                    }
                }
            }
            None => code = 2,
        }
    }
    code
}

/// The most packets `ping` sends without `-c` (a real one runs until Ctrl-C).
pub const PING_DEFAULT_COUNT: u32 = 4;

/// busybox `ping [-c N] [-q] HOST`; returns the exit status (0 when any reply came).
pub fn ping(store: &Store, asker: &Asker<'_>, args: &[String], io: &mut dyn Sink) -> i32 {
    let mut count: Option<u32> = None;
    let mut quiet = false;
    let mut host: Option<&str> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "-c" => match it.next().and_then(|n| n.parse::<u32>().ok()) {
                Some(n) if n > 0 => count = Some(n.min(100)),
                _ => {
                    io.err("ping: invalid number\n");
                    return 1;
                }
            },
            "-q" => quiet = true,
            s if s.starts_with("-c") => match s[2..].parse::<u32>() {
                Ok(n) if n > 0 => count = Some(n.min(100)),
                _ => {
                    io.err(&format!("ping: invalid number '{}'\n", &s[2..]));
                    return 1;
                }
            },
            s if !s.starts_with('-') => host = Some(s),
            _ => {}
        }
    }
    let Some(host) = host else {
        io.err("BusyBox v1.28.4 (2018-05-22 17:00:17 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUEST packets to network hosts\n");
        return 1;
    };
    let Some(answer) = dns::resolve(store, host, asker.namespace) else {
        io.err(&format!("ping: bad address '{host}'\n"));
        return 1;
    };
    let ip = answer.addrs[0];
    let sent = count.unwrap_or(PING_DEFAULT_COUNT);
    let reply = replier(store, ip);
    io.out(&format!("PING {host} ({ip}): 56 data bytes\n"));
    let mut times = Vec::new();
    if let Some(node) = &reply {
        let ttl = if node == asker.node { 64 } else { 63 };
        for seq in 0..sent {
            let micros = 40 + fnv32a(format!("{ip}/{seq}").as_bytes()) % 120;
            times.push(micros);
            if !quiet {
                io.out(&format!(
                    "64 bytes from {ip}: seq={seq} ttl={ttl} time={}.{:03} ms\n",
                    micros / 1000,
                    micros % 1000
                ));
            }
        }
    }
    if count.is_none() {
        io.err(&format!(
            "kubetutor: ping stopped after {sent} packets (a real ping runs until Ctrl-C; use -c N)\n"
        ));
    }
    let received = times.len() as u32;
    let loss = (sent - received) * 100 / sent;
    io.out(&format!(
        "\n--- {host} ping statistics ---\n{sent} packets transmitted, {received} packets received, {loss}% packet loss\n"
    ));
    if received == 0 {
        return 1;
    }
    let min = times.iter().min().copied().unwrap_or(0);
    let max = times.iter().max().copied().unwrap_or(0);
    let avg = times.iter().sum::<u32>() / received;
    let ms = |us: u32| format!("{}.{:03}", us / 1000, us % 1000);
    io.out(&format!(
        "round-trip min/avg/max = {}/{}/{} ms\n",
        ms(min),
        ms(avg),
        ms(max)
    ));
    0
}

/// The node of the running pod that answers ICMP at `ip` (Service ClusterIPs never do).
fn replier(store: &Store, ip: Ipv4Addr) -> Option<String> {
    let Some(Target::Pod(key)) = dns::target_of(store, ip) else {
        return None;
    };
    match store.get(&key)?.as_ref() {
        Object::Pod(p) if p.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Running") => {
            p.spec.as_ref().and_then(|s| s.node_name.clone())
        }
        _ => None,
    }
}
