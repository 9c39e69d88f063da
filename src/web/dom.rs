//! Feed HTML → untrusted node tree, through the browser's inert parser.

use web_sys::{DomParser, Element, Node, SupportedType};

use crate::sanitize::{RawNode, MAX_DEPTH};

/// Parses an HTML fragment with `DOMParser` (scripts never run and images never load in its
/// document) and copies it into plain Rust nodes for the sanitiser.
pub fn parse_html(html: &str) -> Vec<RawNode> {
    let Ok(parser) = DomParser::new() else {
        return Vec::new();
    };
    let Ok(document) = parser.parse_from_string(html, SupportedType::TextHtml) else {
        return Vec::new();
    };
    match document.body() {
        Some(body) => children(&body, 0),
        None => Vec::new(),
    }
}

fn children(parent: &Node, depth: usize) -> Vec<RawNode> {
    let list = parent.child_nodes();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| convert(&node, depth))
        .collect()
}

fn convert(node: &Node, depth: usize) -> Option<RawNode> {
    match node.node_type() {
        Node::TEXT_NODE => node.text_content().map(RawNode::Text),
        Node::ELEMENT_NODE if depth < MAX_DEPTH => {
            let element: &Element = wasm_bindgen::JsCast::dyn_ref(node)?;
            let names = element.get_attribute_names();
            let attrs = (0..names.length())
                .filter_map(|i| names.get(i).as_string())
                .filter_map(|name| element.get_attribute(&name).map(|value| (name, value)))
                .collect();
            Some(RawNode::Element {
                name: element.local_name(),
                attrs,
                children: children(node, depth + 1),
            })
        }
        _ => None,
    }
}
