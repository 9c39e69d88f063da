//! Feed HTML → untrusted node tree, through the browser's inert parser.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, Node};

use crate::sanitize::{RawNode, MAX_DEPTH};

thread_local! {
    /// The Trusted Types policy `kabar`, where the browser has Trusted Types. Pages that enforce
    /// them (`require-trusted-types-for 'script'`) treat `DOMParser.parseFromString` as a sink;
    /// the policy lets feed HTML reach that inert parser, and only the sanitised tree built from
    /// its result ever reaches the page.
    static POLICY: Option<JsValue> = create_policy();
}

fn create_policy() -> Option<JsValue> {
    let window = web_sys::window()?;
    let trusted_types = Reflect::get(&window, &"trustedTypes".into())
        .ok()
        .filter(JsValue::is_object)?;
    let create: Function = Reflect::get(&trusted_types, &"createPolicy".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let pass_through = Closure::<dyn Fn(String) -> String>::new(|html: String| html);
    let options = Object::new();
    Reflect::set(&options, &"createHTML".into(), pass_through.as_ref()).ok()?;
    // Lives as long as the policy, which is as long as the page.
    pass_through.forget();
    // Throws when the page's `trusted-types` directive does not list `kabar`.
    create.call2(&trusted_types, &"kabar".into(), &options).ok()
}

/// The argument for `parseFromString`: a TrustedHTML where there is a policy, else the string.
fn parser_input(html: &str) -> JsValue {
    POLICY.with(|policy| {
        policy
            .as_ref()
            .and_then(|policy| {
                let create: Function = Reflect::get(policy, &"createHTML".into())
                    .ok()?
                    .dyn_into()
                    .ok()?;
                create.call1(policy, &html.into()).ok()
            })
            .unwrap_or_else(|| html.into())
    })
}

/// Parses an HTML fragment with `DOMParser` (scripts never run and images never load in its
/// document) and copies it into plain Rust nodes for the sanitiser. `None` when the page does
/// not let the parser run (Trusted Types enforced without the `kabar` policy).
pub fn parse_html(html: &str) -> Option<Vec<RawNode>> {
    let parser = DomParser::new().ok()?;
    let parse: Function = Reflect::get(&parser, &"parseFromString".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let document: Document = parse
        .call2(&parser, &parser_input(html), &"text/html".into())
        .ok()?
        .dyn_into()
        .ok()?;
    Some(
        document
            .body()
            .map(|body| children(&body, 0))
            .unwrap_or_default(),
    )
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
