//! kubectl's error wording, in one place: how an apiserver error is printed
//! (`Error from server (NotFound): ...`, the multi-line `The StatefulSet "web" is invalid:`
//! form), and the `error when creating "FILE":` wrapper for objects read from files.

use crate::api::{ApiError, Reason};

/// What kubectl prints for an API error (with trailing newline).
pub fn render(err: &ApiError) -> String {
    render_with_source(err, None)
}

/// The same, for an object read from `source` by `verb` (`creating`, `deleting`, ...).
pub fn render_with_source(err: &ApiError, source: Option<(&str, &str)>) -> String {
    if err.reason == Reason::Invalid && !err.causes.is_empty() {
        let kind = err.kind.map(|k| k.info().name).unwrap_or("");
        let head = if kind.is_empty() {
            "The request is invalid".to_string()
        } else {
            format!(
                "The {} {} is invalid",
                kind,
                crate::api::errors::go_quote(&err.name)
            )
        };
        let mut causes: Vec<String> = Vec::new();
        for c in &err.causes {
            let s = c.to_string();
            if !causes.contains(&s) {
                causes.push(s);
            }
        }
        if causes.len() == 1 {
            return format!("{head}: {}\n", causes[0]);
        }
        let mut out = format!("{head}: \n");
        for c in causes {
            out.push_str(&format!("* {c}\n"));
        }
        return out;
    }
    let message = match source {
        Some((verb, file)) => format!(
            "error when {verb} {}: {}",
            crate::api::errors::go_quote(file),
            err.message
        ),
        None => err.message.clone(),
    };
    format!("Error from server ({}): {}\n", err.reason, message)
}

/// `error: <message>` for client-side errors (no double prefix).
pub fn client(message: &str) -> String {
    let m = message.trim_end_matches('\n');
    if m.starts_with("error: ") {
        format!("{m}\n")
    } else {
        format!("error: {m}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{FieldError, Kind};

    #[test]
    fn invalid_errors_use_the_details_form() {
        let one = ApiError::invalid(
            Kind::StatefulSet,
            "web",
            vec![FieldError::required("spec.selector", "")],
        );
        assert_eq!(
            render(&one),
            "The StatefulSet \"web\" is invalid: spec.selector: Required value\n"
        );
        let two = ApiError::invalid(
            Kind::StatefulSet,
            "web",
            vec![
                FieldError::required("spec.selector", ""),
                FieldError::required("spec.template", ""),
            ],
        );
        assert_eq!(render(&two), "The StatefulSet \"web\" is invalid: \n* spec.selector: Required value\n* spec.template: Required value\n");
    }

    #[test]
    fn other_errors_carry_the_reason_and_file() {
        let e = ApiError::already_exists(Kind::StatefulSet, "web");
        assert_eq!(
            render_with_source(&e, Some(("creating", "web.yaml"))),
            "Error from server (AlreadyExists): error when creating \"web.yaml\": statefulsets.apps \"web\" already exists\n"
        );
        assert_eq!(client("boom"), "error: boom\n");
    }
}
