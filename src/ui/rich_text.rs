//! Turning sanitised nodes into Yew elements, without ever using `innerHTML`.

use yew::prelude::*;
use yew::virtual_dom::VTag;

use crate::article::{Article, Content};
use crate::sanitize::{sanitize, SafeNode};
use crate::web::parse_html;

/// The article body as safe Yew nodes: HTML goes through `DOMParser` and the sanitiser, plain
/// text becomes paragraphs.
pub fn article_body(article: &Article, base_url: &str) -> Html {
    match &article.content {
        Content::Html(html) => {
            let base = article.url.as_deref().unwrap_or(base_url);
            let nodes = sanitize(&parse_html(html), base);
            nodes.iter().map(to_html).collect::<Html>()
        }
        Content::Text(text) => Content::text_paragraphs(text)
            .into_iter()
            .map(|p| html! { <p>{ p }</p> })
            .collect::<Html>(),
    }
}

fn to_html(node: &SafeNode) -> Html {
    match node {
        SafeNode::Text(text) => html! { { text.clone() } },
        SafeNode::Element {
            tag,
            attrs,
            children,
        } => {
            let mut element = VTag::new(*tag);
            for (name, value) in attrs {
                element.add_attribute(name, value.clone());
            }
            element.add_children(children.iter().map(to_html));
            element.into()
        }
    }
}
