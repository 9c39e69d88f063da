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

/// Every string the widget shows or announces.
#[derive(Debug)]
pub struct Strings {
    /// Accessible name of the widget region.
    pub region: &'static str,
    /// Shown while the feed loads.
    pub loading: &'static str,
    /// Shown when the feed has no articles.
    pub empty: &'static str,
    /// Heading of the error state.
    pub error: &'static str,
    /// The retry button.
    pub retry: &'static str,
    /// The visual cue on a card.
    pub read_more: &'static str,
    /// The reader's close button.
    pub close: &'static str,
    /// The link to the original article.
    pub original: &'static str,
    /// Before author names.
    pub by: &'static str,
    /// Error detail: the feed address is missing or unusable.
    pub error_config: &'static str,
    /// Error detail: the server answered with an error status.
    pub error_http: &'static str,
    /// Error detail: the request took too long.
    pub error_timeout: &'static str,
    /// Error detail: no connection, or the feed's server refused the page (CORS).
    pub error_network: &'static str,
    /// Error detail: the answer was not a readable feed.
    pub error_format: &'static str,
    /// The button that shows more articles.
    pub load_more: &'static str,
    /// The load-more button while the next page loads.
    pub loading_more: &'static str,
    /// Shown when the next page could not be loaded.
    pub error_more: &'static str,
    /// Before the time a cached copy was saved, shown when the network failed.
    pub saved_at: &'static str,
    /// The button that shows articles a refresh found: `{n}` is replaced by the count.
    pub new_articles: &'static str,
    /// Announced when the visitor shows them.
    pub new_articles_shown: &'static str,
    /// In the reader, instead of a password-protected body.
    pub protected: &'static str,
    /// Heading of the attachment list in the reader.
    pub attachments: &'static str,
    /// Estimated reading time: `{n}` is replaced by the minutes.
    pub reading_time: &'static str,
    /// The previous-article button (before its title).
    pub previous: &'static str,
    /// The next-article button (before its title).
    pub next: &'static str,
    /// Name of the navigation between articles.
    pub other_articles: &'static str,
    /// Name of the share controls.
    pub share: &'static str,
    /// The copy-link button.
    pub copy_link: &'static str,
    /// Confirmation after the link was copied.
    pub link_copied: &'static str,
    /// When copying failed: followed by the link to copy by hand.
    pub copy_failed: &'static str,
    /// The button for the device's own share sheet.
    pub share_device: &'static str,
    /// The larger-text toggle.
    pub larger_text: &'static str,
    /// Name of the search box.
    pub search_label: &'static str,
    /// Placeholder in the search box.
    pub search_placeholder: &'static str,
    /// How many articles a search or chip found: `{n}` is replaced by the count.
    pub results: &'static str,
    /// When a search or chip found nothing.
    pub no_results: &'static str,
    /// The chip that shows every category.
    pub all_sections: &'static str,
    /// Name of the group of category chips.
    pub sections_label: &'static str,
}

impl Strings {
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
};

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
    fn languages_differ() {
        assert_ne!(Lang::Id.strings().close, Lang::En.strings().close);
        assert_eq!(Lang::En.tag(), "en");
    }
}
