//! `kubectl create configmap` and `kubectl create secret generic`: keys and values from
//! `--from-literal`, `--from-file` (a file, `key=file`, or every regular file of a
//! directory) and `--from-env-file`, checked and reported as kubectl v1.32 does
//! (`pkg/cmd/create/create_configmap.go`, `create_secret.go`, `pkg/util/util.go`,
//! `pkg/cmd/util/env_file.go`). Files come through [`SourceFiles`], so the builders are
//! pure and testable.

use super::builders::{object, Meta};
use super::gojson::GoJson;
use crate::admission::names::{is_config_map_key, regex_error};
use crate::api::errors::go_quote;
use std::collections::BTreeMap;

/// What a path names, as `os.Stat` and `os.ReadDir` see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    File,
    /// A directory and the names of the regular files directly in it, sorted.
    Dir(Vec<String>),
}

/// Read-only access to the files a command names. Errors are the text kubectl shows after
/// the path (`no such file or directory`).
pub trait SourceFiles {
    fn stat(&self, path: &str) -> Result<Entry, String>;
    fn read(&mut self, path: &str) -> Result<Vec<u8>, String>;
}

/// `--from-*` sources of one command.
#[derive(Clone, Debug, Default)]
pub struct Sources<'a> {
    pub files: &'a [String],
    pub literals: &'a [String],
    pub env_files: &'a [String],
}

impl Sources<'_> {
    /// The combination check of `Validate()`; `secret` picks the wording of neither (both
    /// commands say the same).
    pub fn validate(&self) -> Result<(), String> {
        if !self.env_files.is_empty() && (!self.files.is_empty() || !self.literals.is_empty()) {
            return Err("from-env-file cannot be combined with from-file or from-literal".into());
        }
        Ok(())
    }
}

/// `util.ParseLiteralSource`: `key=value`, split at the first `=`.
pub fn parse_literal_source(source: &str) -> Result<(&str, &str), String> {
    match source.split_once('=') {
        Some((k, v)) if !k.is_empty() => Ok((k, v)),
        _ => Err(format!(
            "invalid literal source {source}, expected key=value"
        )),
    }
}

/// `util.ParseFileSource`: `path` (the key is its base name) or `key=path`.
pub fn parse_file_source(source: &str) -> Result<(String, &str), String> {
    match source.matches('=').count() {
        0 => Ok((go_path_base(source), source)),
        1 if source.starts_with('=') => {
            Err(format!("key name for file path {} missing", &source[1..]))
        }
        1 if source.ends_with('=') => Err(format!(
            "file path for key name {} missing",
            &source[..source.len() - 1]
        )),
        1 => {
            let (k, p) = source.split_once('=').unwrap_or((source, ""));
            Ok((k.to_string(), p))
        }
        _ => Err("key names or file paths cannot contain '='".into()),
    }
}

/// Go's `path.Base`.
fn go_path_base(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let trimmed = p.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".into();
    }
    trimmed.rsplit('/').next().unwrap_or(trimmed).to_string()
}

/// Go's `filepath.Join(dir, name)` for the paths kubectl reports.
fn join(dir: &str, name: &str) -> String {
    match dir.trim_end_matches('/') {
        "" if dir.starts_with('/') => format!("/{name}"),
        "" | "." => name.to_string(),
        d => format!("{d}/{name}"),
    }
}

/// `validation.IsEnvVarName`.
fn is_env_var_name(value: &str) -> Vec<String> {
    let mut errs = Vec::new();
    let b = value.as_bytes();
    let first_ok = b
        .first()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'-' | b'.' | b'_'));
    let rest_ok = b
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_'));
    if !(first_ok && rest_ok) {
        errs.push(regex_error(
            "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
            "[-._a-zA-Z][-._a-zA-Z0-9]*",
            &["my.env-name", "MY_ENV.NAME", "MyEnvName1"],
        ));
    }
    match value {
        "." => errs.push("must not be '.'".into()),
        ".." => errs.push("must not be '..'".into()),
        v if v.starts_with("..") => errs.push("must not start with '..'".into()),
        _ => {}
    }
    errs
}

/// `cmdutil.AddFromEnvFile`: `KEY=value` lines; blank lines and `#` comments skipped,
/// leading white space trimmed, a UTF-8 BOM dropped from the first line. A line without
/// `=` takes the value from the environment, which in the sandbox is empty.
pub fn parse_env_file(data: &[u8], path: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut lines: Vec<&[u8]> = data.split(|&c| c == b'\n').collect();
    if data.ends_with(b"\n") || data.is_empty() {
        lines.pop();
    }
    for (i, raw) in lines.into_iter().enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        let Ok(text) = std::str::from_utf8(line) else {
            let bytes: Vec<String> = line.iter().map(u8::to_string).collect();
            return Err(format!(
                "env file {path} contains invalid utf8 bytes at line {}: [{}]",
                i + 1,
                bytes.join(" ")
            ));
        };
        let text = if i == 0 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        let text = text.trim_start_matches(char::is_whitespace);
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let (key, value) = text.split_once('=').unwrap_or((text, ""));
        let errs = is_env_var_name(key);
        if !errs.is_empty() {
            return Err(format!(
                "{} is not a valid key name: {}",
                go_quote(key),
                errs.join(";")
            ));
        }
        out.push((key.to_string(), value.to_string()));
    }
    Ok(out)
}

/// Where `--from-file` sources lead: `(key, path)` pairs, directories expanded.
fn file_entries(
    files: &mut dyn SourceFiles,
    sources: &[String],
) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for source in sources {
        let (key, path) = parse_file_source(source)?;
        match files
            .stat(path)
            .map_err(|e| format!("error reading {path}: {e}"))?
        {
            Entry::Dir(_) if source.contains('=') => {
                return Err("cannot give a key name for a directory path".into())
            }
            Entry::Dir(names) => {
                out.extend(names.iter().map(|n| (n.clone(), join(path, n))));
            }
            Entry::File => out.push((key, path.to_string())),
        }
    }
    Ok(out)
}

/// The `--from-env-file` pairs, in file order.
fn env_entries(
    files: &mut dyn SourceFiles,
    sources: &[String],
    dir_error: &str,
) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for path in sources {
        match files
            .stat(path)
            .map_err(|e| format!("error reading {path}: {e}"))?
        {
            Entry::Dir(_) => return Err(dir_error.into()),
            Entry::File => {
                let data = files.read(path).map_err(|e| format!("open {path}: {e}"))?;
                out.extend(parse_env_file(&data, path)?);
            }
        }
    }
    Ok(out)
}

/// A ConfigMap under construction (`data` and `binaryData`).
#[derive(Default)]
struct ConfigMapData {
    data: BTreeMap<String, String>,
    binary: BTreeMap<String, Vec<u8>>,
}

impl ConfigMapData {
    /// `validateNewConfigMap`.
    fn check_key(&self, key: &str, cm_name: &str) -> Result<(), String> {
        let errs = is_config_map_key(key);
        if !errs.is_empty() {
            return Err(format!(
                "{} is not a valid key name for a ConfigMap: {}",
                go_quote(key),
                errs.join(",")
            ));
        }
        for (map, present) in [
            ("Data", self.data.contains_key(key)),
            ("BinaryData", self.binary.contains_key(key)),
        ] {
            if present {
                return Err(format!(
                    "cannot add key {}, another key by that name already exists in {map} for ConfigMap {}",
                    go_quote(key),
                    go_quote(cm_name)
                ));
            }
        }
        Ok(())
    }
}

/// `kubectl create configmap NAME --from-...`.
pub fn config_map(
    meta: &Meta,
    sources: &Sources,
    files: &mut dyn SourceFiles,
) -> Result<GoJson, String> {
    let mut cm = ConfigMapData::default();
    for (key, path) in file_entries(files, sources.files)? {
        let bytes = files.read(&path).map_err(|e| format!("open {path}: {e}"))?;
        cm.check_key(&key, meta.name)?;
        match String::from_utf8(bytes) {
            Ok(text) => {
                cm.data.insert(key, text);
            }
            Err(e) => {
                cm.binary.insert(key, e.into_bytes());
            }
        }
    }
    for source in sources.literals {
        let (key, value) = parse_literal_source(source)?;
        cm.check_key(key, meta.name)?;
        cm.data.insert(key.to_string(), value.to_string());
    }
    let env = env_entries(
        files,
        sources.env_files,
        "env config file cannot be a directory",
    )?;
    for (key, value) in env {
        cm.check_key(&key, meta.name)?;
        cm.data.insert(key, value);
    }
    let data = (!cm.data.is_empty())
        .then(|| GoJson::string_map(cm.data.iter().map(|(k, v)| (k.as_str(), v.as_str()))));
    let binary = (!cm.binary.is_empty()).then(|| base64_map(&cm.binary));
    Ok(object("ConfigMap", "v1", meta, None)
        .with_opt("data", data)
        .with_opt("binaryData", binary))
}

/// `addKeyFromLiteralToSecret`.
fn add_secret_key(
    data: &mut BTreeMap<String, Vec<u8>>,
    key: &str,
    value: Vec<u8>,
) -> Result<(), String> {
    let errs = is_config_map_key(key);
    if !errs.is_empty() {
        return Err(format!(
            "{} is not valid key name for a Secret {}",
            go_quote(key),
            errs.join(";")
        ));
    }
    if data.contains_key(key) {
        return Err(format!(
            "cannot add key {key}, another key by that name already exists"
        ));
    }
    data.insert(key.to_string(), value);
    Ok(())
}

/// `kubectl create secret generic NAME [--type] --from-...`.
pub fn secret(
    meta: &Meta,
    secret_type: &str,
    sources: &Sources,
    files: &mut dyn SourceFiles,
) -> Result<GoJson, String> {
    let mut data = BTreeMap::new();
    for source in sources.literals {
        let (key, value) = parse_literal_source(source)?;
        add_secret_key(&mut data, key, value.as_bytes().to_vec())?;
    }
    for (key, path) in file_entries(files, sources.files)? {
        let bytes = files.read(&path).map_err(|e| format!("open {path}: {e}"))?;
        add_secret_key(&mut data, &key, bytes)?;
    }
    let env = env_entries(
        files,
        sources.env_files,
        "env secret file cannot be a directory",
    )?;
    for (key, value) in env {
        add_secret_key(&mut data, &key, value.into_bytes())?;
    }
    Ok(object("Secret", "v1", meta, None)
        .with_opt("data", (!data.is_empty()).then(|| base64_map(&data)))
        .with_opt(
            "type",
            (!secret_type.is_empty()).then(|| GoJson::str(secret_type)),
        ))
}

/// A Go `map[string][]byte`: values base64-encoded, as `encoding/json` writes bytes.
fn base64_map(m: &BTreeMap<String, Vec<u8>>) -> GoJson {
    GoJson::Obj(
        m.iter()
            .map(|(k, v)| {
                let encoded = serde_json::to_value(k8s_openapi::ByteString(v.clone()))
                    .ok()
                    .and_then(|j| j.as_str().map(str::to_string))
                    .unwrap_or_default();
                (k.clone(), GoJson::Str(encoded))
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::yaml_out::to_yaml;

    /// Files in memory: `dir/` prefixes make directories.
    struct Mem(BTreeMap<&'static str, &'static [u8]>);

    impl SourceFiles for Mem {
        fn stat(&self, path: &str) -> Result<Entry, String> {
            if self.0.contains_key(path) {
                return Ok(Entry::File);
            }
            let prefix = format!("{}/", path.trim_end_matches('/'));
            let names: Vec<String> = self
                .0
                .keys()
                .filter_map(|k| k.strip_prefix(prefix.as_str()))
                .filter(|rest| !rest.contains('/'))
                .map(str::to_string)
                .collect();
            if names.is_empty() {
                Err("no such file or directory".into())
            } else {
                Ok(Entry::Dir(names))
            }
        }
        fn read(&mut self, path: &str) -> Result<Vec<u8>, String> {
            self.0
                .get(path)
                .map(|b| b.to_vec())
                .ok_or_else(|| "no such file or directory".into())
        }
    }

    fn mem() -> Mem {
        Mem(BTreeMap::from([
            ("d/f.txt", b"hello\n" as &[u8]),
            ("d/bin.dat", b"\xff\xfe"),
            ("d/e.env", b"\xef\xbb\xbfa=1\n# c\n  B_2=x y \r\nC\n"),
        ]))
    }

    fn meta() -> Meta<'static> {
        Meta {
            name: "c",
            namespace: None,
        }
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn config_map_from_files_and_literals() {
        let files = strings(&["d/f.txt", "k=d/bin.dat"]);
        let literals = strings(&["a=b", "x="]);
        let s = Sources {
            files: &files,
            literals: &literals,
            env_files: &[],
        };
        let cm = config_map(&meta(), &s, &mut mem()).unwrap();
        assert_eq!(
            to_yaml(&cm.to_value()),
            "apiVersion: v1\nbinaryData:\n  k: //4=\ndata:\n  a: b\n  f.txt: |\n    hello\n  x: \"\"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: c\n"
        );
    }

    #[test]
    fn a_directory_gives_one_key_per_file() {
        let files = strings(&["d"]);
        let s = Sources {
            files: &files,
            ..Default::default()
        };
        let v = config_map(&meta(), &s, &mut mem()).unwrap().to_value();
        assert_eq!(v["binaryData"]["bin.dat"], "//4=");
        assert_eq!(v["data"]["f.txt"], "hello\n");
        let keyed = strings(&["k=d"]);
        let s = Sources {
            files: &keyed,
            ..Default::default()
        };
        assert_eq!(
            config_map(&meta(), &s, &mut mem()).unwrap_err(),
            "cannot give a key name for a directory path"
        );
    }

    #[test]
    fn env_files_as_kubectl_reads_them() {
        let env = strings(&["d/e.env"]);
        let s = Sources {
            env_files: &env,
            ..Default::default()
        };
        let v = config_map(&meta(), &s, &mut mem()).unwrap().to_value();
        assert_eq!(
            v["data"],
            serde_json::json!({"a": "1", "B_2": "x y ", "C": ""})
        );
        assert_eq!(
            parse_env_file(b"1A=x\n", "f").unwrap_err(),
            "\"1A\" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"
        );
        assert_eq!(
            parse_env_file(b"a=1\nb=\xff\n", "f").unwrap_err(),
            "env file f contains invalid utf8 bytes at line 2: [98 61 255]"
        );
        let dir = strings(&["d"]);
        let s = Sources {
            env_files: &dir,
            ..Default::default()
        };
        assert_eq!(
            secret(&meta(), "", &s, &mut mem()).unwrap_err(),
            "env secret file cannot be a directory"
        );
    }

    #[test]
    fn source_errors_match_kubectl() {
        assert_eq!(
            parse_literal_source("=a").unwrap_err(),
            "invalid literal source =a, expected key=value"
        );
        assert_eq!(parse_literal_source("a=b=c").unwrap(), ("a", "b=c"));
        assert_eq!(
            parse_file_source("=f.txt").unwrap_err(),
            "key name for file path f.txt missing"
        );
        assert_eq!(
            parse_file_source("k=").unwrap_err(),
            "file path for key name k missing"
        );
        assert_eq!(
            parse_file_source("a=b=c").unwrap_err(),
            "key names or file paths cannot contain '='"
        );
        assert_eq!(parse_file_source("x/y/").unwrap().0, "y");
        let files = strings(&["nope"]);
        let s = Sources {
            files: &files,
            ..Default::default()
        };
        assert_eq!(
            config_map(&meta(), &s, &mut mem()).unwrap_err(),
            "error reading nope: no such file or directory"
        );
        let dup = strings(&["a=1", "a=2"]);
        let s = Sources {
            literals: &dup,
            ..Default::default()
        };
        assert_eq!(
            config_map(&meta(), &s, &mut mem()).unwrap_err(),
            "cannot add key \"a\", another key by that name already exists in Data for ConfigMap \"c\""
        );
        assert_eq!(
            secret(&meta(), "", &s, &mut mem()).unwrap_err(),
            "cannot add key a, another key by that name already exists"
        );
        let bad = strings(&["a/b=1"]);
        let s = Sources {
            literals: &bad,
            ..Default::default()
        };
        assert!(secret(&meta(), "", &s, &mut mem())
            .unwrap_err()
            .starts_with("\"a/b\" is not valid key name for a Secret a valid config key"));
    }

    #[test]
    fn secret_data_is_base64_and_type_optional() {
        let literals = strings(&["a=b"]);
        let s = Sources {
            literals: &literals,
            ..Default::default()
        };
        let v = secret(&meta(), "kubernetes.io/basic-auth", &s, &mut mem()).unwrap();
        assert_eq!(
            v.compact(),
            r#"{"kind":"Secret","apiVersion":"v1","metadata":{"name":"c","creationTimestamp":null},"data":{"a":"Yg=="},"type":"kubernetes.io/basic-auth"}"#
        );
        let empty = secret(&meta(), "", &Sources::default(), &mut mem()).unwrap();
        assert_eq!(
            empty.compact(),
            r#"{"kind":"Secret","apiVersion":"v1","metadata":{"name":"c","creationTimestamp":null}}"#
        );
    }
}
