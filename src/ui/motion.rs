//! The layouts that move: a carousel (one row scrolled sideways, by buttons, arrow keys or
//! `autoplay`) and a ticker (one headline at a time). Both stop moving while the pointer or the
//! focus is on them, when the visitor presses "Jeda", and entirely under
//! `prefers-reduced-motion`.

use std::rc::Rc;

use gloo_timers::callback::Interval;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::config::Config;
use crate::feed::Feed;
use crate::ui::{Card, CardList};
use crate::web::browser::prefers_reduced_motion;

/// Props shared by the moving layouts.
#[derive(Properties, PartialEq, Debug)]
pub struct MotionProps {
    /// The loaded feed.
    pub feed: Rc<Feed>,
    /// Indices (into the feed) of the articles to show, in order.
    pub indices: Rc<Vec<usize>>,
    /// Layout, strings, autoplay.
    pub config: Rc<Config>,
    /// Opens the reader.
    pub on_open: Callback<(usize, Option<HtmlElement>)>,
    /// A click on a card, for `kabar:click`.
    pub on_click: Callback<usize>,
}

/// Hover and focus inside, which pause the motion, and the visitor's own pause.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Hold {
    hover: bool,
    focus: bool,
    paused: bool,
}

impl Hold {
    fn still(self) -> bool {
        self.hover || self.focus || self.paused
    }
}

/// Events on the moving area that set `hover` and `focus`.
fn hold_handlers(hold: &UseStateHandle<Hold>) -> [Callback<Event>; 4] {
    let set = |change: fn(&mut Hold)| {
        let hold = hold.clone();
        Callback::from(move |_: Event| {
            let mut next = *hold;
            change(&mut next);
            hold.set(next);
        })
    };
    [
        set(|h| h.hover = true),
        set(|h| h.hover = false),
        set(|h| h.focus = true),
        set(|h| h.focus = false),
    ]
}

/// Runs `step` every `seconds` while nothing holds the motion.
#[hook]
fn use_autoplay(seconds: Option<u32>, still: bool, step: Callback<()>) {
    use_effect_with((seconds, still), move |(seconds, still)| {
        let interval = match seconds {
            Some(seconds) if !*still && !prefers_reduced_motion() => {
                Some(Interval::new(seconds * 1000, move || step.emit(())))
            }
            _ => None,
        };
        move || drop(interval)
    });
}

/// The pause toggle, shown when the layout moves by itself.
fn pause_button(hold: &UseStateHandle<Hold>, label: &'static str) -> Html {
    let onclick = {
        let hold = hold.clone();
        Callback::from(move |_: MouseEvent| {
            hold.set(Hold {
                paused: !hold.paused,
                ..*hold
            })
        })
    };
    html! {
        <button type="button" class="button button-quiet motion-pause" part="button"
            aria-pressed={if hold.paused { "true" } else { "false" }} {onclick}>{ label }</button>
    }
}

/// Scrolls the carousel list by one card (`direction` 1 or -1); wraps to the start at the end
/// when `wrap` is set.
fn scroll_carousel(area: &NodeRef, direction: f64, wrap: bool) {
    let Some(list) = area
        .cast::<Element>()
        .and_then(|area| area.query_selector(".cards").ok().flatten())
    else {
        return;
    };
    let step = list
        .first_element_child()
        .and_then(|li| li.dyn_into::<HtmlElement>().ok())
        .map_or(300.0, |li| f64::from(li.offset_width()) + 16.0);
    let at_end =
        f64::from(list.scroll_left() + list.client_width()) >= f64::from(list.scroll_width()) - 2.0;
    if wrap && direction > 0.0 && at_end {
        list.scroll_to_with_x_and_y(0.0, 0.0);
    } else {
        list.scroll_by_with_x_and_y(direction * step, 0.0);
    }
}

/// Scrolls the carousel row so the card holding `target` is wholly in view: focus moved by Tab
/// or an arrow key can land on a card half outside the row, which the browser does not always
/// scroll far enough when the row snaps.
fn reveal(target: &Element) {
    let card = |e: Option<Element>| e.and_then(|e| e.dyn_into::<HtmlElement>().ok());
    let (Some(li), Some(list)) = (
        card(target.closest(".carousel li").ok().flatten()),
        target.closest(".carousel .cards").ok().flatten(),
    ) else {
        return;
    };
    // The row is its cards' offset parent; the first card sits at the row's padding.
    let pad = card(list.first_element_child()).map_or(0, |first| first.offset_left());
    let left = li.offset_left() - pad;
    let right = li.offset_left() + li.offset_width() + pad;
    if left < list.scroll_left() || right > list.scroll_left() + list.client_width() {
        list.scroll_to_with_x_and_y(f64::from(left), 0.0);
    }
}

/// One row of cards that scrolls sideways with snap points.
#[function_component]
pub fn Carousel(props: &MotionProps) -> Html {
    let area = use_node_ref();
    let hold = use_state(Hold::default);
    let strings = props.config.strings;
    let step = {
        let area = area.clone();
        Callback::from(move |()| scroll_carousel(&area, 1.0, true))
    };
    use_autoplay(props.config.autoplay, hold.still(), step);
    let scroll = |direction: f64| {
        let area = area.clone();
        Callback::from(move |_: MouseEvent| scroll_carousel(&area, direction, false))
    };
    let (previous, next) = (scroll(-1.0), scroll(1.0));
    // Arrow keys move focus to the neighbouring card; focusing it scrolls it into view.
    let onkeydown = Callback::from(|event: KeyboardEvent| {
        let delta = match event.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            _ => return,
        };
        let Some(current) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("li").ok().flatten())
        else {
            return;
        };
        let sibling = if delta > 0 {
            current.next_element_sibling()
        } else {
            current.previous_element_sibling()
        };
        if let Some(control) = sibling
            .and_then(|li| li.query_selector(".card-open").ok().flatten())
            .and_then(|c| c.dyn_into::<HtmlElement>().ok())
        {
            event.prevent_default();
            let _ = control.focus();
        }
    });
    // Once the key that moved focus is up (after the browser's own scrolling), the card is
    // brought in whole.
    let onkeyup = Callback::from(|event: KeyboardEvent| {
        if let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
            reveal(&target);
        }
    });
    let [onmouseenter, onmouseleave, onfocusin, onfocusout] = hold_handlers(&hold);
    html! {
        <div ref={area} class="carousel" {onkeydown} {onkeyup}
            onmouseenter={onmouseenter.reform(Event::from)} onmouseleave={onmouseleave.reform(Event::from)}
            onfocusin={onfocusin.reform(Event::from)} onfocusout={onfocusout.reform(Event::from)}>
            <CardList feed={props.feed.clone()} indices={props.indices.clone()} config={props.config.clone()}
                on_open={props.on_open.clone()} on_click={props.on_click.clone()} />
            <div class="motion-controls" role="group" aria-label={strings.slides_label}>
                if props.config.autoplay.is_some() {
                    { pause_button(&hold, strings.pause) }
                }
                <button type="button" class="button button-quiet motion-prev" part="button"
                    aria-label={strings.previous} onclick={previous}>{ "‹" }</button>
                <button type="button" class="button button-quiet motion-next" part="button"
                    aria-label={strings.next} onclick={next}>{ "›" }</button>
            </div>
        </div>
    }
}

/// Which headline the ticker shows; a reducer so the timer's steps never read a stale value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Position(usize);

impl Reducible for Position {
    /// (steps forward, number of headlines)
    type Action = (usize, usize);

    fn reduce(self: Rc<Self>, (delta, count): (usize, usize)) -> Rc<Self> {
        Rc::new(Position((self.0 + delta) % count.max(1)))
    }
}

/// One headline at a time, rotating.
#[function_component]
pub fn Ticker(props: &MotionProps) -> Html {
    let current = use_reducer(Position::default);
    let hold = use_state(Hold::default);
    let strings = props.config.strings;
    let count = props.indices.len();
    let shown = if count == 0 { 0 } else { current.0 % count };
    let go = |delta: usize| {
        let dispatcher = current.dispatcher();
        Callback::from(move |()| dispatcher.dispatch((delta, count)))
    };
    use_autoplay(props.config.autoplay, hold.still(), go(1));
    // ← and → on the headline show the previous and next one; focus stays on it.
    let onkeydown = {
        let (back, forward) = (go(count.max(1) - 1), go(1));
        Callback::from(move |event: KeyboardEvent| {
            let step = match event.key().as_str() {
                "ArrowLeft" => &back,
                "ArrowRight" => &forward,
                _ => return,
            };
            event.prevent_default();
            step.emit(());
        })
    };
    let [onmouseenter, onmouseleave, onfocusin, onfocusout] = hold_handlers(&hold);
    let Some(index) = props.indices.get(shown).copied() else {
        return Html::default();
    };
    // A change the visitor asked for is read out; the automatic rotation is not (it only runs
    // while nothing holds the ticker still).
    let live = if hold.still() { "polite" } else { "off" };
    html! {
        <div class="ticker" part="ticker"
            onmouseenter={onmouseenter.reform(Event::from)} onmouseleave={onmouseleave.reform(Event::from)}
            onfocusin={onfocusin.reform(Event::from)} onfocusout={onfocusout.reform(Event::from)}>
            <ul class="cards ticker-list" part="list" role="list" aria-live={live} {onkeydown}>
                // One item updated in place (no key per article), so a focused headline keeps focus.
                <li>
                    <Card feed={props.feed.clone()} index={index} config={props.config.clone()}
                        on_open={props.on_open.clone()} on_click={props.on_click.clone()} />
                </li>
            </ul>
            <div class="motion-controls" role="group" aria-label={strings.slides_label}>
                { pause_button(&hold, strings.pause) }
                <button type="button" class="button button-quiet motion-prev" part="button"
                    aria-label={strings.previous} onclick={go(count.max(1) - 1).reform(|_: MouseEvent| ())}>{ "‹" }</button>
                <button type="button" class="button button-quiet motion-next" part="button"
                    aria-label={strings.next} onclick={go(1).reform(|_: MouseEvent| ())}>{ "›" }</button>
            </div>
        </div>
    }
}
