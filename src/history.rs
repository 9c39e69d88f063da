//! The reader's deep links in the page's history, as a small state machine with no browser
//! types, so every order of opens, closes and `popstate`s is tested natively.
//!
//! Opening pushes at most one `#kabar-…` entry above the page's own; closing goes back to it.
//! `history.back()` is asynchronous: until its `popstate` arrives the browser still shows our
//! entry. A reader opened again in that gap must neither push (the pending Back would then land
//! on the entry it just pushed, or leave the page) nor be closed by that `popstate`: it waits,
//! and pushes its hash once the Back has landed. So after any sequence there is at most one
//! entry of ours above the page's own, and the hash names what is open.

/// What the widget asks of the browser's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryCommand {
    /// Add an entry with this hash (`#kabar-…`), marked as ours.
    Push(String),
    /// Set the current entry's hash (`""` removes it), keeping its state.
    Replace(String),
    /// Go back one entry; a `popstate` follows later.
    Back,
}

/// What a `popstate` means for the widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PopState {
    /// The answer to a Back the widget asked for: the reader stays as it is; the command, if
    /// any, puts back the entry of a reader opened meanwhile.
    Ours(Option<HistoryCommand>),
    /// The visitor moved through history: the reader follows the hash.
    Visitor,
}

/// The entry the browser is on, as far as this widget is concerned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Entry {
    /// Not one of ours, and its hash is not this widget's (or it will be, once Back lands).
    #[default]
    Page,
    /// An entry this widget pushed, above the page's own.
    Pushed,
    /// The page's own entry, carrying this widget's hash (a shared link): closing removes the
    /// hash instead of going back, which would leave the page.
    Landed,
}

/// Where the widget stands in the page's history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReaderHistory {
    entry: Entry,
    /// A Back the widget asked for whose `popstate` has not arrived yet.
    back_pending: bool,
    /// The hash of the reader opened while a Back was pending (`None`: it is closed).
    wanted: Option<String>,
}

impl ReaderHistory {
    /// The reader shows the article with `hash` (a card, the JS API, previous/next).
    pub fn open(&mut self, hash: &str) -> Option<HistoryCommand> {
        if self.back_pending {
            self.wanted = Some(hash.to_string());
            return None;
        }
        match self.entry {
            Entry::Pushed | Entry::Landed => Some(HistoryCommand::Replace(hash.to_string())),
            Entry::Page => {
                self.entry = Entry::Pushed;
                Some(HistoryCommand::Push(hash.to_string()))
            }
        }
    }

    /// The reader opened from the page's address (on load, or after the visitor moved through
    /// history); `pushed_by_us` is whether the entry carries our mark (it survives a reload).
    pub fn opened_from_location(&mut self, pushed_by_us: bool) {
        self.entry = if pushed_by_us {
            Entry::Pushed
        } else {
            Entry::Landed
        };
    }

    /// The reader closed; `hash_is_ours` is whether the address carries this widget's hash.
    pub fn close(&mut self, hash_is_ours: bool) -> Option<HistoryCommand> {
        if self.back_pending {
            self.wanted = None;
            return None;
        }
        match std::mem::take(&mut self.entry) {
            Entry::Pushed => {
                self.back_pending = true;
                Some(HistoryCommand::Back)
            }
            Entry::Landed | Entry::Page => {
                hash_is_ours.then(|| HistoryCommand::Replace(String::new()))
            }
        }
    }

    /// A `popstate` arrived; the entry now shown carries our mark (`pushed_by_us`) and this
    /// widget's hash (`hash_is_ours`) or not.
    pub fn popstate(&mut self, pushed_by_us: bool, hash_is_ours: bool) -> PopState {
        if std::mem::take(&mut self.back_pending) {
            return PopState::Ours(self.wanted.take().map(|hash| {
                self.entry = Entry::Pushed;
                HistoryCommand::Push(hash)
            }));
        }
        self.entry = match (hash_is_ours, pushed_by_us) {
            (true, true) => Entry::Pushed,
            (true, false) => Entry::Landed,
            (false, _) => Entry::Page,
        };
        PopState::Visitor
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A browser's session history as far as one page goes: entries (hash, pushed by us), the
    /// current index, and Backs queued but not yet run (they run when `settle` says so, as the
    /// browser runs them after the current task).
    #[derive(Debug)]
    struct Browser {
        entries: Vec<(String, bool)>,
        index: usize,
        queued_backs: usize,
        left_the_page: bool,
    }

    /// The widget around the machine, as the glue in `ui::app` drives it.
    #[derive(Debug)]
    struct Widget {
        history: ReaderHistory,
        open: Option<String>,
    }

    impl Browser {
        fn new(hash: &str) -> Browser {
            Browser {
                entries: vec![(hash.to_string(), false)],
                index: 0,
                queued_backs: 0,
                left_the_page: false,
            }
        }
        fn hash(&self) -> &str {
            &self.entries[self.index].0
        }
        fn apply(&mut self, command: Option<HistoryCommand>) {
            match command {
                Some(HistoryCommand::Push(hash)) => {
                    self.entries.truncate(self.index + 1);
                    self.entries.push((hash, true));
                    self.index += 1;
                }
                Some(HistoryCommand::Replace(hash)) => self.entries[self.index].0 = hash,
                Some(HistoryCommand::Back) => self.queued_backs += 1,
                None => {}
            }
        }
    }

    fn ours(hash: &str) -> bool {
        hash.starts_with("#kabar-")
    }

    impl Widget {
        fn open(&mut self, browser: &mut Browser, hash: &str) {
            self.open = Some(hash.to_string());
            browser.apply(self.history.open(hash));
        }
        fn close(&mut self, browser: &mut Browser) {
            if self.open.take().is_some() {
                browser.apply(self.history.close(ours(browser.hash())));
            }
        }
        /// Runs one queued Back, as the browser does once the current task is over.
        fn deliver_back(&mut self, browser: &mut Browser) {
            if browser.queued_backs == 0 {
                return;
            }
            browser.queued_backs -= 1;
            if browser.index == 0 {
                browser.left_the_page = true;
                return;
            }
            browser.index -= 1;
            self.popstate(browser);
        }
        fn popstate(&mut self, browser: &mut Browser) {
            let (hash, pushed) = browser.entries[browser.index].clone();
            match self.history.popstate(pushed, ours(&hash)) {
                PopState::Ours(command) => browser.apply(command),
                PopState::Visitor if ours(&hash) => {
                    self.open = Some(hash);
                    self.history.opened_from_location(pushed);
                }
                PopState::Visitor => self.close(browser),
            }
        }
        fn settle(&mut self, browser: &mut Browser) {
            while browser.queued_backs > 0 {
                self.deliver_back(browser);
            }
        }
    }

    #[derive(Clone, Copy, Debug)]
    enum Step {
        OpenA,
        OpenB,
        Close,
        Deliver,
    }

    fn run(steps: &[Step]) -> (Browser, Widget) {
        let mut browser = Browser::new("");
        let mut widget = Widget {
            history: ReaderHistory::default(),
            open: None,
        };
        for step in steps {
            match step {
                Step::OpenA => widget.open(&mut browser, "#kabar-a"),
                Step::OpenB => widget.open(&mut browser, "#kabar-b"),
                Step::Close => widget.close(&mut browser),
                Step::Deliver => widget.deliver_back(&mut browser),
            }
        }
        widget.settle(&mut browser);
        (browser, widget)
    }

    /// Every sequence of up to seven opens, closes and late `popstate`s ends with at most one
    /// entry of ours above the page's own, the hash naming what is open, and one Back leaving
    /// the page once the reader is closed.
    #[test]
    fn any_quick_sequence_leaves_history_as_one_entry_at_most() {
        const STEPS: [Step; 4] = [Step::OpenA, Step::OpenB, Step::Close, Step::Deliver];
        let mut sequences: Vec<Vec<Step>> = vec![Vec::new()];
        for _ in 0..7 {
            let longer: Vec<Vec<Step>> = sequences
                .iter()
                .filter(|s| s.len() == sequences.last().map_or(0, Vec::len))
                .flat_map(|s| {
                    STEPS.iter().map(move |step| {
                        let mut next = s.clone();
                        next.push(*step);
                        next
                    })
                })
                .collect();
            sequences.extend(longer);
        }
        assert_eq!(
            sequences.len(),
            (0..=7).map(|n| 4usize.pow(n)).sum::<usize>()
        );
        for steps in &sequences {
            let (browser, widget) = run(steps);
            let context = format!("{steps:?} -> {browser:?} {widget:?}");
            assert!(!browser.left_the_page, "{context}");
            // The reader shows what the visitor chose last, not what a late Back landed on.
            let chosen = steps.iter().rev().find_map(|step| match step {
                Step::OpenA => Some(Some("#kabar-a")),
                Step::OpenB => Some(Some("#kabar-b")),
                Step::Close => Some(None),
                Step::Deliver => None,
            });
            assert_eq!(widget.open.as_deref(), chosen.flatten(), "{context}");
            assert_eq!(
                browser.hash(),
                widget.open.as_deref().unwrap_or(""),
                "{context}"
            );
            let ours_above_page = browser.entries[1..=browser.index].len();
            match widget.open {
                Some(_) => assert_eq!(ours_above_page, 1, "{context}"),
                None => assert_eq!(ours_above_page, 0, "one Back leaves: {context}"),
            }
        }
    }

    #[test]
    fn the_gap_before_a_back_lands_is_bridged() {
        let mut history = ReaderHistory::default();
        assert_eq!(
            history.open("#kabar-a"),
            Some(HistoryCommand::Push("#kabar-a".into()))
        );
        assert_eq!(history.close(true), Some(HistoryCommand::Back));
        // Opened again before the Back landed: nothing yet, then the entry comes back.
        assert_eq!(history.open("#kabar-b"), None);
        assert_eq!(
            history.popstate(false, false),
            PopState::Ours(Some(HistoryCommand::Push("#kabar-b".into())))
        );
        // Previous/next replace the hash of our entry.
        assert_eq!(
            history.open("#kabar-c"),
            Some(HistoryCommand::Replace("#kabar-c".into()))
        );
        // The visitor's Back is followed, and closing then needs no Back of ours.
        assert_eq!(history.popstate(false, false), PopState::Visitor);
        assert_eq!(history.close(false), None);
    }

    #[test]
    fn a_shared_link_is_closed_by_removing_the_hash_not_by_going_back() {
        let mut history = ReaderHistory::default();
        history.opened_from_location(false);
        assert_eq!(
            history.open("#kabar-b"),
            Some(HistoryCommand::Replace("#kabar-b".into()))
        );
        assert_eq!(
            history.close(true),
            Some(HistoryCommand::Replace(String::new()))
        );
        // After a reload on an entry we pushed, closing goes back to the page's own entry.
        let mut reloaded = ReaderHistory::default();
        reloaded.opened_from_location(true);
        assert_eq!(reloaded.close(true), Some(HistoryCommand::Back));
        // A page hash that is not the widget's is left alone.
        assert_eq!(ReaderHistory::default().close(false), None);
    }

    #[test]
    fn forward_to_our_entry_then_close_goes_back_again() {
        let mut browser = Browser::new("");
        let mut widget = Widget {
            history: ReaderHistory::default(),
            open: None,
        };
        widget.open(&mut browser, "#kabar-a");
        // The visitor's Back, then Forward.
        browser.index = 0;
        widget.popstate(&mut browser);
        assert_eq!(widget.open, None);
        browser.index = 1;
        widget.popstate(&mut browser);
        assert_eq!(widget.open.as_deref(), Some("#kabar-a"));
        widget.close(&mut browser);
        widget.settle(&mut browser);
        assert_eq!((browser.index, browser.hash()), (0, ""));
        assert!(!browser.left_the_page);
    }
}
