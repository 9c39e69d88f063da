//! The public contract is written once, in `src/contract.rs`; these tests hold every other
//! place that states it to that table: the typings, the README's tables, the loader's defaults,
//! the stylesheet, the components' `part=` names and the events.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use kabar::contract::{
    self, option_name, Attribute, Default, Kind, ATTRIBUTES, CSS_PROPERTIES, EVENTS,
    INTERNAL_CSS_PROPERTIES, PARTS,
};
use kabar::i18n::{Lang, Strings};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The lines of `text` from the one starting with `start` up to the next that starts with `end`.
fn section<'t>(text: &'t str, start: &str, end: &str) -> Vec<&'t str> {
    text.lines()
        .skip_while(|line| !line.starts_with(start))
        .skip(1)
        .take_while(|line| !line.starts_with(end))
        .collect()
}

/// Every `` `word` `` in a piece of Markdown.
fn code_spans(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// The cells of a Markdown table row.
fn cells(row: &str) -> Vec<&str> {
    let row = row.trim().trim_start_matches('|').trim_end_matches('|');
    row.split(" | ").map(str::trim).collect()
}

#[test]
fn typings_declare_every_attribute_with_its_type() {
    let typings = read("src/web/kabar.d.ts");
    let mut declared = Vec::new();
    for line in section(&typings, "export interface KabarOptions", "}") {
        let line = line.trim();
        if line.starts_with("/**") || line.starts_with("*") || line.starts_with('[') {
            continue;
        }
        let (name, ty) = line
            .trim_end_matches(';')
            .split_once(": ")
            .unwrap_or_else(|| panic!("unreadable line in KabarOptions: {line}"));
        declared.push((name.to_string(), ty.to_string()));
    }
    let expected: Vec<(String, String)> = ATTRIBUTES
        .iter()
        .map(|a| {
            let optional = if a.default == Default::Required {
                ""
            } else {
                "?"
            };
            (format!("{}{optional}", option_name(a.name)), a.type_text())
        })
        .collect();
    for entry in &expected {
        assert!(
            declared.contains(entry),
            "kabar.d.ts KabarOptions lacks `{}: {};`",
            entry.0,
            entry.1
        );
    }
    for entry in &declared {
        assert!(
            expected.contains(entry),
            "kabar.d.ts KabarOptions has `{}: {};`, which src/contract.rs does not",
            entry.0,
            entry.1
        );
    }
    assert!(
        typings.contains("[text: `text${string}`]: string | undefined;"),
        "the text-… attributes"
    );
}

#[test]
fn typings_declare_every_event_with_its_detail() {
    let typings = read("src/web/kabar.d.ts");
    let details = section(&typings, "export interface KabarEventDetails", "}");
    assert_eq!(details.len(), EVENTS.len(), "{details:?}");
    for event in EVENTS {
        let line = format!("'{}': {};", event.name, event.detail);
        assert!(
            details.iter().any(|l| l.trim() == line),
            "kabar.d.ts KabarEventDetails lacks {line}"
        );
        assert!(
            typings.contains(&format!("'{}': CustomEvent<", event.name)),
            "HTMLElementEventMap lacks {}",
            event.name
        );
    }
    for member in contract::MEMBERS {
        assert!(
            typings.contains(&format!(" {}(", member.name))
                || typings.contains(&format!(" {}: ", member.name)),
            "KabarWidgetApi lacks {}",
            member.name
        );
    }
}

#[test]
fn readme_attribute_table_has_every_name_keyword_range_and_default() {
    let readme = read("README.md");
    let rows: Vec<Vec<&str>> = section(&readme, "### Attributes", "### ")
        .into_iter()
        .filter(|line| line.starts_with("| `"))
        .map(cells)
        .collect();
    let row_of = |a: &Attribute| {
        rows.iter()
            .find(|row| code_spans(row[0]).first() == Some(&a.name))
            .unwrap_or_else(|| panic!("README's attribute table has no row for `{}`", a.name))
    };
    for a in ATTRIBUTES {
        let row = row_of(a);
        let values = code_spans(row[1]);
        if let Kind::Keyword(keywords) | Kind::Parts(keywords) = a.kind {
            for keyword in keywords {
                assert!(
                    values.contains(keyword),
                    "README row `{}` lacks the keyword `{keyword}`",
                    a.name
                );
            }
        }
        if let Kind::Number(range) = a.kind {
            let span = format!("{}–{}", range.min, range.max);
            assert!(
                row[1].contains(&span),
                "README row `{}` lacks its range {span}",
                a.name
            );
        }
        assert_eq!(row[2], a.default_text(), "README default of `{}`", a.name);
    }
    for row in &rows {
        let name = code_spans(row[0])[0];
        assert!(
            ATTRIBUTES.iter().any(|a| a.name == name),
            "README documents `{name}`, which src/contract.rs does not"
        );
    }
}

#[test]
fn readme_strings_table_has_every_key_and_text() {
    let readme = read("README.md");
    let rows: Vec<Vec<&str>> = section(&readme, "### Visible strings", "### ")
        .into_iter()
        .filter(|line| line.starts_with("| `"))
        .map(cells)
        .collect();
    assert_eq!(rows.len(), Strings::KEYS.len());
    for key in Strings::KEYS {
        let row = rows
            .iter()
            .find(|row| code_spans(row[0]) == [*key])
            .unwrap_or_else(|| panic!("README lacks the string {key}"));
        assert_eq!(code_spans(row[1]), [Strings::attribute_name(key).as_str()]);
        assert_eq!(Some(row[2]), Lang::Id.strings().get(key), "{key}");
        assert_eq!(Some(row[3]), Lang::En.strings().get(key), "{key}");
    }
}

#[test]
fn loader_defaults_follow_the_table() {
    let loader = read("src/web/loader.js");
    for (constant, value) in [
        ("TAG", contract::ELEMENT),
        ("DATA_MARKER", contract::DATA_MARKER),
        ("DATA_PREFIX", contract::DATA_PREFIX),
    ] {
        assert!(
            loader.contains(&format!("var {constant} = '{value}';")),
            "loader.js {constant}"
        );
    }
    // Every keyword list the loader reads: keyword(host, 'name', ['a', 'b']).
    let calls: Vec<&str> = loader.split("keyword(host, '").skip(1).collect();
    assert!(calls.len() >= 2, "the loader reads layout and theme");
    for call in calls {
        let (name, rest) = call.split_once("', [").unwrap_or(("", ""));
        let list = rest.split(']').next().unwrap_or_default();
        let keywords: Vec<&str> = list
            .split(',')
            .map(|k| k.trim().trim_matches('\''))
            .collect();
        assert_eq!(
            keywords,
            contract::attribute(name).kind.keywords(),
            "loader.js keywords of {name}"
        );
    }
    let limit = contract::attribute("limit");
    let range = limit.kind.range();
    assert!(loader.contains(&format!(
        "Math.min(value, {}) : {}",
        range.max,
        limit.default.number()
    )));
    let level = contract::attribute("heading-level");
    let range = level.kind.range();
    assert!(loader.contains(&format!(
        "cardLevel >= {} && cardLevel <= {} && Number.isInteger(cardLevel) ? cardLevel : {}",
        range.min,
        range.max,
        level.default.number()
    )));
    assert!(loader.contains("attribute(host, 'loading')"));
    assert!(loader.contains(&format!("=== '{}'", contract::LOADING_KEYWORDS[1])));
}

/// Every file under `dir` whose name ends with `extension`.
fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path, extension));
        } else if path.to_string_lossy().ends_with(extension) {
            found.push(path);
        }
    }
    found
}

#[test]
fn every_part_the_widget_renders_is_documented() {
    let mut rendered = BTreeSet::new();
    for path in files(&root().join("src/ui"), ".rs") {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for value in text.split("part=\"").skip(1) {
            let value = value.split('"').next().unwrap_or_default();
            rendered.extend(value.split_whitespace().map(str::to_string));
        }
    }
    let loader = read("src/web/loader.js");
    for value in loader.split("setAttribute('part', '").skip(1) {
        rendered.insert(value.split('\'').next().unwrap_or_default().to_string());
    }
    let documented: BTreeSet<String> = PARTS.iter().map(|p| p.name.to_string()).collect();
    assert_eq!(
        rendered, documented,
        "part= names in src/ui and src/contract.rs PARTS"
    );

    let readme = read("README.md");
    let theming = section(&readme, "### Theming", "## ").join("\n");
    for part in PARTS {
        assert!(
            theming.contains(&format!("`{}`", part.name)),
            "README Theming lacks the part `{}`",
            part.name
        );
    }
}

#[test]
fn every_custom_property_is_documented_with_its_default() {
    let css = read("styles/kabar.css");
    let mut used = BTreeSet::new();
    for piece in css.split("--kabar-").skip(1) {
        let name: String = piece
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if !name.is_empty() {
            used.insert(format!("--kabar-{name}"));
        }
    }
    let documented: BTreeSet<String> = CSS_PROPERTIES
        .iter()
        .map(|p| p.name.to_string())
        .chain(INTERNAL_CSS_PROPERTIES.iter().map(|p| p.to_string()))
        .collect();
    assert_eq!(
        used, documented,
        "--kabar-* in styles/kabar.css and src/contract.rs"
    );

    let host = css
        .split(":host {")
        .nth(1)
        .and_then(|rest| rest.split('}').next());
    let host = host.unwrap_or_default();
    for property in CSS_PROPERTIES {
        // A default written as a CSS value (not a sentence) is the one the stylesheet sets.
        if property.default.contains(' ') {
            continue;
        }
        let declared = format!("{}: {};", property.name, property.default);
        let fallback = format!("var({}, {})", property.name, property.default);
        assert!(
            host.contains(&declared) || css.contains(&fallback),
            "styles/kabar.css does not default {} to {}",
            property.name,
            property.default
        );
    }

    let readme = read("README.md");
    let theming = section(&readme, "### Theming", "## ").join("\n");
    for property in CSS_PROPERTIES {
        assert!(
            theming.contains(&format!("`{}`", property.name)),
            "README Theming lacks {}",
            property.name
        );
    }
}

#[test]
fn every_event_the_widget_dispatches_is_documented() {
    let events = read("src/web/events.rs");
    let dispatched: BTreeSet<&str> = events
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| s.starts_with("kabar:"))
        .collect();
    let documented: BTreeSet<&str> = EVENTS.iter().map(|e| e.name).collect();
    assert_eq!(dispatched, documented);
    let readme = read("README.md");
    for event in EVENTS {
        assert!(
            readme.contains(&format!("| `{}` |", event.name)),
            "README lacks {}",
            event.name
        );
    }
}
