//! HTML's character references, decoded as HTML does: one decoder for every format, the XML
//! reader included. The names and their characters are in `src/entities.rs`.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
