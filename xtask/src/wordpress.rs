//! `cargo xtask wordpress [--no-build]`: the WordPress plugin zip,
//! `target/release-kabar/kabar-news-<version>.zip`, installable through Plugins → Add New → Upload.
//! It holds `wordpress/kabar-news/` (without its tests) with the widget from `dist/` in `assets/`,
//! the contract the plugin reads its attribute list from, the release version written into the
//! plugin's headers, and each `languages/*.po` compiled to `.mo` here (no binary is committed).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::{dist, release, root, tools, Step};

/// The plugin's folder in the repository, and its folder name inside the zip.
const PLUGIN_DIR: &str = "wordpress/kabar-news";
/// Its slug: the zip's top folder and the file name's start.
const SLUG: &str = "kabar-news";
/// dist/ files copied into the plugin's `assets/`.
const DIST_ASSETS: [&str; 3] = ["kabar.js", "kabar_bg.wasm", "contract.json"];
/// Paths inside the plugin folder that are for development only (and every dotfile).
const LEFT_OUT: [&str; 2] = ["tests/", "phpunit.xml"];

/// Builds dist/ (unless `--no-build`), then the plugin zip, and prints its path.
pub fn run(args: &[String]) -> Step {
    match args.first().map(String::as_str) {
        Some("--no-build") => {}
        None => {
            dist::run()?;
        }
        Some(other) => return Err(format!("cargo xtask wordpress: unknown option {other}")),
    }
    let zip = package()?;
    println!("{}", zip.display());
    Ok(())
}

/// The zip from the dist/ already built; returns its path.
pub fn package() -> Result<PathBuf, String> {
    let root = root();
    let version = tools::package_version()?;
    let plugin = root.join(PLUGIN_DIR);
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for path in walk(&plugin)? {
        let relative = path
            .strip_prefix(&plugin)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        if LEFT_OUT.iter().any(|left| relative.starts_with(left))
            || relative.split('/').any(|part| part.starts_with('.'))
            || relative.ends_with(".mo")
            || DIST_ASSETS
                .iter()
                .any(|name| relative == format!("assets/{name}"))
        {
            continue;
        }
        let bytes =
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if relative.ends_with(".po") {
            let text = String::from_utf8(bytes.clone())
                .map_err(|e| format!("{relative} is not UTF-8: {e}"))?;
            let catalogue = parse_po(&text).map_err(|e| format!("{relative}: {e}"))?;
            files.insert(relative.replace(".po", ".mo"), mo(&catalogue));
            files.insert(relative.replace(".po", "-editor.json"), jed(&catalogue)?);
        }
        files.insert(relative.clone(), with_version(&relative, bytes, &version)?);
    }
    for name in DIST_ASSETS {
        let path = root.join("dist").join(name);
        let bytes = std::fs::read(&path)
            .map_err(|e| format!("cannot read dist/{name} (run cargo xtask dist): {e}"))?;
        files.insert(format!("assets/{name}"), bytes);
    }
    let entries: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|(name, bytes)| (format!("{SLUG}/{name}"), bytes))
        .collect();
    let out = root.join(release::OUT_DIR);
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let zip = out.join(format!("{SLUG}-{version}.zip"));
    std::fs::write(&zip, crate::zip::archive(&entries)?)
        .map_err(|e| format!("cannot write {}: {e}", zip.display()))?;
    Ok(zip)
}

/// Every file under `dir`, in a stable order.
fn walk(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            found.extend(walk(&path)?);
        } else {
            found.push(path);
        }
    }
    Ok(found)
}

/// The release version written where WordPress reads it: the plugin header and constant, the
/// readme's Stable tag, block.json and the editor script's asset file.
fn with_version(relative: &str, bytes: Vec<u8>, version: &str) -> Result<Vec<u8>, String> {
    let rules: &[(&str, &str)] = match relative {
        "kabar-news.php" => &[
            (" * Version:           ", "\n"),
            ("define( 'KABAR_NEWS_VERSION', '", "'"),
        ],
        "readme.txt" => &[("Stable tag: ", "\n")],
        "block/block.json" => &[("\"version\": \"", "\"")],
        "block/editor.asset.php" => &[("'version'      => '", "'")],
        _ => return Ok(bytes),
    };
    let mut text = String::from_utf8(bytes).map_err(|e| format!("{relative} is not UTF-8: {e}"))?;
    for (before, after) in rules {
        let start = text
            .find(before)
            .map(|at| at + before.len())
            .ok_or_else(|| {
                format!("{PLUGIN_DIR}/{relative} lost `{before}`: update wordpress.rs")
            })?;
        let end = text[start..]
            .find(after)
            .map(|at| start + at)
            .ok_or_else(|| format!("{PLUGIN_DIR}/{relative}: no end after `{before}`"))?;
        text.replace_range(start..end, version);
    }
    Ok(text.into_bytes())
}

/// A .po file's translations: msgid → msgstr (the header under ""), fuzzy and untranslated
/// entries left out, as msgfmt does.
pub fn parse_po(text: &str) -> Result<BTreeMap<String, String>, String> {
    #[derive(PartialEq)]
    enum Field {
        None,
        Id,
        Str,
    }
    let mut catalogue = BTreeMap::new();
    let (mut id, mut string, mut field, mut fuzzy, mut seen) =
        (String::new(), String::new(), Field::None, false, false);
    let mut finish = |id: &mut String, string: &mut String, fuzzy: &mut bool, seen: &mut bool| {
        if *seen && !string.is_empty() && (!*fuzzy || id.is_empty()) {
            catalogue.insert(std::mem::take(id), std::mem::take(string));
        }
        id.clear();
        string.clear();
        *fuzzy = false;
        *seen = false;
    };
    for (number, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if field == Field::Str {
                finish(&mut id, &mut string, &mut fuzzy, &mut seen);
                field = Field::None;
            }
            if comment.starts_with(',') && comment.contains("fuzzy") {
                fuzzy = true;
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("msgid ") {
            if field == Field::Str {
                finish(&mut id, &mut string, &mut fuzzy, &mut seen);
            }
            id = unquote(rest).map_err(|e| format!("line {}: {e}", number + 1))?;
            field = Field::Id;
            seen = true;
        } else if let Some(rest) = line.strip_prefix("msgstr ") {
            if field != Field::Id {
                return Err(format!("line {}: msgstr without msgid", number + 1));
            }
            string = unquote(rest).map_err(|e| format!("line {}: {e}", number + 1))?;
            field = Field::Str;
        } else if line.starts_with('"') {
            let more = unquote(line).map_err(|e| format!("line {}: {e}", number + 1))?;
            match field {
                Field::Id => id.push_str(&more),
                Field::Str => string.push_str(&more),
                Field::None => {
                    return Err(format!("line {}: a string outside an entry", number + 1))
                }
            }
        } else if line.starts_with("msgctxt") || line.starts_with("msgid_plural") {
            return Err(format!(
                "line {}: contexts and plurals are not supported by this compiler",
                number + 1
            ));
        } else {
            return Err(format!("line {}: cannot read `{line}`", number + 1));
        }
    }
    finish(&mut id, &mut string, &mut fuzzy, &mut seen);
    Ok(catalogue)
}

/// The text of a quoted .po string, escapes resolved.
fn unquote(quoted: &str) -> Result<String, String> {
    let inner = quoted
        .trim()
        .strip_prefix('"')
        .and_then(|rest| rest.strip_suffix('"'))
        .ok_or_else(|| format!("not a quoted string: {quoted}"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            other => return Err(format!("unknown escape \\{}", other.unwrap_or(' '))),
        }
    }
    Ok(out)
}

/// A GNU .mo file (little-endian, no hash table) of the catalogue, sorted by msgid as the
/// format requires.
pub fn mo(catalogue: &BTreeMap<String, String>) -> Vec<u8> {
    const HEADER: u32 = 28;
    let count = catalogue.len() as u32;
    let originals_at = HEADER;
    let translations_at = originals_at + 8 * count;
    // The (empty) hash table sits where the strings start: readers such as WordPress's POMO take
    // its offset as the end of the translation table and the start of the strings.
    let hash_at = translations_at + 8 * count;
    let mut strings_at = hash_at;
    let mut originals = Vec::new();
    let mut translations = Vec::new();
    let mut pool = Vec::new();
    for (table, texts) in [
        (&mut originals, catalogue.keys().collect::<Vec<_>>()),
        (&mut translations, catalogue.values().collect::<Vec<_>>()),
    ] {
        for text in texts {
            let bytes = text.as_bytes();
            table.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
            table.extend_from_slice(&strings_at.to_le_bytes());
            pool.extend_from_slice(bytes);
            pool.push(0);
            strings_at += bytes.len() as u32 + 1;
        }
    }
    let mut out = Vec::new();
    for word in [
        0x9504_12de_u32,
        0,
        count,
        originals_at,
        translations_at,
        0,
        hash_at,
    ] {
        out.extend_from_slice(&word.to_le_bytes());
    }
    out.extend_from_slice(&originals);
    out.extend_from_slice(&translations);
    out.extend_from_slice(&pool);
    out
}

/// The catalogue as the JSON (Jed 1.x locale data) `wp.i18n` reads, for the block editor's
/// script; the plugin points WordPress at it with the `load_script_translation_file` filter.
pub fn jed(catalogue: &BTreeMap<String, String>) -> Result<Vec<u8>, String> {
    let mut messages = serde_json::Map::new();
    let header = catalogue.get("").cloned().unwrap_or_default();
    let field = |name: &str| {
        header
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .map(|value| value.trim().to_string())
            .unwrap_or_default()
    };
    messages.insert(
        String::new(),
        serde_json::json!({
            "domain": "messages",
            "lang": field("Language:"),
            "plural-forms": field("Plural-Forms:"),
        }),
    );
    for (id, string) in catalogue.iter().filter(|(id, _)| !id.is_empty()) {
        messages.insert(id.clone(), serde_json::json!([string]));
    }
    let document = serde_json::json!({
        "domain": "messages",
        "generator": "cargo xtask wordpress",
        "locale_data": { "messages": messages },
    });
    serde_json::to_vec(&document).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PO: &str = r#"# comment
msgid ""
msgstr ""
"Language: id_ID\n"
"Content-Type: text/plain; charset=UTF-8\n"

#, php-format
msgid "Default: %s"
msgstr "Bawaan: %s"

msgid "Settings"
msgstr "Pengaturan"

#, fuzzy
msgid "Unsure"
msgstr "Ragu"

msgid "Untranslated"
msgstr ""

msgid "Say \"hi\""
"\n"
msgstr "Bilang \"hai\"\n"
"#;

    fn word(bytes: &[u8], index: usize) -> u32 {
        let at = index * 4;
        u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
    }

    #[test]
    fn po_entries_are_read_with_escapes_and_continuations() {
        let catalogue = parse_po(PO).unwrap_or_default();
        assert_eq!(
            catalogue.get("Settings").map(String::as_str),
            Some("Pengaturan")
        );
        assert_eq!(
            catalogue.get("Default: %s").map(String::as_str),
            Some("Bawaan: %s")
        );
        assert_eq!(
            catalogue.get("Say \"hi\"\n").map(String::as_str),
            Some("Bilang \"hai\"\n")
        );
        assert!(catalogue
            .get("")
            .is_some_and(|h| h.contains("Language: id_ID\n")));
        assert!(!catalogue.contains_key("Unsure"));
        assert!(!catalogue.contains_key("Untranslated"));
        assert_eq!(catalogue.len(), 4);
    }

    #[test]
    fn mo_tables_point_at_sorted_nul_terminated_strings() {
        let catalogue = parse_po(PO).unwrap_or_default();
        let bytes = mo(&catalogue);
        assert_eq!(word(&bytes, 0), 0x9504_12de);
        assert_eq!(word(&bytes, 2), 4);
        // An empty hash table at the start of the strings, right after the two tables.
        assert_eq!(word(&bytes, 5), 0);
        assert_eq!(word(&bytes, 6), 28 + 16 * 4);
        let (originals, translations) = (word(&bytes, 3) as usize, word(&bytes, 4) as usize);
        let read = |table: usize, index: usize| {
            let length = word(&bytes[table..], index * 2) as usize;
            let offset = word(&bytes[table..], index * 2 + 1) as usize;
            assert_eq!(bytes[offset + length], 0);
            String::from_utf8_lossy(&bytes[offset..offset + length]).into_owned()
        };
        let ids: Vec<String> = (0..4).map(|i| read(originals, i)).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted);
        assert_eq!(ids[0], "");
        let settings = ids.iter().position(|id| id == "Settings").unwrap_or(99);
        assert_eq!(read(translations, settings), "Pengaturan");
    }

    #[test]
    fn jed_json_has_the_header_and_each_message() {
        let catalogue = parse_po(PO).unwrap_or_default();
        let json: serde_json::Value =
            serde_json::from_slice(&jed(&catalogue).unwrap_or_default()).unwrap_or_default();
        let messages = &json["locale_data"]["messages"];
        assert_eq!(messages[""]["lang"], "id_ID");
        assert_eq!(messages["Settings"][0], "Pengaturan");
    }

    #[test]
    fn a_bad_po_line_is_an_error_with_its_number() {
        let error = parse_po("msgid \"a\"\nmsgstr \"b\"\nnonsense\n")
            .err()
            .unwrap_or_default();
        assert!(error.contains("line 3"), "{error}");
    }

    #[test]
    fn the_version_goes_into_every_header_that_carries_one() {
        let php = b" * Version:           0.0.1\n * X\ndefine( 'KABAR_NEWS_VERSION', '0.0.1' );\n"
            .to_vec();
        let out = with_version("kabar-news.php", php, "9.8.7").unwrap_or_default();
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(text.contains(" * Version:           9.8.7\n"));
        assert!(text.contains("'KABAR_NEWS_VERSION', '9.8.7'"));
        assert!(with_version("readme.txt", b"no tag here".to_vec(), "1").is_err());
    }

    /// The editor script groups controls into panels by attribute name (and hides a few); every
    /// name it mentions must still be an attribute of the contract, or a renamed attribute would
    /// silently fall into "More settings".
    #[test]
    fn the_editor_script_names_only_contract_attributes() {
        let script = std::fs::read_to_string(root().join(PLUGIN_DIR).join("block/editor.js"))
            .unwrap_or_default();
        let mut named = Vec::new();
        for marker in ["names: [", "var HIDDEN = ["] {
            for (at, _) in script.match_indices(marker) {
                let list = &script[at + marker.len()..];
                let list = &list[..list.find(']').unwrap_or(0)];
                named.extend(
                    list.split(',')
                        .map(|n| n.trim().trim_matches('\'').to_string()),
                );
            }
        }
        assert!(named.len() > 20, "{named:?}");
        for name in &named {
            assert!(
                kabar::contract::ATTRIBUTES.iter().any(|a| a.name == name),
                "block/editor.js names `{name}`, which is not in the contract"
            );
        }
    }

    #[test]
    fn the_repository_translation_compiles() {
        let po = std::fs::read_to_string(
            root()
                .join(PLUGIN_DIR)
                .join("languages/kabar-news-id_ID.po"),
        )
        .unwrap_or_default();
        let catalogue = parse_po(&po).unwrap_or_default();
        assert_eq!(
            catalogue.get("Settings").map(String::as_str),
            Some("Pengaturan")
        );
    }
}
