//! "Did you mean": the closest known name to what the learner typed, by edit distance
//! (Damerau–Levenshtein, so a swapped pair of letters counts as one edit), within a bound
//! that grows with the word so short names do not match anything.

/// The closest of `candidates` to `typed`, if it is close enough and not `typed` itself.
/// Ties go to the earliest candidate, so a sorted list gives a stable answer.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let limit = (typed.chars().count() / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c == typed {
            continue;
        }
        let d = strsim::damerau_levenshtein(typed, c);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_one_edit_typos() {
        assert_eq!(closest("web-o", ["web-0", "web-1"]), Some("web-0".into()));
        assert_eq!(
            closest("accesModes", ["accessModes", "resources"]),
            Some("accessModes".into())
        );
        assert_eq!(
            closest("statefulsets1", ["statefulsets", "services"]),
            Some("statefulsets".into())
        );
        assert_eq!(closest("kubeclt", ["kubectl"]), Some("kubectl".into()));
    }

    #[test]
    fn refuses_far_or_identical_names() {
        assert_eq!(closest("abc", ["xyz"]), None);
        assert_eq!(closest("web-0", ["web-0"]), None);
        assert_eq!(closest("db", ["web-0"]), None);
    }
}
