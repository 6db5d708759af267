//! Resolving what a user names on the command line into kinds and names, as kubectl's
//! resource builder does: `pods`, `pods web-0 web-1`, `pod/web-0 svc/nginx`, `pods,svc`,
//! `all`, with kubectl's errors for unknown types and mixed forms.

use crate::api::Kind;

/// One kind and the names asked for (empty: all of that kind).
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub kind: Kind,
    pub names: Vec<String>,
}

/// The `all` category, in the order the apiserver's discovery lists it.
pub const ALL_CATEGORY: [Kind; 5] = [
    Kind::Pod,
    Kind::Service,
    Kind::Deployment,
    Kind::ReplicaSet,
    Kind::StatefulSet,
];

fn resolve(t: &str) -> Result<Vec<Kind>, String> {
    if t.eq_ignore_ascii_case("all") {
        return Ok(ALL_CATEGORY.to_vec());
    }
    Kind::resolve(t).map(|k| vec![k]).ok_or_else(|| {
        format!(
            "the server doesn't have a resource type {}",
            crate::api::errors::go_quote(t)
        )
    })
}

/// Parse the positional arguments of get/describe/delete/label/... .
pub fn parse(args: &[String]) -> Result<Vec<Selection>, String> {
    let mut out: Vec<Selection> = Vec::new();
    if args.is_empty() {
        return Ok(out);
    }
    let slash_form = args.iter().any(|a| a.contains('/'));
    if slash_form {
        if !args.iter().all(|a| a.contains('/')) {
            return Err("there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'".into());
        }
        for a in args {
            let (t, name) = a.split_once('/').expect("checked");
            if name.is_empty() {
                return Err(
                    "arguments in resource/name form must have a single resource and name".into(),
                );
            }
            let kinds = resolve(t)?;
            let kind = kinds[0];
            match out.iter_mut().find(|s| s.kind == kind) {
                Some(s) => s.names.push(name.to_string()),
                None => out.push(Selection {
                    kind,
                    names: vec![name.to_string()],
                }),
            }
        }
        return Ok(out);
    }
    let types = &args[0];
    let names: Vec<String> = args[1..].to_vec();
    for t in types.split(',').filter(|t| !t.is_empty()) {
        for kind in resolve(t)? {
            if !out.iter().any(|s| s.kind == kind) {
                out.push(Selection {
                    kind,
                    names: names.clone(),
                });
            }
        }
    }
    if out.len() > 1 && !names.is_empty() {
        // `get pods,svc web` looks the name up in each kind; kubectl allows it.
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn parses_every_form() {
        assert_eq!(
            parse(&s(&["po", "web-0"])).unwrap(),
            vec![Selection {
                kind: Kind::Pod,
                names: s(&["web-0"])
            }]
        );
        assert_eq!(parse(&s(&["sts/web", "pod/web-0"])).unwrap().len(), 2);
        assert_eq!(parse(&s(&["pods,svc"])).unwrap().len(), 2);
        assert_eq!(parse(&s(&["all"])).unwrap()[0].kind, Kind::Pod);
        assert_eq!(
            parse(&s(&["podz"])).unwrap_err(),
            "the server doesn't have a resource type \"podz\""
        );
        assert!(parse(&s(&["pod", "pod/web-0"]))
            .unwrap_err()
            .starts_with("there is no need"));
    }
}
