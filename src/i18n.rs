//! The widget's languages and every string a visitor sees.

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Bahasa Indonesia, the default.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// The `lang` attribute's keywords, the default first (region forms are read too).
    pub const KEYWORDS: &'static [&'static str] = &["id", "en"];

    /// Reads `id`, `en` and region forms such as `id-ID` or `en_GB`, case-insensitively.
    pub fn parse(value: &str) -> Option<Lang> {
        let primary = value
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "id" | "in" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The visible strings in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }
}

/// Declares `Strings` with one `&'static str` field per visible string, and the list of keys
/// webmasters use to override them (`text-read-more`, or `read_more` in the `strings` JSON).
macro_rules! strings {
    ($( $(#[$doc:meta])* $field:ident, )*) => {
        /// Every string the widget shows or announces.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Strings {
            $( $(#[$doc])* pub $field: &'static str, )*
        }

        impl Strings {
            /// Every key, in snake case as in the `strings` JSON.
            pub const KEYS: &'static [&'static str] = &[$( stringify!($field) ),*];

            /// The string a key (snake case) names.
            pub fn get(&self, key: &str) -> Option<&'static str> {
                match key {
                    $( stringify!($field) => Some(self.$field), )*
                    _ => None,
                }
            }

            /// The field a key names.
            fn slot(&mut self, key: &str) -> Option<&mut &'static str> {
                match key {
                    $( stringify!($field) => Some(&mut self.$field), )*
                    _ => None,
                }
            }
        }
    };
}

strings! {
    /// Accessible name of the widget region.
    region,
    /// Shown while the feed loads.
    loading,
    /// Shown when the feed has no articles.
    empty,
    /// Heading of the error state.
    error,
    /// The retry button.
    retry,
    /// The visual cue on a card.
    read_more,
    /// The reader's close button.
    close,
    /// The link to the original article.
    original,
    /// Before author names.
    by,
    /// Error detail: the feed address is missing or unusable.
    error_config,
    /// Error detail: the server answered with an error status.
    error_http,
    /// Error detail: the request took too long.
    error_timeout,
    /// Error detail: no connection, or the feed's server refused the page (CORS).
    error_network,
    /// Error detail: the answer was not a readable feed.
    error_format,
    /// The button that shows more articles.
    load_more,
    /// The load-more button while the next page loads.
    loading_more,
    /// Shown when the next page could not be loaded.
    error_more,
    /// Before the time a cached copy was saved, shown when the network failed.
    saved_at,
    /// Before the names of the feeds (of several) that could not be loaded.
    error_sources,
    /// The button that shows articles a refresh found: `{n}` is replaced by the count.
    new_articles,
    /// Announced when the visitor shows them.
    new_articles_shown,
    /// In the reader, instead of a password-protected body.
    protected,
    /// Heading of the attachment list in the reader.
    attachments,
    /// Estimated reading time: `{n}` is replaced by the minutes.
    reading_time,
    /// The previous-article button (before its title).
    previous,
    /// The next-article button (before its title).
    next,
    /// Name of the navigation between articles.
    other_articles,
    /// Name of the share controls.
    share,
    /// The copy-link button.
    copy_link,
    /// Confirmation after the link was copied.
    link_copied,
    /// When copying failed: followed by the link to copy by hand.
    copy_failed,
    /// The button for the device's own share sheet.
    share_device,
    /// The larger-text toggle.
    larger_text,
    /// Name of the search box.
    search_label,
    /// Placeholder in the search box.
    search_placeholder,
    /// How many articles a search or chip found: `{n}` is replaced by the count.
    results,
    /// When a search or chip found nothing.
    no_results,
    /// The chip that shows every category.
    all_sections,
    /// Name of the group of category chips.
    sections_label,
    /// The label of the group of source chips (`chips="source"`).
    sources_label,
    /// The button that stops a carousel or ticker moving by itself (pressed = stopped).
    pause,
    /// Name of the carousel and ticker controls.
    slides_label,
}

thread_local! {
    /// Overridden string sets, kept for the page's lifetime so that every widget and re-render
    /// with the same overrides shares one `&'static Strings` (bounded by the distinct sets a
    /// page uses, usually one).
    static INTERNED: std::cell::RefCell<Vec<&'static Strings>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Strings {
    /// `text-read-more` for `read_more`.
    pub fn attribute_name(key: &str) -> String {
        format!("text-{}", key.replace('_', "-"))
    }

    /// These strings with the webmaster's overrides applied; `Err` names each unknown key.
    /// Keys may be snake or kebab case.
    pub fn with_overrides(
        &'static self,
        overrides: &[(String, String)],
    ) -> (&'static Strings, Vec<String>) {
        if overrides.is_empty() {
            return (self, Vec::new());
        }
        let mut strings = self.clone();
        let mut unknown = Vec::new();
        for (key, value) in overrides {
            let key = key.trim().replace('-', "_");
            match strings.slot(&key) {
                Some(slot) => *slot = intern_str(value),
                None => unknown.push(key),
            }
        }
        let interned = INTERNED.with(|list| {
            let mut list = list.borrow_mut();
            match list.iter().find(|known| ***known == strings) {
                Some(known) => *known,
                None => {
                    let leaked: &'static Strings = Box::leak(Box::new(strings));
                    list.push(leaked);
                    leaked
                }
            }
        });
        (interned, unknown)
    }

    /// `template` with `{n}` replaced by `count`.
    pub fn count(template: &str, count: usize) -> String {
        template.replace("{n}", &count.to_string())
    }
}

static ID: Strings = Strings {
    region: "Berita",
    loading: "Memuat berita…",
    empty: "Belum ada berita untuk ditampilkan.",
    error: "Berita tidak dapat dimuat.",
    retry: "Coba lagi",
    read_more: "Baca selengkapnya",
    close: "Tutup",
    original: "Baca di situs asli",
    by: "Oleh",
    error_config: "Alamat sumber berita belum diatur dengan benar.",
    error_http: "Server berita sedang tidak dapat diakses.",
    error_timeout: "Server berita terlalu lama merespons.",
    error_network:
        "Sumber berita tidak dapat dihubungi. Periksa koneksi Anda atau coba lagi nanti.",
    error_format: "Format sumber berita tidak dikenali.",
    load_more: "Muat lebih banyak",
    loading_more: "Memuat berita berikutnya…",
    error_more: "Berita berikutnya tidak dapat dimuat.",
    saved_at: "Sedang luring. Berita tersimpan pukul",
    error_sources: "Tidak dapat dimuat:",
    new_articles: "Tampilkan {n} berita baru",
    new_articles_shown: "{n} berita baru ditampilkan",
    protected: "Isi berita ini dilindungi kata sandi. Bacalah di situs aslinya.",
    attachments: "Lampiran",
    reading_time: "{n} menit baca",
    previous: "Sebelumnya",
    next: "Berikutnya",
    other_articles: "Berita lain",
    share: "Bagikan",
    copy_link: "Salin tautan",
    link_copied: "Tautan disalin",
    copy_failed: "Tautan tidak dapat disalin otomatis. Salin tautan ini:",
    share_device: "Bagikan…",
    larger_text: "Perbesar teks",
    search_label: "Cari berita",
    search_placeholder: "Cari berita…",
    results: "{n} berita ditemukan",
    no_results: "Tidak ada berita yang cocok.",
    all_sections: "Semua",
    sections_label: "Kategori",
    sources_label: "Sumber",
    pause: "Jeda",
    slides_label: "Geser berita",
};

static EN: Strings = Strings {
    region: "News",
    loading: "Loading news…",
    empty: "There is no news to show yet.",
    error: "The news could not be loaded.",
    retry: "Try again",
    read_more: "Read more",
    close: "Close",
    original: "Read on the original site",
    by: "By",
    error_config: "The news feed address is not set correctly.",
    error_http: "The news server cannot be reached right now.",
    error_timeout: "The news server took too long to answer.",
    error_network:
        "The news source could not be reached. Check your connection or try again later.",
    error_format: "The news feed format was not recognised.",
    load_more: "Load more",
    loading_more: "Loading more news…",
    error_more: "More news could not be loaded.",
    saved_at: "Offline. News saved at",
    error_sources: "Could not be loaded:",
    new_articles: "Show {n} new articles",
    new_articles_shown: "{n} new articles shown",
    protected: "This article is password-protected. Read it on the original site.",
    attachments: "Attachments",
    reading_time: "{n} min read",
    previous: "Previous",
    next: "Next",
    other_articles: "More news",
    share: "Share",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "The link could not be copied automatically. Copy it here:",
    share_device: "Share…",
    larger_text: "Larger text",
    search_label: "Search news",
    search_placeholder: "Search news…",
    results: "{n} articles found",
    no_results: "No articles match.",
    all_sections: "All",
    sections_label: "Categories",
    sources_label: "Sources",
    pause: "Pause",
    slides_label: "Browse news",
};

/// A `&'static str` for an override, leaked once per distinct text (see `INTERNED`).
fn intern_str(text: &str) -> &'static str {
    thread_local! {
        static TEXTS: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    TEXTS.with(|texts| {
        let mut texts = texts.borrow_mut();
        match texts.iter().find(|known| **known == text) {
            Some(known) => *known,
            None => {
                let leaked: &'static str = Box::leak(text.to_string().into_boxed_str());
                texts.push(leaked);
                leaked
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_language_tags() {
        assert_eq!(Lang::parse("id"), Some(Lang::Id));
        assert_eq!(Lang::parse("ID-id"), Some(Lang::Id));
        assert_eq!(Lang::parse(" en_GB "), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn overrides_replace_strings_and_are_shared() {
        let base = Lang::Id.strings();
        let overrides = vec![
            ("read-more".to_string(), "Selengkapnya".to_string()),
            ("close".to_string(), "Tutup artikel".to_string()),
            ("bogus".to_string(), "x".to_string()),
        ];
        let (strings, unknown) = base.with_overrides(&overrides);
        assert_eq!(
            (strings.read_more, strings.close),
            ("Selengkapnya", "Tutup artikel")
        );
        assert_eq!(strings.retry, base.retry);
        assert_eq!(unknown, ["bogus"]);
        let (again, _) = base.with_overrides(&overrides);
        assert!(
            std::ptr::eq(strings, again),
            "one shared copy per distinct set"
        );
        assert!(std::ptr::eq(base.with_overrides(&[]).0, base));
        assert_eq!(Strings::attribute_name("read_more"), "text-read-more");
        assert!(Strings::KEYS.contains(&"load_more") && Strings::KEYS.len() > 30);
    }

    #[test]
    fn languages_differ() {
        assert_ne!(Lang::Id.strings().close, Lang::En.strings().close);
        assert_eq!(Lang::En.tag(), "en");
    }
}
