//! Turning sanitised nodes into Yew elements, without ever using `innerHTML`.

use yew::prelude::*;
use yew::virtual_dom::VTag;

use crate::article::{Article, Content};
use crate::i18n::Strings;
use crate::sanitize::{sanitize, SafeNode};
use crate::web::parse_html;

/// The article body as safe Yew nodes: HTML goes through `DOMParser` and the sanitiser, plain
/// text becomes paragraphs. Relative URLs in the body resolve against the feed's URL, like the
/// lead image's, because agencies host feed, pages and uploads on one site.
pub fn article_body(article: &Article, base_url: &str, strings: &Strings) -> Html {
    match &article.content {
        Content::Html(html) => match parse_html(html) {
            Some(raw) => sanitize(&raw, base_url)
                .iter()
                .map(to_html)
                .collect::<Html>(),
            // The page forbids parsing HTML: the text alone is still worth reading.
            None => text_paragraphs(&html_to_text_blocks(html)),
        },
        Content::Protected => html! { <p class="reader-protected">{ strings.protected }</p> },
        Content::Text(text) => text_paragraphs(text),
    }
}

fn text_paragraphs(text: &str) -> Html {
    Content::text_paragraphs(text)
        .into_iter()
        .map(|p| html! { <p>{ p }</p> })
        .collect::<Html>()
}

/// Readable text of HTML with paragraph breaks kept as newlines.
fn html_to_text_blocks(html: &str) -> String {
    html.split("</p>")
        .map(crate::text::html_to_text)
        .collect::<Vec<_>>()
        .join("\n")
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
