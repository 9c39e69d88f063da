//! `dist/custom-elements.json` (a Custom Elements Manifest, as Shoelace and GitHub's elements
//! publish) and `dist/contract.json` (for the configurator and the WordPress plugin), both made
//! from the contract table in `src/contract.rs`, so they cannot drift from the widget.

use kabar::contract::{
    self, option_name, Attribute, Default, Kind, ATTRIBUTES, CSS_PROPERTIES, EVENTS, MEMBERS, PARTS,
};
use kabar::i18n::{Lang, Strings};
use serde_json::{json, Value};

/// The Custom Elements Manifest of `<kabar-news>`.
pub fn custom_elements() -> Value {
    let attributes: Vec<Value> = ATTRIBUTES
        .iter()
        .map(|a| {
            json!({
                "name": a.name,
                "type": { "text": a.type_text() },
                "default": manifest_default(a),
                "description": a.description,
            })
        })
        .chain(Strings::KEYS.iter().map(|key| {
            json!({
                "name": Strings::attribute_name(key),
                "type": { "text": "string" },
                "description": format!("Replaces the visible string `{key}`."),
            })
        }))
        .collect();
    let members: Vec<Value> = MEMBERS
        .iter()
        .map(|m| {
            let mut member = json!({
                "kind": m.kind,
                "name": m.name,
                "description": m.description,
            });
            if m.kind == "field" {
                member["type"] = json!({ "text": m.type_text });
                member["readonly"] = json!(true);
            } else {
                member["type"] = json!({ "text": m.type_text });
            }
            member
        })
        .collect();
    let events: Vec<Value> = EVENTS
        .iter()
        .map(|e| {
            json!({
                "name": e.name,
                "type": { "text": format!("CustomEvent<{}>", e.detail) },
                "description": e.description,
            })
        })
        .collect();
    let parts: Vec<Value> = PARTS
        .iter()
        .map(|p| json!({ "name": p.name, "description": p.description }))
        .collect();
    let properties: Vec<Value> = CSS_PROPERTIES
        .iter()
        .map(|p| json!({ "name": p.name, "default": p.default, "description": p.description }))
        .collect();
    json!({
        "schemaVersion": "2.1.0",
        "readme": "README.md",
        "modules": [{
            "kind": "javascript-module",
            "path": "kabar.js",
            "declarations": [{
                "kind": "class",
                "name": "KabarNews",
                "tagName": contract::ELEMENT,
                "customElement": true,
                "description": format!(
                    "An embeddable news widget: headline cards from a feed and an inline reader. \
                     On other elements (such as a div with {}) every attribute is {}-prefixed.",
                    contract::DATA_MARKER,
                    contract::DATA_PREFIX.trim_end_matches('-')
                ),
                "attributes": attributes,
                "members": members,
                "events": events,
                "cssParts": parts,
                "cssProperties": properties,
            }],
            "exports": [{
                "kind": "custom-element-definition",
                "name": contract::ELEMENT,
                "declaration": { "name": "KabarNews", "module": "kabar.js" },
            }],
        }],
    })
}

/// The default as the manifest writes it: a value in JavaScript syntax, or the sentence.
fn manifest_default(a: &Attribute) -> Value {
    match a.default {
        Default::Required => Value::Null,
        Default::Number(n) => json!(n.to_string()),
        Default::Value(value) => json!(format!("'{value}'")),
        Default::Sentence(sentence) => json!(sentence),
    }
}

/// Everything a configurator or a CMS plugin needs to offer the attributes: names, option
/// names, kinds, keywords, ranges, defaults, descriptions, and every visible string in each
/// language.
pub fn contract_json() -> Value {
    let attributes: Vec<Value> = ATTRIBUTES
        .iter()
        .map(|a| {
            let mut entry = json!({
                "name": a.name,
                "option": option_name(a.name),
                "kind": kind_name(a.kind),
                "type": a.type_text(),
                "required": a.default == Default::Required,
                "description": a.description,
            });
            match a.kind {
                Kind::Keyword(keywords) | Kind::Parts(keywords) => {
                    entry["keywords"] = json!(keywords);
                }
                Kind::Number(range) => {
                    entry["min"] = json!(range.min);
                    entry["max"] = json!(range.max);
                }
                _ => {}
            }
            match a.default {
                Default::Required => {}
                Default::Number(n) => entry["default"] = json!(n),
                Default::Value(value) => entry["default"] = json!(value),
                Default::Sentence(sentence) => entry["defaultText"] = json!(sentence),
            }
            entry
        })
        .collect();
    let strings: Vec<Value> = Strings::KEYS
        .iter()
        .map(|key| {
            json!({
                "key": key,
                "attribute": Strings::attribute_name(key),
                "id": Lang::Id.strings().get(key),
                "en": Lang::En.strings().get(key),
            })
        })
        .collect();
    json!({
        "element": contract::ELEMENT,
        "dataMarker": contract::DATA_MARKER,
        "dataPrefix": contract::DATA_PREFIX,
        "attributes": attributes,
        "strings": strings,
        "parts": PARTS.iter().map(|p| json!({ "name": p.name, "description": p.description })).collect::<Vec<_>>(),
        "cssProperties": CSS_PROPERTIES.iter().map(|p| json!({ "name": p.name, "default": p.default, "description": p.description })).collect::<Vec<_>>(),
        "events": EVENTS.iter().map(|e| json!({ "name": e.name, "detail": e.detail, "description": e.description })).collect::<Vec<_>>(),
    })
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Url => "url",
        Kind::Urls => "urls",
        Kind::Text => "text",
        Kind::List => "list",
        Kind::Keyword(_) => "keyword",
        Kind::Parts(_) => "parts",
        Kind::Number(_) => "number",
        Kind::Boolean => "boolean",
        Kind::Json => "json",
    }
}

/// Writes both files into `dist`.
pub fn write(dist: &std::path::Path) -> Result<(), String> {
    for (name, value) in [
        ("custom-elements.json", custom_elements()),
        ("contract.json", contract_json()),
    ] {
        let text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
        std::fs::write(dist.join(name), text + "\n")
            .map_err(|e| format!("cannot write dist/{name}: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_lists_every_attribute_part_property_and_event() {
        let manifest = custom_elements();
        let element = &manifest["modules"][0]["declarations"][0];
        assert_eq!(element["tagName"], "kabar-news");
        let names: Vec<&str> = element["attributes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["name"].as_str())
            .collect();
        for a in ATTRIBUTES {
            assert!(names.contains(&a.name), "{}", a.name);
        }
        assert!(names.contains(&"text-read-more"));
        let layout = element["attributes"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|a| a["name"] == "layout")
            .cloned()
            .unwrap_or_default();
        assert_eq!(layout["default"], "'grid'");
        assert_eq!(
            element["cssParts"].as_array().map(Vec::len),
            Some(PARTS.len())
        );
        assert_eq!(
            element["events"].as_array().map(Vec::len),
            Some(EVENTS.len())
        );
        assert_eq!(
            element["cssProperties"].as_array().map(Vec::len),
            Some(CSS_PROPERTIES.len())
        );
    }

    #[test]
    fn the_contract_file_has_keywords_ranges_defaults_and_strings() {
        let contract = contract_json();
        let find = |name: &str| {
            contract["attributes"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|a| a["name"] == name)
                .cloned()
                .unwrap_or_default()
        };
        assert_eq!(find("limit")["min"], 1);
        assert_eq!(find("limit")["max"], 100);
        assert_eq!(find("limit")["default"], 6);
        assert_eq!(find("feed")["required"], true);
        assert_eq!(find("min-card-width")["option"], "minCardWidth");
        assert_eq!(find("theme")["keywords"], json!(["light", "dark", "auto"]));
        assert_eq!(
            find("lang")["defaultText"]
                .as_str()
                .map(|s| s.contains("html lang")),
            Some(true)
        );
        let strings = contract["strings"].as_array().cloned().unwrap_or_default();
        assert_eq!(strings.len(), Strings::KEYS.len());
        assert!(strings
            .iter()
            .any(|s| s["key"] == "read_more" && s["id"] == "Baca selengkapnya"));
    }
}
