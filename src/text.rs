//! Plain-text helpers: whitespace, tag stripping for excerpts, and cutting at a word boundary.
//!
//! The output of these functions is always rendered as a text node, never as markup, so a
//! mistake here can only make an excerpt look odd; it cannot run anything.

/// Collapses runs of whitespace to one space and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The readable text of an HTML fragment: tags removed (with the contents of script, style and
/// similar elements), common entities decoded, whitespace collapsed.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            rest = "";
            break;
        };
        let tag = after[..gt].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        rest = &after[gt + 1..];
        if matches!(
            name.as_str(),
            "script" | "style" | "template" | "noscript" | "title"
        ) && !after.starts_with('/')
        {
            let closing = format!("</{name}");
            rest = match rest.to_ascii_lowercase().find(&closing) {
                Some(end) => rest[end..].find('>').map_or("", |gt| &rest[end + gt + 1..]),
                None => "",
            };
        }
        // Block-level boundaries become spaces so words do not run together.
        out.push(' ');
    }
    out.push_str(rest);
    collapse_whitespace(&decode_entities(&out))
}

/// Decodes numeric entities and the named ones that appear in real feeds.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&i| i <= 10);
        let decoded = end.and_then(|i| decode_entity(&after[..i]));
        match (end, decoded) {
            (Some(i), Some(c)) => {
                out.push(c);
                rest = &after[i + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "times" => '×',
        _ => return None,
    })
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
        assert_eq!(html_to_text("a < b and <i>c"), "a c");
        assert_eq!(html_to_text("<script>never closed"), "");
        assert_eq!(html_to_text("&bogus; &#xZZ; & x"), "&bogus; &#xZZ; & x");
        assert_eq!(decode_entities("&#8211;&#x201C;&#0;"), "–“&#0;");
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
