//! API machinery: the kinds we serve, the object enum over k8s-openapi types, typed errors,
//! label selectors and quantities. Everything here is plain data and pure functions.

pub mod errors;
pub mod kinds;
pub mod labels;
pub mod object;
pub mod text;
pub mod time;

pub use errors::{ApiError, BadValue, FieldError, FieldErrorType, Reason};
pub use kinds::{Kind, KindInfo, KINDS};
pub use object::{Object, Typed};
