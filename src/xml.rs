//! A small, forgiving XML reader for RSS and Atom feeds.
//!
//! Real feeds are often not well-formed: a bare `&` in a URL, an HTML entity such as `&nbsp;`
//! that XML does not define, a file cut short by a proxy. A strict parser (the browser's
//! `DOMParser` with `text/xml`) rejects the whole feed for any of these; this one keeps reading,
//! closes what is left open at the end and decodes HTML's named entities too (all of them, by
//! the rules HTML has for attribute values, so `?a=1&copy=2` in a link stays a link). It is pure
//! Rust, so native tests cover exactly the code the browser runs, and it costs a few KiB of wasm.
//!
//! Namespaced names are normalised: elements in the namespaces feeds use get their conventional
//! prefix whatever prefix the file chose (`content:encoded`, `dc:creator`, `media:content`), and
//! elements in the Atom or XHTML namespace, or in none, keep only their local name.

use std::collections::HashMap;

use crate::references::decode_attribute;

/// Elements nested deeper than this are flattened into their parent (their text is kept).
pub const MAX_DEPTH: usize = 64;

/// An element with its normalised name, attributes (as written) and children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct XmlElement {
    /// Normalised qualified name, e.g. `item`, `content:encoded`, `media:content`.
    pub name: String,
    /// Attributes in document order, values decoded.
    pub attrs: Vec<(String, String)>,
    /// Child nodes in document order.
    pub children: Vec<XmlNode>,
}

/// A node in the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum XmlNode {
    /// An element.
    Element(XmlElement),
    /// Text, with entities decoded and CDATA sections unwrapped.
    Text(String),
}

/// Conventional prefixes for the namespaces feeds use; Atom and XHTML map to no prefix.
const NAMESPACES: [(&str, &str); 14] = [
    ("http://www.w3.org/2005/Atom", ""),
    ("http://purl.org/atom/ns#", ""),
    // RSS 2.0 was briefly given namespaces; a prefixed `<r:rss>` root is still RSS.
    ("http://backend.userland.com/rss2", ""),
    ("http://backend.userland.com/rss", ""),
    ("http://blogs.law.harvard.edu/tech/rss", ""),
    ("http://my.netscape.com/rdf/simple/0.9/", ""),
    ("http://purl.org/dc/terms/", "dcterms"),
    ("http://www.w3.org/1999/xhtml", ""),
    ("http://purl.org/rss/1.0/", ""),
    ("http://purl.org/rss/1.0/modules/content/", "content"),
    ("http://purl.org/dc/elements/1.1/", "dc"),
    ("http://search.yahoo.com/mrss/", "media"),
    ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"),
    ("http://www.w3.org/XML/1998/namespace", "xml"),
];

impl XmlElement {
    /// The value of an attribute by its name as written.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements.
    pub fn elements(&self) -> impl Iterator<Item = &XmlElement> {
        self.children.iter().filter_map(|child| match child {
            XmlNode::Element(element) => Some(element),
            XmlNode::Text(_) => None,
        })
    }

    /// Child elements with this name.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a XmlElement> + 'a {
        self.elements().filter(move |e| e.name == name)
    }

    /// The first child element with this name.
    pub fn child(&self, name: &str) -> Option<&XmlElement> {
        self.elements().find(|e| e.name == name)
    }

    /// The trimmed text of the first child with this name, if it is not blank.
    pub fn child_text(&self, name: &str) -> Option<String> {
        self.all(name).map(XmlElement::text).find(|t| !t.is_empty())
    }

    /// All text inside, trimmed.
    pub fn text(&self) -> String {
        let mut out = String::new();
        self.collect_text(&mut out);
        out.trim().to_string()
    }

    fn collect_text(&self, out: &mut String) {
        for child in &self.children {
            match child {
                XmlNode::Text(text) => out.push_str(text),
                XmlNode::Element(element) => element.collect_text(out),
            }
        }
    }

    /// The children written back as markup (for Atom's `type="xhtml"` content), escaped.
    pub fn inner_markup(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            write_markup(child, &mut out);
        }
        out
    }
}

fn write_markup(node: &XmlNode, out: &mut String) {
    match node {
        XmlNode::Text(text) => escape_into(text, false, out),
        XmlNode::Element(element) => {
            let name = element.name.rsplit(':').next().unwrap_or_default();
            out.push('<');
            out.push_str(name);
            for (attr, value) in &element.attrs {
                if attr == "xmlns" || attr.starts_with("xmlns:") {
                    continue;
                }
                out.push(' ');
                out.push_str(attr);
                out.push_str("=\"");
                escape_into(value, true, out);
                out.push('"');
            }
            out.push('>');
            for child in &element.children {
                write_markup(child, out);
            }
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
    }
}

fn escape_into(text: &str, in_attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// Why text could not be read as XML at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct XmlError(pub &'static str);

/// An element being built, with the namespace declarations in scope at it.
struct Open {
    element: XmlElement,
    /// The name as written, to match its end tag.
    raw_name: String,
    namespaces: HashMap<String, String>,
}

/// Parses a document and returns its root element.
pub fn parse(text: &str) -> Result<XmlElement, XmlError> {
    let text = text.trim_start_matches('\u{feff}');
    let mut stack: Vec<Open> = Vec::new();
    let mut root: Option<XmlElement> = None;
    let mut rest = text;
    let mut flattened = 0usize;

    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut stack, &decode_attribute(rest));
            break;
        };
        if lt > 0 {
            push_text(&mut stack, &decode_attribute(&rest[..lt]));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<![CDATA[") {
            let end = after.find("]]>").unwrap_or(after.len());
            push_text(&mut stack, &after[..end]);
            rest = after.get(end + 3..).unwrap_or("");
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
        } else if rest.starts_with("<?") {
            rest = rest.find("?>").map_or("", |end| &rest[end + 2..]);
        } else if rest.starts_with("<!") {
            rest = skip_declaration(rest);
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').unwrap_or(after.len());
            let name = after[..end].trim();
            rest = after.get(end + 1..).unwrap_or("");
            if flattened > 0 {
                flattened -= 1;
                continue;
            }
            // Close up to the matching element; a stray end tag matches nothing and is ignored.
            if let Some(position) = stack.iter().rposition(|open| open.raw_name == name) {
                while stack.len() > position {
                    close(&mut stack, &mut root);
                }
            }
        } else {
            let Some((raw_name, attrs, self_closing, after)) = start_tag(&rest[1..]) else {
                // A `<` that starts no tag is text (`a < b` in a sloppy feed).
                push_text(&mut stack, "<");
                rest = &rest[1..];
                continue;
            };
            rest = after;
            if stack.len() >= MAX_DEPTH {
                if !self_closing {
                    flattened += 1;
                }
                continue;
            }
            if root.is_some() && stack.is_empty() {
                // Content after the root element: a second document glued on. Stop here.
                break;
            }
            let mut namespaces = stack
                .last()
                .map(|open| open.namespaces.clone())
                .unwrap_or_default();
            for (attr, value) in &attrs {
                if attr == "xmlns" {
                    namespaces.insert(String::new(), value.clone());
                } else if let Some(prefix) = attr.strip_prefix("xmlns:") {
                    namespaces.insert(prefix.to_string(), value.clone());
                }
            }
            let element = XmlElement {
                name: normalise_name(&raw_name, &namespaces),
                attrs,
                children: Vec::new(),
            };
            stack.push(Open {
                element,
                raw_name,
                namespaces,
            });
            if self_closing {
                close(&mut stack, &mut root);
            }
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut root);
    }
    root.ok_or(XmlError("there is no root element"))
}

fn push_text(stack: &mut [Open], text: &str) {
    let Some(open) = stack.last_mut() else {
        return;
    };
    if let Some(XmlNode::Text(previous)) = open.element.children.last_mut() {
        previous.push_str(text);
    } else {
        open.element.children.push(XmlNode::Text(text.to_string()));
    }
}

fn close(stack: &mut Vec<Open>, root: &mut Option<XmlElement>) {
    let Some(open) = stack.pop() else {
        return;
    };
    match stack.last_mut() {
        Some(parent) => parent.element.children.push(XmlNode::Element(open.element)),
        None => *root = Some(open.element),
    }
}

/// Skips `<!DOCTYPE …>` including an internal subset in brackets.
fn skip_declaration(rest: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in rest.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '>' if depth == 0 => return &rest[i + 1..],
            _ => {}
        }
    }
    ""
}

pub(crate) type StartTag<'a> = (String, Vec<(String, String)>, bool, &'a str);

/// Reads a start tag after its `<`: name, attributes, whether it closes itself, and the rest.
pub(crate) fn start_tag(input: &str) -> Option<StartTag<'_>> {
    let name_end = input
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(input.len());
    let name = &input[..name_end];
    if name.is_empty()
        || !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || !c.is_ascii())
    {
        return None;
    }
    let mut attrs = Vec::new();
    let mut rest = &input[name_end..];
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("/>") {
            return Some((name.to_string(), attrs, true, after));
        }
        if let Some(after) = rest.strip_prefix('>') {
            return Some((name.to_string(), attrs, false, after));
        }
        if rest.is_empty() {
            return Some((name.to_string(), attrs, false, rest));
        }
        if let Some(after) = rest.strip_prefix('/') {
            rest = after;
            continue;
        }
        let attr_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len())
            .max(1);
        let attr = rest[..attr_end].to_string();
        rest = rest[attr_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (value, remaining) = match after.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(quote).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    // `<enclosure url=/a.jpg/>`: the slash closes the tag, it is not the value's.
                    let end = if after[end..].starts_with('>') && after[..end].ends_with('/') {
                        end - 1
                    } else {
                        end
                    };
                    (&after[..end], &after[end..])
                }
            };
            rest = remaining;
            decode_attribute(value)
        } else {
            String::new()
        };
        attrs.push((attr, value));
    }
}

fn normalise_name(raw: &str, namespaces: &HashMap<String, String>) -> String {
    let (prefix, local) = raw.split_once(':').unwrap_or(("", raw));
    match namespaces.get(prefix) {
        Some(uri) => match NAMESPACES.iter().find(|(known, _)| known == uri) {
            Some((_, "")) => local.to_string(),
            Some((_, conventional)) => format!("{conventional}:{local}"),
            None => raw.to_string(),
        },
        // Undeclared prefixes (sloppy feeds) and unprefixed names without a default namespace
        // are taken as written.
        None => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_elements_attributes_text_and_cdata() {
        let root = parse(
            "\u{feff}<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x \"y\">]><!-- c -->\
             <rss version='2.0'><channel><title>A &amp; B</title>\
             <item><description><![CDATA[<p>Hi & bye</p>]]></description><link/></item></channel></rss>",
        )
        .expect("parses");
        assert_eq!(root.name, "rss");
        assert_eq!(root.attr("version"), Some("2.0"));
        let channel = root.child("channel").expect("channel");
        assert_eq!(channel.child_text("title").as_deref(), Some("A & B"));
        let item = channel.child("item").expect("item");
        assert_eq!(
            item.child_text("description").as_deref(),
            Some("<p>Hi & bye</p>")
        );
        assert!(item.child("link").is_some());
    }

    #[test]
    fn forgives_what_real_feeds_get_wrong() {
        // A bare ampersand, an HTML entity, an unquoted attribute, a stray end tag, and a file
        // cut off in the middle of the second item.
        let root = parse(
            "<rss><channel><item><title>Q&A &nbsp;&mdash; x</title></bogus>\
             <link>https://a.id/?a=1&b=2</link><enclosure url=/i.jpg type=image/jpeg/></item>\
             <item><title>Cut off",
        )
        .expect("parses");
        let items: Vec<_> = root
            .child("channel")
            .expect("channel")
            .all("item")
            .collect();
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0].child_text("title").as_deref(),
            Some("Q&A \u{a0}\u{2014} x")
        );
        assert_eq!(
            items[0].child_text("link").as_deref(),
            Some("https://a.id/?a=1&b=2")
        );
        assert_eq!(
            items[0].child("enclosure").and_then(|e| e.attr("url")),
            Some("/i.jpg")
        );
        assert_eq!(
            items[0].child("enclosure").and_then(|e| e.attr("type")),
            Some("image/jpeg")
        );
        assert_eq!(items[1].child_text("title").as_deref(), Some("Cut off"));
    }

    #[test]
    fn namespace_prefixes_are_normalised() {
        let root = parse(
            "<feed xmlns='http://www.w3.org/2005/Atom' xmlns:m='http://search.yahoo.com/mrss/'>\
             <entry><m:thumbnail url='t.jpg'/><content type='xhtml'>\
             <div xmlns='http://www.w3.org/1999/xhtml'><p>One &lt; two</p></div></content></entry></feed>",
        )
        .expect("parses");
        let entry = root.child("entry").expect("entry");
        assert!(entry.child("media:thumbnail").is_some());
        let div = entry
            .child("content")
            .and_then(|c| c.child("div"))
            .expect("div");
        assert_eq!(div.inner_markup(), "<p>One &lt; two</p>");
    }

    #[test]
    fn deep_nesting_is_flattened_not_recursed() {
        let deep = "<a>".repeat(10_000) + "core" + &"</a>".repeat(10_000);
        let root = parse(&deep).expect("parses");
        assert_eq!(root.text(), "core");
    }

    #[test]
    fn text_without_elements_is_an_error() {
        assert!(parse("just text").is_err());
        assert!(parse("").is_err());
    }
}
