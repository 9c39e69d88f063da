//! The visitor's own filters: a search box and chips (categories or sources).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Strings;

/// Props of the toolbar.
#[derive(Properties, PartialEq, Debug)]
pub struct ToolbarProps {
    /// Labels, with the webmaster's overrides.
    pub strings: &'static Strings,
    /// Show the search box.
    pub search: bool,
    /// The chips to show (none hides them).
    pub sections: Rc<Vec<String>>,
    /// The chips name sources, not categories.
    pub by_source: bool,
    /// The chip that is on, if any.
    pub section: Option<String>,
    /// What the search box holds.
    pub query: AttrValue,
    /// Fired as the visitor types.
    pub on_query: Callback<String>,
    /// Fired when a chip is chosen (`None` for "all").
    pub on_section: Callback<Option<String>>,
}

/// Search box and chips above the cards.
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let strings = props.strings;
    let oninput = props.on_query.reform(|event: InputEvent| {
        event
            .target_dyn_into::<HtmlInputElement>()
            .map(|input| input.value())
            .unwrap_or_default()
    });
    let chip = |label: String, value: Option<String>| {
        let pressed = props.section == value;
        let onclick = props.on_section.reform(move |_: MouseEvent| value.clone());
        html! {
            <button type="button" class="chip" part="chip" aria-pressed={if pressed { "true" } else { "false" }} {onclick}>
                { label }
            </button>
        }
    };
    html! {
        <div class="toolbar">
            if props.search {
                <div class="search">
                    <label class="visually-hidden" for="kabar-search">{ strings.search_label }</label>
                    <input id="kabar-search" class="search-input" part="search" type="search"
                        placeholder={strings.search_placeholder} autocomplete="off"
                        value={props.query.clone()} {oninput} />
                </div>
            }
            if !props.sections.is_empty() {
                <div class="chips" role="group" aria-label={if props.by_source { strings.sources_label } else { strings.sections_label }}>
                    { chip(strings.all_sections.to_string(), None) }
                    { for props.sections.iter().map(|name| chip(name.clone(), Some(name.clone()))) }
                </div>
            }
        </div>
    }
}
