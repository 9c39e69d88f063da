//! Plain-text helpers: whitespace, tag stripping for excerpts, visible text, and cutting at a
//! word boundary. Character references are decoded by `src/references.rs`.
//!
//! The output of these functions is always rendered as a text node, never as markup, so a
//! mistake here can only make an excerpt look odd; it cannot run anything.

pub use crate::references::{decode_attribute, decode_entities};

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
