//! Typed API errors, as the apiserver returns them (a `Status` with a reason, and field
//! causes for `Invalid`). One place, `kubectl::errors`, renders them in kubectl's words.

use super::kinds::Kind;
use std::fmt;

/// `metav1.StatusReason` values the sandbox produces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    NotFound,
    AlreadyExists,
    BadRequest,
    Invalid,
    Forbidden,
    Conflict,
    MethodNotAllowed,
    InternalError,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Reason::NotFound => "NotFound",
            Reason::AlreadyExists => "AlreadyExists",
            Reason::BadRequest => "BadRequest",
            Reason::Invalid => "Invalid",
            Reason::Forbidden => "Forbidden",
            Reason::Conflict => "Conflict",
            Reason::MethodNotAllowed => "MethodNotAllowed",
            Reason::InternalError => "InternalError",
        };
        f.write_str(s)
    }
}

/// `field.ErrorType` from apimachinery's validation package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldErrorType {
    NotFound,
    Required,
    Duplicate,
    Invalid,
    NotSupported,
    Forbidden,
    TooLong,
    TooMany,
    Internal,
}

impl FieldErrorType {
    pub fn as_str(self) -> &'static str {
        match self {
            FieldErrorType::NotFound => "Not found",
            FieldErrorType::Required => "Required value",
            FieldErrorType::Duplicate => "Duplicate value",
            FieldErrorType::Invalid => "Invalid value",
            FieldErrorType::NotSupported => "Unsupported value",
            FieldErrorType::Forbidden => "Forbidden",
            FieldErrorType::TooLong => "Too long",
            FieldErrorType::TooMany => "Too many",
            FieldErrorType::Internal => "Internal error",
        }
    }
}

/// The offending value of a field error, formatted as Go's `%v`/`%q`/`%#v` would.
#[derive(Clone, Debug, PartialEq)]
pub enum BadValue {
    /// A string, printed quoted (`"Web_1"`).
    Str(String),
    /// An integer, printed plain (`-1`).
    Int(i64),
    Bool(bool),
    /// Already in Go's form, printed as is (`map[string]string{"app":"nginx"}`).
    Raw(String),
}

impl fmt::Display for BadValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadValue::Str(s) => write!(f, "{}", go_quote(s)),
            BadValue::Int(i) => write!(f, "{i}"),
            BadValue::Bool(b) => write!(f, "{b}"),
            BadValue::Raw(s) => f.write_str(s),
        }
    }
}

/// Go's `%q` for the strings we meet (escapes quotes, backslashes and control characters).
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One cause of an `Invalid` error (`field.Error`).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub kind: FieldErrorType,
    pub value: Option<BadValue>,
    pub detail: String,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        kind: FieldErrorType,
        value: Option<BadValue>,
        detail: impl Into<String>,
    ) -> Self {
        FieldError {
            field: field.into(),
            kind,
            value,
            detail: detail.into(),
        }
    }
    pub fn required(field: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::new(field, FieldErrorType::Required, None, detail)
    }
    pub fn invalid(field: impl Into<String>, value: BadValue, detail: impl Into<String>) -> Self {
        Self::new(field, FieldErrorType::Invalid, Some(value), detail)
    }
    pub fn forbidden(field: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::new(field, FieldErrorType::Forbidden, None, detail)
    }
    pub fn not_found(field: impl Into<String>, value: BadValue) -> Self {
        Self::new(field, FieldErrorType::NotFound, Some(value), "")
    }
    pub fn not_supported(field: impl Into<String>, value: BadValue, supported: &[&str]) -> Self {
        let list: Vec<String> = supported.iter().map(|s| go_quote(s)).collect();
        Self::new(
            field,
            FieldErrorType::NotSupported,
            Some(value),
            format!("supported values: {}", list.join(", ")),
        )
    }
    pub fn duplicate(field: impl Into<String>, value: BadValue) -> Self {
        Self::new(field, FieldErrorType::Duplicate, Some(value), "")
    }
    pub fn too_long(field: impl Into<String>, max: usize) -> Self {
        Self::new(
            field,
            FieldErrorType::TooLong,
            None,
            format!("may not be more than {max} bytes"),
        )
    }

    /// `ErrorBody()`: the text after `<field>: `.
    pub fn body(&self) -> String {
        let mut s = match (self.kind, &self.value) {
            (
                FieldErrorType::Required
                | FieldErrorType::Forbidden
                | FieldErrorType::TooLong
                | FieldErrorType::Internal,
                _,
            )
            | (_, None) => self.kind.as_str().to_string(),
            (_, Some(v)) => format!("{}: {}", self.kind.as_str(), v),
        };
        if !self.detail.is_empty() {
            s.push_str(": ");
            s.push_str(&self.detail);
        }
        s
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.body())
    }
}

/// An error the apiserver returns.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    pub reason: Reason,
    /// The apiserver's `message` (for Invalid: `StatefulSet.apps "web" is invalid: [...]`).
    pub message: String,
    /// For Invalid: the kind and name in `details`.
    pub kind: Option<Kind>,
    pub name: String,
    pub causes: Vec<FieldError>,
}

impl ApiError {
    pub fn new(reason: Reason, message: impl Into<String>) -> Self {
        ApiError {
            reason,
            message: message.into(),
            kind: None,
            name: String::new(),
            causes: vec![],
        }
    }

    pub fn not_found(kind: Kind, name: &str) -> Self {
        ApiError::new(
            Reason::NotFound,
            format!(
                "{} {} not found",
                kind.info().resource_group(),
                go_quote(name)
            ),
        )
    }

    pub fn already_exists(kind: Kind, name: &str) -> Self {
        ApiError::new(
            Reason::AlreadyExists,
            format!(
                "{} {} already exists",
                kind.info().resource_group(),
                go_quote(name)
            ),
        )
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(Reason::BadRequest, message)
    }

    pub fn invalid(kind: Kind, name: &str, causes: Vec<FieldError>) -> Self {
        let info = kind.info();
        let qualified = if info.group.is_empty() {
            info.name.to_string()
        } else {
            format!("{}.{}", info.name, info.group)
        };
        let list: Vec<String> = causes.iter().map(|c| c.to_string()).collect();
        let joined = if list.len() == 1 {
            list[0].clone()
        } else {
            format!("[{}]", list.join(", "))
        };
        ApiError {
            reason: Reason::Invalid,
            message: format!("{} {} is invalid: {}", qualified, go_quote(name), joined),
            kind: Some(kind),
            name: name.to_string(),
            causes,
        }
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        ApiError::new(Reason::Forbidden, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        ApiError::new(Reason::Conflict, message)
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_error_bodies_match_apimachinery() {
        assert_eq!(
            FieldError::required("spec.selector", "").to_string(),
            "spec.selector: Required value"
        );
        assert_eq!(
            FieldError::invalid(
                "spec.replicas",
                BadValue::Int(-1),
                "must be greater than or equal to 0"
            )
            .to_string(),
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0"
        );
        assert_eq!(
            FieldError::not_supported("spec.template.spec.restartPolicy", BadValue::Str("Never".into()), &["Always"]).to_string(),
            "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\""
        );
        assert_eq!(
            FieldError::not_found(
                "spec.containers[0].volumeMounts[0].name",
                BadValue::Str("data".into())
            )
            .to_string(),
            "spec.containers[0].volumeMounts[0].name: Not found: \"data\""
        );
    }

    #[test]
    fn not_found_names_the_resource_and_group() {
        assert_eq!(
            ApiError::not_found(Kind::StatefulSet, "web").message,
            "statefulsets.apps \"web\" not found"
        );
        assert_eq!(
            ApiError::not_found(Kind::Pod, "web-9").message,
            "pods \"web-9\" not found"
        );
    }
}
