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
    fn cuts_at_a_word_boundary() {
        let text = "Pemerintah Kabupaten menggelar rapat koordinasi di rumah dinas bupati";
        let cut = excerpt(text, 30);
        assert_eq!(cut, "Pemerintah Kabupaten…");
        assert!(cut.chars().count() <= 31);
        assert_eq!(excerpt("pendek", 30), "pendek");
        assert_eq!(excerpt("  spasi   ganda  ", 30), "spasi ganda");
    }
}
