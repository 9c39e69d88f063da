//! The allowlist sanitiser for article HTML.
//!
//! The browser parses feed HTML with its own inert parser (`DOMParser`: no scripts run, no images
//! load) into [`RawNode`]s; this module keeps only allowlisted elements and attributes with
//! checked URLs, and the UI builds DOM nodes from the result directly. Nothing is ever serialised
//! back to an HTML string and re-parsed, so there is no mutation-XSS round trip. This costs a few
//! KiB of wasm where ammonia would cost ~800 KB.

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
    "iframe",
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
    matches!(tag, "br" | "hr" | "img")
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
            ("img", "alt") => Some(("alt", value.clone())),
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
            ],
            BASE,
        );
        assert_eq!(out.len(), 1);
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
                el("iframe", &[("src", "https://evil")], vec![]),
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
