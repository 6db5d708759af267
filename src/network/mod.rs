//! The cluster network as seen from inside a pod: cluster DNS (what CoreDNS's
//! `kubernetes` plugin serves) and the DNS tools learners run (`nslookup`, `getent`,
//! `ping`).

pub mod dns;
pub mod tools;

#[cfg(test)]
mod tests;
