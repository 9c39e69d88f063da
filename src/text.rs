//! Plain-text helpers: whitespace, tag stripping for excerpts, HTML's character references (one
//! decoder for every format, the XML reader included; the names are in `src/entities.rs`), and
//! cutting at a word boundary.
//!
//! The output of these functions is always rendered as a text node, never as markup, so a
//! mistake here can only make an excerpt look odd; it cannot run anything.

/// Collapses runs of whitespace to one space and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Elements whose contents are never text a reader sees.
const HIDDEN_ELEMENTS: [&str; 5] = ["script", "style", "template", "noscript", "title"];

/// The readable text of an HTML fragment: tags and comments removed (with the contents of
/// script, style and similar elements), then character references decoded once, whitespace
/// collapsed. Markup is recognised as HTML tokenises it: `<` starts a tag only before a letter,
/// `/`, `!` or `?` (so `3 < 5` is text), and a `>` inside a quoted attribute value does not end
/// the tag.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    while let Some(found) = html[from..].find('<') {
        let lt = from + found;
        let Some(end) = markup_end(html, lt) else {
            // Text: keep the `<` and look for the next one.
            out.push_str(&html[from..=lt]);
            from = lt + 1;
            continue;
        };
        out.push_str(&html[from..lt]);
        // Block-level boundaries become spaces so words do not run together.
        out.push(' ');
        from = end;
    }
    out.push_str(&html[from..]);
    collapse_whitespace(&decode_entities(&out))
}

/// Where the markup starting with the `<` at `lt` ends (the index after it), or `None` when
/// that `<` is text. Markup cut off by the end of the fragment runs to its end, as in HTML.
fn markup_end(html: &str, lt: usize) -> Option<usize> {
    let after = &html[lt + 1..];
    let to_gt = |from: &str| {
        from.find('>')
            .map_or(html.len(), |gt| html.len() - from.len() + gt + 1)
    };
    if let Some(comment) = after.strip_prefix("!--") {
        // `<!-->` and `<!--->` are empty comments; otherwise the first `-->` (or `--!>`) ends it.
        if comment.starts_with('>') || comment.starts_with("->") {
            return Some(to_gt(comment));
        }
        let close = ["-->", "--!>"]
            .iter()
            .filter_map(|end| comment.find(end).map(|at| at + end.len()))
            .min();
        return Some(close.map_or(html.len(), |at| html.len() - comment.len() + at));
    }
    // The index where the rest of a tag starting at `from` (after its `<` or `</`) begins.
    let tag_end = |from: &str| {
        crate::xml::start_tag(from).map_or(html.len(), |(_, _, _, rest)| html.len() - rest.len())
    };
    let first = *after.as_bytes().first()?;
    match first {
        b'!' | b'?' => Some(to_gt(after)),
        b'/' => match after.as_bytes().get(1) {
            Some(c) if c.is_ascii_alphabetic() => Some(tag_end(&after[1..])),
            Some(_) => Some(to_gt(after)),
            None => None,
        },
        c if c.is_ascii_alphabetic() => {
            let (name, _, _, rest) = crate::xml::start_tag(after)?;
            let name = name.to_ascii_lowercase();
            if !HIDDEN_ELEMENTS.contains(&name.as_str()) {
                return Some(html.len() - rest.len());
            }
            let closing = format!("</{name}");
            Some(match rest.to_ascii_lowercase().find(&closing) {
                Some(at) => to_gt(&rest[at..]),
                None => html.len(),
            })
        }
        _ => None,
    }
}

/// Decodes character references as HTML does in text: every name in HTML's list (the legacy
/// ones such as `&eacute` also without `;`), and numbers with HTML's repairs (`&#x80;`..`&#x9F;`
/// as windows-1252, `&#0;`, surrogates and values past U+10FFFF as U+FFFD).
pub fn decode_entities(text: &str) -> String {
    decode(text, false)
}

/// Decodes character references as HTML does in attribute values: a legacy name without `;`
/// that runs on into a letter, digit or `=` is left as written, so `?a=1&copy=2` in a URL stays.
pub fn decode_attribute(text: &str) -> String {
    decode(text, true)
}

fn decode(text: &str, in_attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = match after.strip_prefix('#') {
            Some(number) => numeric_reference(number).map(|(c, used)| (c, None, used + 1)),
            None => named_reference(after, in_attribute),
        };
        match decoded {
            Some((first, second, used)) => {
                out.push(first);
                out.extend(second);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// What HTML makes of `&#128;`..`&#159;`: the windows-1252 characters (0 where it keeps the
/// code point).
const WINDOWS_1252: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// A numeric reference after its `&#`: the character and the bytes used (`;` is optional).
fn numeric_reference(number: &str) -> Option<(char, usize)> {
    let (radix, skip) = match number.as_bytes().first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let digits = number[skip..]
        .bytes()
        .take_while(|b| char::from(*b).is_digit(radix))
        .count();
    if digits == 0 {
        return None;
    }
    let code = number[skip..skip + digits]
        .chars()
        .fold(0u32, |code, digit| {
            code.saturating_mul(radix)
                .saturating_add(digit.to_digit(radix).unwrap_or(0))
        });
    let mapped = match code {
        0x80..=0x9F => match WINDOWS_1252[(code - 0x80) as usize] {
            0 => code,
            windows => u32::from(windows),
        },
        _ => code,
    };
    let c = char::from_u32(mapped)
        .filter(|c| *c != '\0')
        .unwrap_or('\u{fffd}');
    let used = skip + digits;
    Some((c, used + usize::from(number[used..].starts_with(';'))))
}

/// One named reference of HTML's list: its name, its one or two characters, and whether it also
/// works without a `;` (a legacy name).
#[derive(Clone, Copy)]
struct Entity {
    name: &'static [u8],
    first: char,
    second: Option<char>,
    legacy: bool,
}

/// Every entity of `crate::entities::TABLE`, in its order (by code point).
fn table_entities() -> impl Iterator<Item = Entity> {
    use crate::entities::{SECONDS, TABLE};
    let table = TABLE.as_bytes();
    let (mut i, mut code) = (0, 0u32);
    std::iter::from_fn(move || {
        // Bytes below 0x30 are an entry's delta and markers (see src/entities.rs).
        let (mut delta, mut second, mut legacy) = (0u32, None, false);
        loop {
            let byte = *table.get(i)?;
            i += 1;
            match byte {
                0x20..=0x2F => delta = delta * 16 + u32::from(byte - 0x20),
                0x1F => legacy = true,
                0x00..=0x1E => second = SECONDS.get(usize::from(byte.wrapping_sub(0x10))).copied(),
                _ => {
                    code += delta;
                    let start = i - 1;
                    let end = table[start..]
                        .iter()
                        .position(|b| *b < 0x30)
                        .map_or(table.len(), |len| start + len);
                    i = end;
                    let first = char::from_u32(code).unwrap_or('\u{fffd}');
                    return Some(Entity {
                        name: &table[start..end],
                        first,
                        second,
                        legacy,
                    });
                }
            }
        }
    })
}

/// The entities sorted by name, built on first use: a lookup is then a binary search, so a
/// hostile feed of unknown `&names;` costs microseconds, not a scan of the list each.
fn entities_by_name() -> &'static [Entity] {
    static INDEX: std::sync::OnceLock<Vec<Entity>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: Vec<Entity> = table_entities().collect();
        index.sort_unstable_by_key(|entity| entity.name);
        index
    })
}

/// The longest legacy name has 6 characters (`middot`, `ccedil`, …).
const LONGEST_LEGACY_NAME: usize = 6;

/// A named reference after its `&`: its characters and the bytes used. A name with `;` must
/// match exactly; without, the longest legacy name it starts with is taken, as HTML does.
fn named_reference(after: &str, in_attribute: bool) -> Option<(char, Option<char>, usize)> {
    // The longest name in HTML's list has 31 characters.
    let name_len = after
        .bytes()
        .take(32)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &after.as_bytes()[..name_len];
    let index = entities_by_name();
    let find = |candidate: &[u8]| {
        index
            .binary_search_by_key(&candidate, |entity| entity.name)
            .ok()
            .and_then(|at| index.get(at))
    };
    if after.as_bytes().get(name_len) == Some(&b';') {
        if let Some(entity) = find(name) {
            return Some((entity.first, entity.second, name_len + 1));
        }
    }
    // Without its `;` (or unknown with it), the longest legacy name the text starts with.
    let (entity, used) = (1..=name_len.min(LONGEST_LEGACY_NAME))
        .rev()
        .find_map(|len| find(&name[..len]).filter(|e| e.legacy).map(|e| (e, len)))?;
    let runs_on = after
        .as_bytes()
        .get(used)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'=');
    (!(in_attribute && runs_on)).then_some((entity.first, entity.second, used))
}

/// Whether `text` has at least one character that draws something: not whitespace, not a
/// control, not an invisible format character (zero-width spaces and joiners, bidi controls,
/// soft hyphen, BOM, variation selectors, fillers, tag characters). A title or name without one
/// is as good as missing: a control named by it would have no visible or accessible name.
pub fn has_visible_text(text: &str) -> bool {
    text.chars()
        .any(|c| !c.is_whitespace() && !c.is_control() && !is_invisible(c))
}

/// Characters that draw nothing (Unicode `Cf` and the default-ignorable fillers), listed rather
/// than looked up in tables so the wasm stays small.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'..='\u{1160}'
            | '\u{17b4}'..='\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{2800}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff0}'..='\u{fffb}'
            | '\u{1bca0}'..='\u{1bca3}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e0fff}'
    )
}

/// Cuts `text` to at most `max_chars` characters at a word boundary, adding an ellipsis when cut.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let text = collapse_whitespace(text);
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!(
        "{}…",
        at_word.trim_end_matches(|c: char| c.is_whitespace() || ",.;:–-".contains(c))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_hidden_contents() {
        let html = "<p>Rapat <b>Forkopimda</b>&nbsp;digelar</p><script>alert('x')</script><style>p{}</style><p>di&#32;Gazebo &amp; Kolam</p>";
        assert_eq!(
            html_to_text(html),
            "Rapat Forkopimda digelar di Gazebo & Kolam"
        );
    }

    #[test]
    fn survives_broken_markup() {
        assert_eq!(html_to_text("a < b and <i>c"), "a < b and c");
        assert_eq!(html_to_text("<script>never closed"), "");
        assert_eq!(html_to_text("&bogus; &#xZZ; & x"), "&bogus; &#xZZ; & x");
        assert_eq!(decode_entities("&#8211;&#x201C;&#0;"), "–“\u{fffd}");
    }

    #[test]
    fn tags_end_where_html_ends_them() {
        // A `>` inside a quoted attribute value does not end the tag.
        assert_eq!(
            html_to_text(
                r#"<p>Foto <img alt="a > b" src="x.jpg"> pasar <a title='c>d'>desa</a></p>"#
            ),
            "Foto pasar desa"
        );
        // Comments end at `-->`, whatever they contain.
        assert_eq!(
            html_to_text("Awal <!-- <p>catatan > redaksi</p> --> akhir<!---->.<!-->"),
            "Awal akhir ."
        );
        // `<` starts a tag only before a letter, `/`, `!` or `?`.
        assert_eq!(html_to_text("3 < 5 and 7 > 2, x<5"), "3 < 5 and 7 > 2, x<5");
        assert_eq!(html_to_text("<?php x ?>a</ p>b</>c"), "a b c");
        assert_eq!(
            html_to_text("<script>var s = '</p>';</script>Teks <b>tebal"),
            "Teks tebal"
        );
        assert_eq!(
            html_to_text("Harga &lt;b&gt; &amp;lt; <i"),
            "Harga <b> &lt;"
        );
    }

    #[test]
    fn decodes_every_named_reference_in_htmls_list() {
        assert_eq!(
            decode_entities("caf&eacute; &euro;5 &uuml; &trade; &frac12; &sup2; &Aacute;"),
            "café €5 ü ™ ½ ² Á"
        );
        // Long names, the ends of the table, and two-character references.
        assert_eq!(
            decode_entities(
                "&CounterClockwiseContourIntegral;&Tab;&zopf;&acE;&fjlig;&NotEqualTilde;"
            ),
            "\u{2233}\t\u{1d56b}\u{223e}\u{333}fj\u{2242}\u{338}"
        );
        // Legacy names work without `;`; the longest one wins; unknown names stay.
        assert_eq!(
            decode_entities("&eacute &amp &copy2026 &notit; &notin; &bogus; &foo &"),
            "é & ©2026 ¬it; ∉ &bogus; &foo &"
        );
        // In attribute values (and URLs) a legacy name running into `=` or a letter stays.
        assert_eq!(
            decode_attribute("?a=1&copy=2&amp;b=3&eacute;&copyx"),
            "?a=1&copy=2&b=3é&copyx"
        );
    }

    #[test]
    fn numeric_references_are_repaired_as_html_does() {
        assert_eq!(
            decode_entities("&#x80;&#150;&#x81;&#0;&#xD800;&#x110000;&#99999999999;&#233 &#x;&#;"),
            "€–\u{81}\u{fffd}\u{fffd}\u{fffd}\u{fffd}é &#x;&#;"
        );
    }

    #[test]
    fn invisible_characters_are_not_visible_text() {
        for invisible in [
            "",
            " \t\n\u{a0}\u{3000}",
            "\u{202e}",
            "\u{200b}\u{200c}\u{200d}",
            "\u{2060}",
            "\u{feff}",
            "\u{ad}",
            "\u{200e}\u{200f}\u{202a}\u{202b}\u{202c}\u{202d}\u{2066}\u{2067}\u{2068}\u{2069}\u{61c}",
            "\u{fe0f}\u{fe00}\u{e0100}\u{34f}",
            "\u{e0001}\u{e0069}\u{e0064}",
            "\u{3164}\u{115f}\u{ffa0}\u{2800}",
            "\u{1}\u{7f}\u{85}\u{9f}",
        ] {
            assert!(!has_visible_text(invisible), "{invisible:?}");
        }
        for visible in ["a", "\u{202e}Berita", "\u{200b}7", "—", "🙂\u{fe0f}", "ب"] {
            assert!(has_visible_text(visible), "{visible:?}");
        }
    }

    #[test]
    fn cuts_at_a_word_boundary() {
        let text = "Pemerintah Kabupaten menggelar rapat koordinasi di rumah dinas bupati";
        let cut = excerpt(text, 30);
        assert_eq!(cut, "Pemerintah Kabupaten…");
        assert!(cut.chars().count() <= 31);
        assert_eq!(excerpt("pendek", 30), "pendek");
        assert_eq!(excerpt("  spasi   ganda  ", 30), "spasi ganda");
    }
}
