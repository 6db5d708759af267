//! Name and token syntax checks with apimachinery's exact messages
//! (`k8s.io/apimachinery/pkg/util/validation`, verified at tag v0.32.0, which ships
//! with Kubernetes v1.32). Each check returns the list of problems, empty when valid,
//! so callers can turn every message into one `Invalid` field error as upstream does.
//!
//! The regular expressions are small enough to hand-code as character scans, which
//! keeps the crate free of a regex dependency.

const DNS1123_LABEL_FMT: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_LABEL_MSG: &str = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_FMT: &str =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const DNS1123_SUBDOMAIN_MSG: &str = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_FMT: &str = "[a-z]([-a-z0-9]*[a-z0-9])?";
const DNS1035_LABEL_MSG: &str = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QUALIFIED_NAME_FMT: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QUALIFIED_NAME_MSG: &str = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT: &str = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
const LABEL_VALUE_MSG: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const CONFIG_KEY_FMT: &str = "[-._a-zA-Z0-9]+";
const CONFIG_KEY_MSG: &str =
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
const PERCENT_FMT: &str = "[0-9]+%";
const PERCENT_MSG: &str =
    "a valid percent string must be a numeric string followed by an ending '%'";

/// Longest DNS-1123 label (and DNS-1035 label, label value, qualified-name part).
pub const DNS1123_LABEL_MAX_LENGTH: usize = 63;
/// Longest DNS-1123 subdomain.
pub const DNS1123_SUBDOMAIN_MAX_LENGTH: usize = 253;

/// `RegexError`: the message, the examples, the regex. Upstream builds the example list
/// as `'a', ` + ` or ` + `'b', `, which leaves two spaces before `or`; kubectl users
/// see that quirk, so it is kept.
pub fn regex_error(msg: &str, fmt: &str, examples: &[&str]) -> String {
    if examples.is_empty() {
        return format!("{msg} (regex used for validation is '{fmt}')");
    }
    let mut s = format!("{msg} (e.g. ");
    for (i, e) in examples.iter().enumerate() {
        if i > 0 {
            s.push_str(" or ");
        }
        s.push('\'');
        s.push_str(e);
        s.push_str("', ");
    }
    s.push_str(&format!("regex used for validation is '{fmt}')"));
    s
}

/// `MaxLenError`.
pub fn max_len_error(n: usize) -> String {
    format!("must be no more than {n} characters")
}

/// `InclusiveRangeError`.
pub fn inclusive_range_error(lo: i64, hi: i64) -> String {
    format!("must be between {lo} and {hi}, inclusive")
}

// Byte classes for the scans below, one table lookup per byte instead of a chain of
// comparisons (these checks run on every label, annotation and name of every write).
/// `[a-z0-9]`: what DNS labels consist of, besides '-'.
const LOWER_ALNUM: u8 = 1;
/// `[-A-Za-z0-9_.]`: what a qualified-name part or label value may contain.
const QUALIFIED: u8 = 4;
/// `[A-Za-z0-9]`: what a qualified-name part or label value starts and ends with.
const ALNUM: u8 = 8;

const fn byte_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        let lower_alnum = b.is_ascii_lowercase() || b.is_ascii_digit();
        let alnum = b.is_ascii_alphanumeric();
        let mut class = 0;
        if lower_alnum {
            class |= LOWER_ALNUM;
        }
        if alnum || b == b'-' || b == b'_' || b == b'.' {
            class |= QUALIFIED;
        }
        if alnum {
            class |= ALNUM;
        }
        t[c] = class;
        c += 1;
    }
    t
}

static CLASSES: [u8; 256] = byte_classes();

fn is(c: u8, class: u8) -> bool {
    CLASSES[c as usize] & class != 0
}

fn lower_alnum(c: u8) -> bool {
    is(c, LOWER_ALNUM)
}

/// Matches `[a-z0-9]([-a-z0-9]*[a-z0-9])?` (or with a letter first when `alpha_first`).
fn matches_label(s: &str, alpha_first: bool) -> bool {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    let first_ok = if alpha_first {
        first.is_ascii_lowercase()
    } else {
        lower_alnum(first)
    };
    first_ok && lower_alnum(last) && b.iter().all(|&c| lower_alnum(c) || c == b'-')
}

/// Matches the DNS-1123 subdomain regex: dot-separated labels, each `[a-z0-9]([-a-z0-9]*[a-z0-9])?`.
fn matches_subdomain(s: &str) -> bool {
    subdomain_bytes(s.as_bytes())
}

/// [`matches_subdomain`] over bytes, in one pass: a label may not start with `-` (or be
/// empty), nor end with `-`; only `.` and `-` need a look at the byte before.
fn subdomain_bytes(b: &[u8]) -> bool {
    let mut prev = b'.';
    for &c in b {
        if !lower_alnum(c) {
            match c {
                b'.' if lower_alnum(prev) => {}
                b'-' if prev != b'.' => {}
                _ => return false,
            }
        }
        prev = c;
    }
    lower_alnum(prev)
}

/// Matches `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
fn matches_qualified(s: &str) -> bool {
    qualified_bytes(s.as_bytes())
}

fn qualified_bytes(b: &[u8]) -> bool {
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    is(first, ALNUM) && is(last, ALNUM) && b.iter().all(|&c| is(c, QUALIFIED))
}

/// Whether [`is_qualified_name`] finds nothing wrong, without building any message
/// (the common case: every label key of every write). One pass reads the prefix up to
/// the first '/' while checking it as a subdomain (the rules of [`matches_subdomain`]),
/// then the name part is checked on its own.
pub fn qualified_name_ok(value: &str) -> bool {
    let b = value.as_bytes();
    let mut prev = b'.';
    let mut prefix_ok = true;
    for (i, &c) in b.iter().enumerate() {
        if c == b'/' {
            // A second '/' fails the name-part scan, as it fails upstream's check.
            return prefix_ok
                && i <= DNS1123_SUBDOMAIN_MAX_LENGTH
                && lower_alnum(prev)
                && name_part_ok(&b[i + 1..]);
        }
        if prefix_ok && !lower_alnum(c) {
            prefix_ok = match c {
                b'.' => lower_alnum(prev),
                b'-' => prev != b'.',
                _ => false,
            };
        }
        prev = c;
    }
    name_part_ok(b)
}

/// The name part of a qualified name: at most 63 characters matching the regex.
fn name_part_ok(b: &[u8]) -> bool {
    b.len() <= DNS1123_LABEL_MAX_LENGTH && qualified_bytes(b)
}

/// Whether [`is_valid_label_value`] finds nothing wrong, without building any message.
pub fn label_value_ok(value: &str) -> bool {
    value.len() <= DNS1123_LABEL_MAX_LENGTH && (value.is_empty() || matches_qualified(value))
}

/// `IsDNS1123Label`.
pub fn is_dns1123_label(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > DNS1123_LABEL_MAX_LENGTH {
        errs.push(max_len_error(DNS1123_LABEL_MAX_LENGTH));
    }
    if !matches_label(value, false) {
        if matches_subdomain(value) {
            errs.push("must not contain dots".to_string());
        } else {
            errs.push(regex_error(
                DNS1123_LABEL_MSG,
                DNS1123_LABEL_FMT,
                &["my-name", "123-abc"],
            ));
        }
    }
    errs
}

/// `IsDNS1123Subdomain`.
pub fn is_dns1123_subdomain(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > DNS1123_SUBDOMAIN_MAX_LENGTH {
        errs.push(max_len_error(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if !matches_subdomain(value) {
        errs.push(regex_error(
            DNS1123_SUBDOMAIN_MSG,
            DNS1123_SUBDOMAIN_FMT,
            &["example.com"],
        ));
    }
    errs
}

/// `IsDNS1035Label`.
pub fn is_dns1035_label(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > DNS1123_LABEL_MAX_LENGTH {
        errs.push(max_len_error(DNS1123_LABEL_MAX_LENGTH));
    }
    if !matches_label(value, true) {
        errs.push(regex_error(
            DNS1035_LABEL_MSG,
            DNS1035_LABEL_FMT,
            &["my-name", "abc-123"],
        ));
    }
    errs
}

/// `IsQualifiedName`: label keys, annotation keys, finalizer names.
pub fn is_qualified_name(value: &str) -> Vec<String> {
    if qualified_name_ok(value) {
        return Vec::new();
    }
    qualified_name_errors(value)
}

/// [`is_qualified_name`]'s messages, in upstream's order (empty for a valid name).
fn qualified_name_errors(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let name = match value.split_once('/') {
        None => value,
        Some((prefix, name)) if !name.contains('/') => {
            if prefix.is_empty() {
                errs.push("prefix part must be non-empty".to_string());
            } else {
                for m in is_dns1123_subdomain(prefix) {
                    errs.push(format!("prefix part {m}"));
                }
            }
            name
        }
        Some(_) => {
            errs.push(format!(
                "a qualified name {} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                regex_error(QUALIFIED_NAME_MSG, QUALIFIED_NAME_FMT, &["MyName", "my.name", "123-abc"])
            ));
            return errs;
        }
    };
    if name.is_empty() {
        errs.push("name part must be non-empty".to_string());
    } else if name.len() > DNS1123_LABEL_MAX_LENGTH {
        errs.push(format!(
            "name part {}",
            max_len_error(DNS1123_LABEL_MAX_LENGTH)
        ));
    }
    if !matches_qualified(name) {
        errs.push(format!(
            "name part {}",
            regex_error(
                QUALIFIED_NAME_MSG,
                QUALIFIED_NAME_FMT,
                &["MyName", "my.name", "123-abc"]
            )
        ));
    }
    errs
}

/// `IsValidLabelValue`.
pub fn is_valid_label_value(value: &str) -> Vec<String> {
    if label_value_ok(value) {
        return Vec::new();
    }
    label_value_errors(value)
}

fn label_value_errors(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > DNS1123_LABEL_MAX_LENGTH {
        errs.push(max_len_error(DNS1123_LABEL_MAX_LENGTH));
    }
    if !value.is_empty() && !matches_qualified(value) {
        errs.push(regex_error(
            LABEL_VALUE_MSG,
            LABEL_VALUE_FMT,
            &["MyValue", "my_value", "12345"],
        ));
    }
    errs
}

/// `IsValidPortName` (IANA_SVC_NAME).
pub fn is_valid_port_name(port: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if port.len() > 15 {
        errs.push(max_len_error(15));
    }
    if port.is_empty() || !port.bytes().all(|c| lower_alnum(c) || c == b'-') {
        errs.push(
            "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)".to_string(),
        );
    }
    if !port.bytes().any(|c| c.is_ascii_lowercase()) {
        errs.push("must contain at least one letter (a-z)".to_string());
    }
    if port.contains("--") {
        errs.push("must not contain consecutive hyphens".to_string());
    }
    if port.starts_with('-') || port.ends_with('-') {
        errs.push("must not begin or end with a hyphen".to_string());
    }
    errs
}

/// `IsValidPortNum`.
pub fn is_valid_port_num(port: i64) -> Vec<String> {
    if (1..=65535).contains(&port) {
        vec![]
    } else {
        vec![inclusive_range_error(1, 65535)]
    }
}

/// `IsConfigMapKey`: keys of ConfigMap and Secret data.
pub fn is_config_map_key(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    if value.len() > DNS1123_SUBDOMAIN_MAX_LENGTH {
        errs.push(max_len_error(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if value.is_empty()
        || !value
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
    {
        errs.push(regex_error(
            CONFIG_KEY_MSG,
            CONFIG_KEY_FMT,
            &["key.name", "KEY_NAME", "key-name"],
        ));
    }
    match value {
        "." => errs.push("must not be '.'".to_string()),
        ".." => errs.push("must not be '..'".to_string()),
        v if v.starts_with("..") => errs.push("must not start with '..'".to_string()),
        _ => {}
    }
    errs
}

/// `IsValidPercent`.
pub fn is_valid_percent(value: &str) -> Vec<String> {
    let digits = value.strip_suffix('%').unwrap_or("");
    if !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit()) {
        vec![]
    } else {
        vec![regex_error(PERCENT_MSG, PERCENT_FMT, &["1%", "93%"])]
    }
}

/// Object-name rules (`ValidateNameFunc`): `prefix` is true for `generateName`, where a
/// trailing dash is allowed because a random suffix follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRule {
    Dns1123Label,
    Dns1123Subdomain,
    Dns1035Label,
}

impl NameRule {
    pub fn check(self, name: &str, prefix: bool) -> Vec<String> {
        let masked;
        let name = if prefix && name.len() > 1 && name.ends_with('-') {
            // upstream's maskTrailingDash
            masked = format!("{}a", &name[..name.len() - 2]);
            masked.as_str()
        } else {
            name
        };
        match self {
            NameRule::Dns1123Label => is_dns1123_label(name),
            NameRule::Dns1123Subdomain => is_dns1123_subdomain(name),
            NameRule::Dns1035Label => is_dns1035_label(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dns1123_label_message_keeps_the_two_space_quirk() {
        assert_eq!(
            is_dns1123_label("Web_1"),
            ["a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"]
        );
        assert!(is_dns1123_label("web-0").is_empty());
        assert_eq!(is_dns1123_label("web.v1"), ["must not contain dots"]);
        assert_eq!(
            is_dns1123_label(&"a".repeat(64)),
            ["must be no more than 63 characters"]
        );
    }

    #[test]
    fn dns1123_subdomain_and_dns1035_messages() {
        assert_eq!(
            is_dns1123_subdomain("Web_1"),
            ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"]
        );
        assert!(is_dns1123_subdomain("www-web-0.example").is_empty());
        assert!(!is_dns1123_subdomain("a..b").is_empty());
        assert_eq!(
            is_dns1035_label("1web"),
            ["a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"]
        );
        assert!(is_dns1035_label("nginx").is_empty());
    }

    #[test]
    fn qualified_names_and_label_values() {
        assert!(is_qualified_name("app.kubernetes.io/name").is_empty());
        assert_eq!(
            is_qualified_name("-app"),
            ["name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"]
        );
        assert_eq!(is_qualified_name("/x"), ["prefix part must be non-empty"]);
        assert!(is_valid_label_value("").is_empty());
        assert_eq!(
            is_valid_label_value("a b"),
            ["a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]
        );
    }

    #[test]
    fn port_names_and_numbers() {
        assert!(is_valid_port_name("web").is_empty());
        assert_eq!(
            is_valid_port_name("Web"),
            ["must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"]
        );
        assert_eq!(
            is_valid_port_name("80"),
            ["must contain at least one letter (a-z)"]
        );
        assert_eq!(
            is_valid_port_num(0),
            ["must be between 1 and 65535, inclusive"]
        );
        assert!(is_valid_port_num(65535).is_empty());
    }

    #[test]
    fn subdomain_scan_agrees_with_the_label_by_label_reading() {
        let by_labels = |s: &str| s.split('.').all(|part| matches_label(part, false));
        for s in [
            "",
            ".",
            "a",
            "a.",
            ".a",
            "a..b",
            "a.b",
            "a-.b",
            "a.-b",
            "-a",
            "a-",
            "a-b.c-d",
            "0",
            "web-0",
            "www-web-0.nginx",
            "A",
            "a_b",
            "a.b.c",
            "a--b",
            "ab.c0",
            "é",
        ] {
            assert_eq!(matches_subdomain(s), by_labels(s), "{s:?}");
        }
    }

    #[test]
    fn fast_checks_agree_with_the_messages() {
        let long_name = "a".repeat(63);
        let too_long_name = "a".repeat(64);
        let long_prefix = format!("{}.b/x", "a".repeat(251));
        let too_long_prefix = format!("{}.bc/x", "a".repeat(251));
        let mut cases = vec![
            "",
            "/",
            "a",
            "A",
            "a/",
            "/a",
            "a/b",
            "a/b/c",
            "a//b",
            "example.com/MyName",
            "Example.com/x",
            "ex_ample.com/x",
            "a..b/x",
            "a.-b/x",
            "a-.b/x",
            "-a/x",
            "a-/x",
            ".a/x",
            "a./x",
            "app.kubernetes.io/name",
            "statefulset.kubernetes.io/pod-name",
            "kubernetes.io/pvc-protection",
            "controller-revision-hash",
            "my.name",
            "123-abc",
            "-app",
            "app-",
            "_a",
            "a_",
            "a_b",
            "a b",
            "a.b",
            "é",
            "a/é",
            "web-0",
            "x/.y",
            "x/y.",
        ];
        cases.extend([
            long_name.as_str(),
            too_long_name.as_str(),
            long_prefix.as_str(),
            too_long_prefix.as_str(),
        ]);
        let with_prefix: Vec<String> = cases.iter().map(|c| format!("a.b/{c}")).collect();
        cases.extend(with_prefix.iter().map(String::as_str));
        for s in cases {
            assert_eq!(
                qualified_name_ok(s),
                qualified_name_errors(s).is_empty(),
                "{s:?}"
            );
            assert_eq!(label_value_ok(s), label_value_errors(s).is_empty(), "{s:?}");
            assert_eq!(
                subdomain_bytes(s.as_bytes()),
                s.split('.').all(|part| matches_label(part, false)),
                "{s:?}"
            );
        }
    }

    #[test]
    fn generate_name_masks_one_trailing_dash() {
        assert!(NameRule::Dns1123Label.check("web-", true).is_empty());
        assert!(!NameRule::Dns1123Label.check("web-", false).is_empty());
    }
}
