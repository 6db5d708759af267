//! Long runs of pods drawn as one range, so a 100-replica StatefulSet still fits on a
//! screen: the first [`HEAD`] pods and the last one stay, the ones between become
//! `web-3 … web-98  96 more, all Running`. Every renderer draws the same rows.

use super::model::PodNode;
use std::collections::BTreeMap;

/// Up to this many pods are drawn one by one.
pub const COLLAPSE_ABOVE: usize = 8;
/// Pods drawn before the range.
pub const HEAD: usize = 3;

/// One row under a workload: a pod, or a range of pods.
#[derive(Clone, Debug, PartialEq)]
pub enum Row<'a> {
    Pod(&'a PodNode),
    Range(PodRange<'a>),
}

/// Pods drawn as one row.
#[derive(Clone, Debug, PartialEq)]
pub struct PodRange<'a> {
    pub pods: &'a [PodNode],
}

impl PodRange<'_> {
    pub fn first(&self) -> &str {
        self.pods.first().map_or("", |p| p.name.as_str())
    }

    pub fn last(&self) -> &str {
        self.pods.last().map_or("", |p| p.name.as_str())
    }

    /// `94 more, all Running` or `94 more: 90 Running, 4 Pending`.
    pub fn summary(&self) -> String {
        let n = self.pods.len();
        let statuses = counts(self.pods.iter().map(|p| p.status.as_str()));
        format!("{n} more{}", describe_counts(&statuses))
    }

    /// The claims of the range's pods, when each pod has the same number of them: for
    /// each position, the first and last claim's names and their phases.
    pub fn claims(&self) -> Vec<ClaimRange> {
        let per_pod = self.pods.first().map_or(0, |p| p.claims.len());
        if per_pod == 0 || self.pods.iter().any(|p| p.claims.len() != per_pod) {
            return Vec::new();
        }
        (0..per_pod)
            .map(|i| {
                let phases = counts(self.pods.iter().map(|p| p.claims[i].phase.as_str()));
                ClaimRange {
                    first: self.pods[0].claims[i].name.clone(),
                    last: self.pods[self.pods.len() - 1].claims[i].name.clone(),
                    summary: format!("{} claims{}", self.pods.len(), describe_counts(&phases)),
                }
            })
            .collect()
    }
}

/// The claims at one position of a range's pods.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRange {
    pub first: String,
    pub last: String,
    /// `94 claims, all Bound`.
    pub summary: String,
}

fn counts<'a>(items: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut m: BTreeMap<&str, usize> = BTreeMap::new();
    for s in items {
        *m.entry(s).or_default() += 1;
    }
    let mut v: Vec<(&str, usize)> = m.into_iter().collect();
    // Most common first; equal counts by name, so the text is stable.
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

fn describe_counts(counts: &[(&str, usize)]) -> String {
    match counts {
        [] => String::new(),
        [(s, _)] => format!(", all {s}"),
        many => format!(
            ": {}",
            many.iter()
                .map(|(s, n)| format!("{n} {s}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The rows that draw `pods`.
pub fn rows(pods: &[PodNode]) -> Vec<Row<'_>> {
    if pods.len() <= COLLAPSE_ABOVE {
        return pods.iter().map(Row::Pod).collect();
    }
    let last = pods.len() - 1;
    let mut out: Vec<Row> = pods[..HEAD].iter().map(Row::Pod).collect();
    out.push(Row::Range(PodRange {
        pods: &pods[HEAD..last],
    }));
    out.push(Row::Pod(&pods[last]));
    out
}

/// The rows that draw pods no controller owns: only pods named alike (`job-1`,
/// `job-2` ...) are drawn as one range, never unrelated pods that happen to sort
/// together.
pub fn rows_by_stem(pods: &[PodNode]) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < pods.len() {
        let stem = super::model::natural_key(&pods[start].name).0;
        let mut end = start + 1;
        while end < pods.len() && super::model::natural_key(&pods[end].name).0 == stem {
            end += 1;
        }
        out.extend(rows(&pods[start..end]));
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::model::ClaimNode;

    fn pod(i: usize, status: &str) -> PodNode {
        PodNode {
            name: format!("web-{i}"),
            ready: "1/1".into(),
            status: status.into(),
            node: Some("kind-worker".into()),
            claims: vec![ClaimNode {
                name: format!("www-web-{i}"),
                phase: if i == 50 { "Pending" } else { "Bound" }.into(),
                size: Some("1Gi".into()),
                volume: None,
            }],
        }
    }

    #[test]
    fn a_few_pods_are_drawn_one_by_one() {
        let pods: Vec<PodNode> = (0..COLLAPSE_ABOVE).map(|i| pod(i, "Running")).collect();
        assert!(rows(&pods).iter().all(|r| matches!(r, Row::Pod(_))));
    }

    #[test]
    fn a_hundred_pods_keep_the_first_three_and_the_last() {
        let pods: Vec<PodNode> = (0..100).map(|i| pod(i, "Running")).collect();
        let r = rows(&pods);
        assert_eq!(r.len(), 5);
        let Row::Range(range) = &r[3] else {
            panic!("a range in the middle")
        };
        assert_eq!((range.first(), range.last()), ("web-3", "web-98"));
        assert_eq!(range.summary(), "96 more, all Running");
        let claims = range.claims();
        assert_eq!(claims[0].first, "www-web-3");
        assert_eq!(claims[0].last, "www-web-98");
        assert_eq!(claims[0].summary, "96 claims: 95 Bound, 1 Pending");
        assert!(matches!(r[4], Row::Pod(p) if p.name == "web-99"));
    }

    #[test]
    fn bare_pods_collapse_only_when_named_alike() {
        let mut pods: Vec<PodNode> = (0..12).map(|i| pod(i, "Running")).collect();
        for name in [
            "alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota",
        ] {
            let mut p = pod(0, "Running");
            p.name = name.into();
            pods.push(p);
        }
        let r = rows_by_stem(&pods);
        assert_eq!(r.len(), 5 + 9);
        assert!(matches!(&r[3], Row::Range(range) if range.first() == "web-3"));
        assert!(r[5..].iter().all(|r| matches!(r, Row::Pod(_))));
    }

    #[test]
    fn mixed_statuses_are_counted_most_common_first() {
        let pods: Vec<PodNode> = (0..20)
            .map(|i| pod(i, if i % 4 == 0 { "Pending" } else { "Running" }))
            .collect();
        let r = rows(&pods);
        let Row::Range(range) = &r[3] else {
            panic!("a range")
        };
        assert_eq!(range.summary(), "16 more: 12 Running, 4 Pending");
    }
}
