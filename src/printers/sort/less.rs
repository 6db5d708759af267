//! kubectl's `isLess` for the values a JSONPath finds in unstructured objects: strings
//! that both parse as quantities compare as quantities (`500Mi` < `1Gi`), other strings
//! byte-wise (RFC 3339 timestamps therefore by time), integers and floats numerically,
//! null first; mixing types, and maps, lists and booleans, are errors kubectl exits on.

use crate::printers::quantity;
use serde_json::Value;

/// Whether `i` sorts before `j`; `Err` is the reason kubectl gives for refusing.
pub(super) fn is_less(i: &Value, j: &Value) -> Result<bool, String> {
    const MIXED: &str = "unsortable interface: interface";
    match (i, j) {
        (Value::Null, _) => Ok(!j.is_null()),
        (_, Value::Null) => Ok(false),
        (Value::String(a), Value::String(b)) => {
            Ok(match (quantity::parse(a), quantity::parse(b)) {
                (Some(x), Some(y)) => x < y,
                _ => a < b,
            })
        }
        (Value::String(_), _) => Err(MIXED.into()),
        (Value::Number(a), Value::Number(b)) => match (go_int(a), go_int(b)) {
            (Some(x), Some(y)) => Ok(x < y),
            (None, None) => Ok(a.as_f64() < b.as_f64()),
            _ => Err(MIXED.into()),
        },
        (Value::Number(_), _) => Err(MIXED.into()),
        (Value::Bool(_), _) => Err("unsortable type: bool".into()),
        (Value::Object(_), _) => Err("unsortable type: map[string]interface {}".into()),
        (Value::Array(_), _) => Err("unsortable type: []interface {}".into()),
    }
}

/// A JSON number as kubectl decodes it: int64 when it is an integer that fits, else
/// float64.
fn go_int(n: &serde_json::Number) -> Option<i64> {
    n.as_i64()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quantities_compare_by_amount() {
        assert_eq!(is_less(&json!("500Mi"), &json!("1Gi")), Ok(true));
        assert_eq!(is_less(&json!("1500M"), &json!("1Gi")), Ok(false));
        assert_eq!(is_less(&json!("2Gi"), &json!("1500M")), Ok(false));
        // Not both quantities: plain string order.
        assert_eq!(is_less(&json!("10"), &json!("9x")), Ok(true));
        assert_eq!(
            is_less(&json!("kind-worker"), &json!("kind-worker2")),
            Ok(true)
        );
    }

    #[test]
    fn numbers_nulls_and_refusals() {
        assert_eq!(is_less(&json!(2), &json!(10)), Ok(true));
        assert_eq!(is_less(&json!(2.5), &json!(1.5)), Ok(false));
        assert_eq!(is_less(&json!(null), &json!(1)), Ok(true));
        assert_eq!(is_less(&json!(null), &json!(null)), Ok(false));
        assert_eq!(is_less(&json!(1), &json!(null)), Ok(false));
        assert_eq!(
            is_less(&json!(1), &json!(1.5)).unwrap_err(),
            "unsortable interface: interface"
        );
        assert_eq!(
            is_less(&json!("a"), &json!(1)).unwrap_err(),
            "unsortable interface: interface"
        );
        assert_eq!(
            is_less(&json!(true), &json!(false)).unwrap_err(),
            "unsortable type: bool"
        );
        assert_eq!(
            is_less(&json!({"a": 1}), &json!({})).unwrap_err(),
            "unsortable type: map[string]interface {}"
        );
        assert_eq!(
            is_less(&json!([1]), &json!([2])).unwrap_err(),
            "unsortable type: []interface {}"
        );
    }
}
