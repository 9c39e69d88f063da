//! The allowlist sanitiser for article HTML.
//!
//! The browser parses feed HTML with its own inert parser (`DOMParser`: no scripts run, no images
//! load) into [`RawNode`]s; this module keeps only allowlisted elements and attributes with
//! checked URLs, and the UI builds DOM nodes from the result directly. Nothing is ever serialised
//! back to an HTML string and re-parsed, so there is no mutation-XSS round trip. This costs a few
//! KiB of wasm where ammonia would cost ~800 KB.

use crate::text::has_visible_text;
use crate::url::{safe_url, UrlUse};

/// A parsed, untrusted node.
#[derive(Clone, Debug, PartialEq)]
pub enum RawNode {
    /// An element with its lower-case local name and attributes.
    Element {
        /// Local name, e.g. `p`.
        name: String,
        /// Attributes as (name, value), names lower-case.
        attrs: Vec<(String, String)>,
        /// Child nodes.
        children: Vec<RawNode>,
    },
    /// A text node.
    Text(String),
}

/// A node that is safe to put into the DOM as it is.
#[derive(Clone, Debug, PartialEq)]
pub enum SafeNode {
    /// An allowlisted element with checked attributes.
    Element {
        /// An allowlisted tag name.
        tag: &'static str,
        /// Allowlisted attributes with checked values.
        attrs: Vec<(&'static str, String)>,
        /// Child nodes.
        children: Vec<SafeNode>,
    },
    /// Text, to be inserted as a text node.
    Text(String),
}

/// Deeper nesting than this is dropped: real articles never need it, hostile ones use it to
/// exhaust the stack.
pub const MAX_DEPTH: usize = 48;

/// Elements kept (with their allowlisted attributes).
const ALLOWED: &[&str] = &[
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "picture",
    "source",
    "a",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "mark",
    "q",
    "cite",
    "code",
    "pre",
    "abbr",
    "time",
    "del",
    "ins",
    "kbd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "div",
    "span",
];

/// Elements dropped together with everything inside them.
const DROPPED: &[&str] = &[
    "script",
    "style",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "select",
    "option",
    "optgroup",
    "textarea",
    "base",
    "meta",
    "link",
    "svg",
    "math",
    "template",
    "noscript",
    "title",
    "head",
    "canvas",
    "audio",
    "video",
    "dialog",
    "portal",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
];

/// Hosts whose video players may stay embedded (sandboxed) in an article, with the path their
/// embed URLs start with.
const VIDEO_EMBEDS: &[(&str, &str)] = &[
    ("www.youtube.com", "/embed/"),
    ("youtube.com", "/embed/"),
    ("www.youtube-nocookie.com", "/embed/"),
    ("youtube-nocookie.com", "/embed/"),
    ("player.vimeo.com", "/video/"),
];

/// The only powers an embedded video player gets.
pub const VIDEO_SANDBOX: &str = "allow-scripts allow-same-origin allow-presentation";

/// Attributes kept on any allowlisted element.
const GLOBAL_ATTRS: &[&str] = &["title", "lang", "dir"];

/// Sanitises a fragment. `base_url` resolves relative links and images.
pub fn sanitize(nodes: &[RawNode], base_url: &str) -> Vec<SafeNode> {
    let mut out = Vec::new();
    for node in nodes {
        sanitize_into(node, base_url, 0, &mut out);
    }
    out
}

fn sanitize_into(node: &RawNode, base_url: &str, depth: usize, out: &mut Vec<SafeNode>) {
    match node {
        RawNode::Text(text) => out.push(SafeNode::Text(text.clone())),
        RawNode::Element { .. } if depth >= MAX_DEPTH => {}
        RawNode::Element {
            name,
            attrs,
            children,
        } => {
            let name = name.to_ascii_lowercase();
            if name == "iframe" {
                out.extend(embed(attrs, base_url));
                return;
            }
            if DROPPED.contains(&name.as_str()) {
                return;
            }
            let mut safe_children = Vec::new();
            for child in children {
                sanitize_into(child, base_url, depth + 1, &mut safe_children);
            }
            match ALLOWED.iter().find(|allowed| **allowed == name) {
                Some(tag) => {
                    if let Some(attrs) = safe_attributes(tag, attrs, base_url) {
                        out.push(SafeNode::Element {
                            tag,
                            attrs,
                            children: if is_void(tag) {
                                Vec::new()
                            } else {
                                safe_children
                            },
                        });
                    }
                }
                // Unknown but harmless wrappers (section, font, center…) give way to their contents.
                None => out.extend(safe_children),
            }
        }
    }
}

fn is_void(tag: &str) -> bool {
    matches!(tag, "br" | "hr" | "img" | "source")
}

/// An `<iframe>`: a video player from an allowlisted host stays, sandboxed and lazy; anything
/// else becomes a plain link to what it would have shown.
fn embed(attrs: &[(String, String)], base_url: &str) -> Option<SafeNode> {
    let attr = |name: &str| {
        attrs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let src = safe_url(base_url, attr("src")?, UrlUse::Web)?;
    if is_video_player(&src) {
        let title = attr("title").unwrap_or("Video").to_string();
        return Some(SafeNode::Element {
            tag: "iframe",
            attrs: vec![
                ("src", src),
                ("title", title),
                ("sandbox", VIDEO_SANDBOX.into()),
                ("loading", "lazy".into()),
                ("allow", "fullscreen; picture-in-picture".into()),
                ("referrerpolicy", "strict-origin-when-cross-origin".into()),
            ],
            children: Vec::new(),
        });
    }
    Some(SafeNode::Element {
        tag: "a",
        attrs: vec![
            ("href", src.clone()),
            ("rel", "noopener noreferrer".into()),
            ("target", "_blank".into()),
        ],
        children: vec![SafeNode::Text(src)],
    })
}

/// Whether `src` (already through [`safe_url`]) is a player on an allowlisted host, read as the
/// browser will read it. Rather than re-implement the URL parser's path normalisation, anything
/// it would rewrite is refused: the authority must be exactly the host (no userinfo, port or
/// trailing dot) and the path only letters, digits, `-`, `_` and single slashes, so `..`, `%2e`,
/// `%2f`, `\` and `//` cannot move the frame off the player's path.
fn is_video_player(src: &str) -> bool {
    let Some(rest) = src.strip_prefix("https://") else {
        return false;
    };
    let path_start = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at(path_start);
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let path = &rest[..path_end];
    VIDEO_EMBEDS.iter().any(|(host, prefix)| {
        authority.eq_ignore_ascii_case(host)
            && path.strip_prefix(prefix).is_some_and(|player| {
                !player.is_empty()
                    && !player.starts_with('/')
                    && !player.contains("//")
                    && player
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'/'))
            })
    })
}

/// Checks every candidate of a `srcset`, keeping the good ones: a URL, then an optional `2x` or
/// `640w` descriptor (the HTML parsing rules, simplified).
pub fn safe_srcset(value: &str, base_url: &str) -> Option<String> {
    let mut kept = Vec::new();
    let mut rest = value;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let url_end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (raw_url, after) = rest.split_at(url_end);
        let (raw_url, descriptor, after) = match raw_url.strip_suffix(',') {
            Some(url) => (url.trim_end_matches(','), "", after),
            None => {
                let end = after.find(',').unwrap_or(after.len());
                (raw_url, after[..end].trim(), &after[end..])
            }
        };
        rest = after;
        let descriptor_ok = descriptor.is_empty()
            || descriptor.strip_suffix(['w', 'x']).is_some_and(|n| {
                !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            });
        if let (true, Some(url)) = (descriptor_ok, safe_url(base_url, raw_url, UrlUse::Image)) {
            // A candidate URL with a space or comma would change how the list splits.
            if !url.contains([' ', ',']) || url.starts_with("data:") && !url.contains(' ') {
                kept.push(if descriptor.is_empty() {
                    url
                } else {
                    format!("{url} {descriptor}")
                });
            }
        }
    }
    (!kept.is_empty()).then(|| kept.join(", "))
}

/// The attributes to keep on `tag`, or `None` when the element itself must go (an image
/// without a safe source).
fn safe_attributes(
    tag: &'static str,
    attrs: &[(String, String)],
    base_url: &str,
) -> Option<Vec<(&'static str, String)>> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for (name, value) in attrs {
        let name = name.to_ascii_lowercase();
        let kept: Option<(&'static str, String)> = match (tag, name.as_str()) {
            ("a", "href") => safe_url(base_url, value, UrlUse::Link).map(|u| ("href", u)),
            ("img", "src") => safe_url(base_url, value, UrlUse::Image).map(|u| ("src", u)),
            ("img" | "source", "srcset") => safe_srcset(value, base_url).map(|v| ("srcset", v)),
            ("img" | "source", "sizes") => Some(("sizes", value.clone())),
            ("source", "media") => Some(("media", value.clone())),
            ("source", "type") => value
                .trim()
                .to_ascii_lowercase()
                .starts_with("image/")
                .then(|| ("type", value.trim().to_string())),
            ("source", "width") => dimension(value).map(|v| ("width", v)),
            ("source", "height") => dimension(value).map(|v| ("height", v)),
            ("del" | "ins", "cite") => safe_url(base_url, value, UrlUse::Web).map(|u| ("cite", u)),
            // An alt that draws nothing is no alt: the image is then marked decorative below.
            ("img", "alt") => has_visible_text(value).then(|| ("alt", value.clone())),
            ("img", "width") => dimension(value).map(|v| ("width", v)),
            ("img", "height") => dimension(value).map(|v| ("height", v)),
            ("blockquote" | "q", "cite") => {
                safe_url(base_url, value, UrlUse::Web).map(|u| ("cite", u))
            }
            ("td" | "th", "colspan") => dimension(value).map(|v| ("colspan", v)),
            ("td" | "th", "rowspan") => dimension(value).map(|v| ("rowspan", v)),
            ("th", "scope") => matches!(value.as_str(), "row" | "col" | "rowgroup" | "colgroup")
                .then(|| ("scope", value.clone())),
            ("time", "datetime") => Some(("datetime", value.clone())),
            ("ol", "start") => dimension(value).map(|v| ("start", v)),
            // Global attributes; the static name comes from the allowlist itself.
            (_, n) => GLOBAL_ATTRS
                .iter()
                .find(|global| **global == n)
                .map(|global| (*global, value.clone())),
        };
        if let Some(pair) = kept {
            if !out.iter().any(|(n, _)| *n == pair.0) {
                out.push(pair);
            }
        }
    }
    match tag {
        "a" => {
            out.push(("rel", "noopener noreferrer".into()));
            out.push(("target", "_blank".into()));
        }
        // A <source> outside <picture> does nothing, and one without candidates is useless.
        "source" if !out.iter().any(|(n, _)| *n == "srcset") => return None,
        "img" => {
            if !out.iter().any(|(n, _)| *n == "src") || is_tracking_pixel(&out) {
                return None;
            }
            if !out.iter().any(|(n, _)| *n == "alt") {
                out.push(("alt", String::new()));
            }
            out.push(("loading", "lazy".into()));
            out.push(("decoding", "async".into()));
            out.push(("referrerpolicy", "no-referrer".into()));
        }
        _ => {}
    }
    Some(out)
}

fn dimension(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty() && v.len() <= 5 && v.bytes().all(|b| b.is_ascii_digit())).then(|| v.to_string())
}

fn is_tracking_pixel(attrs: &[(&'static str, String)]) -> bool {
    let size = |name: &str| {
        attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    };
    matches!(
        (size("width"), size("height")),
        (Some("0" | "1"), Some("0" | "1"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://batanghari.go.id/berita/rakor";

    fn el(name: &str, attrs: &[(&str, &str)], children: Vec<RawNode>) -> RawNode {
        RawNode::Element {
            name: name.into(),
            attrs: attrs
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            children,
        }
    }
    fn text(t: &str) -> RawNode {
        RawNode::Text(t.into())
    }
    fn attrs_of(node: &SafeNode) -> Vec<(&'static str, String)> {
        match node {
            SafeNode::Element { attrs, .. } => attrs.clone(),
            SafeNode::Text(_) => Vec::new(),
        }
    }

    #[test]
    fn drops_script_and_its_contents() {
        let out = sanitize(
            &[el(
                "p",
                &[],
                vec![text("a"), el("script", &[], vec![text("alert(1)")])],
            )],
            BASE,
        );
        assert_eq!(
            out,
            vec![SafeNode::Element {
                tag: "p",
                attrs: vec![],
                children: vec![SafeNode::Text("a".into())]
            }]
        );
    }

    #[test]
    fn drops_event_handlers_and_styles() {
        let out = sanitize(
            &[el(
                "p",
                &[
                    ("onclick", "x()"),
                    ("style", "color:red"),
                    ("class", "c"),
                    ("title", "t"),
                ],
                vec![],
            )],
            BASE,
        );
        assert_eq!(attrs_of(&out[0]), vec![("title", "t".to_string())]);
    }

    #[test]
    fn links_are_checked_and_open_safely() {
        let out = sanitize(
            &[
                el("a", &[("href", "java\tscript:alert(1)")], vec![text("x")]),
                el("a", &[("href", "/foto")], vec![text("y")]),
            ],
            BASE,
        );
        let first = attrs_of(&out[0]);
        assert!(!first.iter().any(|(n, _)| *n == "href"));
        let second = attrs_of(&out[1]);
        assert!(second.contains(&("href", "https://batanghari.go.id/foto".to_string())));
        assert!(second.contains(&("rel", "noopener noreferrer".to_string())));
        assert!(second.contains(&("target", "_blank".to_string())));
    }

    #[test]
    fn images_need_a_safe_source_and_lose_tracking_pixels() {
        let out = sanitize(
            &[
                el("img", &[("src", "javascript:alert(1)")], vec![]),
                el(
                    "img",
                    &[("src", "data:image/svg+xml,<svg onload=alert(1)>")],
                    vec![],
                ),
                el(
                    "img",
                    &[
                        ("src", "https://t.example/p.gif"),
                        ("width", "1"),
                        ("height", "1"),
                    ],
                    vec![],
                ),
                el(
                    "img",
                    &[("src", "foto.jpg"), ("onerror", "alert(1)")],
                    vec![],
                ),
                el(
                    "img",
                    &[("src", "b.jpg"), ("alt", "\u{202e}\u{200b}\u{ad}")],
                    vec![],
                ),
            ],
            BASE,
        );
        assert_eq!(out.len(), 2);
        assert!(
            attrs_of(&out[1]).contains(&("alt", String::new())),
            "an invisible alt is no alt: {:?}",
            out[1]
        );
        let attrs = attrs_of(&out[0]);
        assert!(attrs.contains(&(
            "src",
            "https://batanghari.go.id/berita/foto.jpg".to_string()
        )));
        assert!(attrs.contains(&("loading", "lazy".to_string())));
        assert!(attrs.contains(&("alt", String::new())));
        assert!(!attrs.iter().any(|(n, _)| n.starts_with("on")));
    }

    #[test]
    fn forms_svg_and_frames_go_entirely_unknown_wrappers_unwrap() {
        let out = sanitize(
            &[
                el(
                    "form",
                    &[("action", "https://evil")],
                    vec![el("input", &[], vec![]), text("kirim")],
                ),
                el(
                    "svg",
                    &[],
                    vec![el("a", &[("href", "https://x.id")], vec![text("svg link")])],
                ),
                el(
                    "section",
                    &[("onmouseover", "x")],
                    vec![el("em", &[], vec![text("isi")])],
                ),
            ],
            BASE,
        );
        assert_eq!(
            out,
            vec![SafeNode::Element {
                tag: "em",
                attrs: vec![],
                children: vec![SafeNode::Text("isi".into())]
            }]
        );
    }

    #[test]
    fn video_players_stay_sandboxed_other_frames_become_links() {
        let out = sanitize(
            &[
                el(
                    "iframe",
                    &[
                        ("src", "https://www.youtube-nocookie.com/embed/abc123"),
                        ("title", "Rapat paripurna"),
                        ("srcdoc", "<script>parent.x=1</script>"),
                        ("onload", "parent.x=1"),
                        ("sandbox", "allow-top-navigation allow-forms"),
                    ],
                    vec![],
                ),
                el(
                    "iframe",
                    &[("src", "https://player.vimeo.com/video/42")],
                    vec![],
                ),
                el("iframe", &[("src", "https://evil.example/embed/x")], vec![]),
                el(
                    "iframe",
                    &[("src", "https://www.youtube.com.evil.example/embed/x")],
                    vec![],
                ),
                el("iframe", &[("src", "javascript:parent.x=1")], vec![]),
                el(
                    "iframe",
                    &[("srcdoc", "<script>parent.x=1</script>")],
                    vec![],
                ),
            ],
            BASE,
        );
        assert_eq!(out.len(), 4, "{out:?}");
        let youtube = attrs_of(&out[0]);
        assert_eq!(
            youtube,
            vec![
                (
                    "src",
                    "https://www.youtube-nocookie.com/embed/abc123".to_string()
                ),
                ("title", "Rapat paripurna".to_string()),
                ("sandbox", VIDEO_SANDBOX.to_string()),
                ("loading", "lazy".to_string()),
                ("allow", "fullscreen; picture-in-picture".to_string()),
                (
                    "referrerpolicy",
                    "strict-origin-when-cross-origin".to_string()
                ),
            ]
        );
        assert!(attrs_of(&out[1]).contains(&("title", "Video".to_string())));
        for link in &out[2..] {
            let SafeNode::Element { tag, attrs, .. } = link else {
                panic!("{link:?}");
            };
            assert_eq!(*tag, "a");
            assert!(attrs[0].1.starts_with("https://"), "{attrs:?}");
        }
    }

    #[test]
    fn video_paths_the_browser_would_rewrite_become_links() {
        let tag_of =
            |src: &str| match sanitize(&[el("iframe", &[("src", src)], vec![])], BASE).first() {
                Some(SafeNode::Element { tag, .. }) => *tag,
                other => panic!("{src}: {other:?}"),
            };
        for player in [
            "https://www.youtube.com/embed/abc123?start=30&rel=0",
            "https://youtube-nocookie.com/embed/videoseries?list=PL_x-1",
            "https://WWW.YouTube.com/embed/abc_123-x#t=10",
            "https://player.vimeo.com/video/42/abc",
            " https://player.vimeo.com/video/42\t",
        ] {
            assert_eq!(tag_of(player), "iframe", "{player}");
        }
        for escape in [
            "https://www.youtube.com/embed/../../redirect?q=https://evil.example",
            "https://www.youtube.com/embed/..",
            "https://www.youtube.com/embed/%2e%2e/%2E%2e/redirect",
            "https://www.youtube.com/embed/.%2E/watch",
            "https://www.youtube.com/embed/%2e./watch",
            "https://www.youtube.com/embed/./x",
            "https://www.youtube.com/embed\\..\\redirect",
            "https://www.youtube.com/embed/..\\redirect",
            "https://www.youtube.com/embed/.\t./redirect",
            "https://www.youtube.com/embed/.\n.\r/redirect",
            "https://www.youtube.com/embed/x%2f..%2f..%2fredirect",
            "https://www.youtube.com/embed/x%2F..%2Fredirect",
            "https://www.youtube.com/embed//redirect",
            "https://www.youtube.com/embed/x//../../redirect",
            "https://www.youtube.com/embed/",
            "https://www.youtube.com/embed/ab%63",
            "https://www.youtube.com@evil.example/embed/x",
            "https://user:pw@www.youtube.com/embed/x",
            "https://www.youtube.com:8443/embed/x",
            "https://www.youtube.com./embed/x",
            "https://www.youtube.com\\embed/x",
            "https:www.youtube.com/embed/x",
            "http://www.youtube.com/embed/x",
            "//player.vimeo.com/video/../../evil",
        ] {
            assert_eq!(tag_of(escape), "a", "{escape}");
        }
    }

    #[test]
    fn every_srcset_candidate_is_checked() {
        assert_eq!(
            safe_srcset(
                "kecil.jpg 320w, javascript:alert(1) 640w,  data:image/png;base64,AAA= 2x, \
                 https://cdn.id/b.jpg 1200w, data:text/html,x 3x, /c.jpg 1.5x, /d.jpg bogus",
                BASE
            )
            .as_deref(),
            Some(
                "https://batanghari.go.id/berita/kecil.jpg 320w, data:image/png;base64,AAA= 2x, \
                 https://cdn.id/b.jpg 1200w, https://batanghari.go.id/c.jpg 1.5x"
            )
        );
        assert_eq!(safe_srcset(" java\tscript:x 1x,vbscript:y", BASE), None);
        // Without a space after the comma, "a.jpg,b.jpg" is one URL (as browsers read it), and
        // a URL with a comma is not kept.
        assert_eq!(safe_srcset("a.jpg,b.jpg 2x", BASE), None);
        let picture = sanitize(
            &[el(
                "picture",
                &[],
                vec![
                    el(
                        "source",
                        &[("srcset", "javascript:x"), ("type", "image/webp")],
                        vec![],
                    ),
                    el(
                        "source",
                        &[
                            ("srcset", "b.webp"),
                            ("type", "text/html"),
                            ("media", "(min-width: 40em)"),
                        ],
                        vec![],
                    ),
                    el(
                        "img",
                        &[("src", "b.jpg"), ("srcset", "b2.jpg 2x"), ("onerror", "x")],
                        vec![],
                    ),
                ],
            )],
            BASE,
        );
        let SafeNode::Element { children, .. } = &picture[0] else {
            panic!("{picture:?}");
        };
        assert_eq!(
            children.len(),
            2,
            "the source without a safe candidate goes: {children:?}"
        );
        assert_eq!(
            attrs_of(&children[0]),
            vec![
                (
                    "srcset",
                    "https://batanghari.go.id/berita/b.webp".to_string()
                ),
                ("media", "(min-width: 40em)".to_string())
            ]
        );
        assert!(attrs_of(&children[1]).contains(&(
            "srcset",
            "https://batanghari.go.id/berita/b2.jpg 2x".to_string()
        )));
    }

    #[test]
    fn deep_nesting_is_cut_not_recursed_forever() {
        let mut node = text("dalam");
        for _ in 0..2_000 {
            node = el("span", &[], vec![node]);
        }
        // Building the raw tree is the caller's job; the sanitiser must stop at MAX_DEPTH.
        let out = sanitize(&[node], BASE);
        fn depth(n: &SafeNode) -> usize {
            match n {
                SafeNode::Element { children, .. } => {
                    1 + children.iter().map(depth).max().unwrap_or(0)
                }
                SafeNode::Text(_) => 0,
            }
        }
        assert!(depth(&out[0]) <= MAX_DEPTH);
    }
}
