//! JSON text to a [`serde_json::Value`]. In the browser the text goes through the browser's own
//! `JSON.parse`, walked into the same `Value`, so the wasm carries no JSON parser of its own
//! (-4.9 KB brotli); natively (tests, the CLI) it is serde_json's `from_str`. Either way the
//! feed readers see the same `Value`.

use serde_json::Value;

/// The deepest nesting accepted, serde_json's own limit, so both builds refuse the same
/// documents, before anything recursive (parsing, conversion, dropping) walks them.
pub const MAX_DEPTH: usize = 127;

/// `text` parsed as JSON, or why it does not parse.
pub fn parse(text: &str) -> Result<Value, String> {
    if nesting_depth(text) > MAX_DEPTH {
        return Err(format!("nested deeper than {MAX_DEPTH} levels"));
    }
    parse_checked(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_checked(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
fn parse_checked(text: &str) -> Result<Value, String> {
    use wasm_bindgen::JsCast;
    let parsed = js_sys::JSON::parse(text).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default()
    })?;
    Ok(from_js(&parsed))
}

/// A value `JSON.parse` made, as a [`Value`]. Walked by hand rather than through
/// `serde-wasm-bindgen`, whose error messages pull in `core`'s float formatting (+5 KB brotli,
/// measured). Integral numbers up to 2^53 become integers, as serde_json reads `3`; JSON.parse
/// cannot tell `3.0` from `3`, so that one differs (an integer here, a float natively).
#[cfg(target_arch = "wasm32")]
fn from_js(value: &wasm_bindgen::JsValue) -> Value {
    use js_sys::{Array, Object};
    use wasm_bindgen::JsCast;
    if let Some(text) = value.as_string() {
        return Value::String(text);
    }
    if let Some(number) = value.as_f64() {
        const SAFE: f64 = 9_007_199_254_740_992.0;
        return if number.fract() == 0.0 && number.abs() <= SAFE {
            if number >= 0.0 {
                Value::from(number as u64)
            } else {
                Value::from(number as i64)
            }
        } else {
            serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)
        };
    }
    if let Some(flag) = value.as_bool() {
        return Value::Bool(flag);
    }
    if let Some(list) = value.dyn_ref::<Array>() {
        return Value::Array(list.iter().map(|item| from_js(&item)).collect());
    }
    let Some(object) = value.dyn_ref::<Object>() else {
        return Value::Null;
    };
    // Inserted one by one: collecting would sort the pairs first, a sort instantiation more.
    let mut map = serde_json::Map::new();
    for entry in Object::entries(object).iter() {
        if let Ok(pair) = entry.dyn_into::<Array>() {
            if let Some(key) = pair.get(0).as_string() {
                map.insert(key, from_js(&pair.get(1)));
            }
        }
    }
    Value::Object(map)
}

/// The deepest nesting of `[`/`{` in `text`, counting only brackets outside strings. It is a
/// bound, not a validation: malformed text is left for the parser to refuse.
pub fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for byte in text.bytes() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings_only() {
        assert_eq!(nesting_depth(r#"{"a": [1, {"b": "[[[{{"}]}"#), 3);
        assert_eq!(nesting_depth(r#"["\"[", "\\", ["x"]]"#), 2);
        assert_eq!(nesting_depth("42"), 0);
    }

    #[test]
    fn too_deep_documents_are_refused_and_the_limit_itself_parses() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
        let err = parse(&deep(MAX_DEPTH + 1)).expect_err("too deep");
        assert!(err.contains("deeper than 127"), "{err}");
    }

    #[test]
    fn parses_objects_and_explains_bad_text() {
        let value = parse(r#"{"title": "Berita", "n": 3}"#).expect("json");
        assert_eq!(value["title"], "Berita");
        assert_eq!(value["n"], 3);
        assert!(parse("{\"title\": ").is_err());
    }
}
