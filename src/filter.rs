//! Which articles a widget shows: categories, keywords and age, as the webmaster set them.
//! Matching ignores case and accents, so `kesehatan` matches "Kesehatan" and `cafe` "Café".

use crate::article::Article;
use crate::config::Chips;
use crate::date::{parse_rfc3339, Timestamp};
use crate::reading::slugify;

/// The webmaster's filters; the default lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only articles in one of these categories (slugs).
    pub categories: Vec<String>,
    /// No articles in these categories (slugs).
    pub exclude_categories: Vec<String>,
    /// Only articles whose title or summary contains one of these (folded).
    pub include: Vec<String>,
    /// No articles whose title or summary contains one of these (folded).
    pub exclude: Vec<String>,
    /// Only articles published since then.
    pub since: Option<Since>,
}

/// The `since` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Since {
    /// A fixed moment (`2026-11-01`).
    Date(Timestamp),
    /// A number of days before now (`7d`).
    Days(u32),
}

impl Since {
    /// Reads `YYYY-MM-DD` (or a full RFC 3339 time) or `<n>d`.
    pub fn parse(value: &str) -> Option<Since> {
        let value = value.trim();
        if let Some(days) = value.strip_suffix(['d', 'D']) {
            return days.trim().parse().ok().filter(|d| *d > 0).map(Since::Days);
        }
        parse_rfc3339(value).map(Since::Date)
    }

    /// The earliest publication time allowed, given now in Unix seconds.
    pub fn cutoff(self, now_unix: i64) -> i64 {
        match self {
            Since::Date(ts) => ts.unix_seconds,
            Since::Days(days) => now_unix - i64::from(days) * 86_400,
        }
    }
}

impl Filters {
    /// Reads a comma list of category names or slugs.
    pub fn category_list(value: &str) -> Vec<String> {
        value
            .split(',')
            .map(slugify)
            .filter(|slug| !slug.is_empty())
            .collect()
    }

    /// Reads a comma list of keywords.
    pub fn keyword_list(value: &str) -> Vec<String> {
        value
            .split(',')
            .map(|k| fold(k.trim()))
            .filter(|k| !k.is_empty())
            .collect()
    }

    /// Whether any filter is set.
    pub fn is_active(&self) -> bool {
        *self != Filters::default()
    }

    /// Whether an article passes, at `now_unix`.
    pub fn allows(&self, article: &Article, now_unix: i64) -> bool {
        let sections: Vec<String> = article
            .categories
            .iter()
            .chain(article.category_terms.iter().map(|(_, term)| term))
            .chain(&article.tags)
            .map(|name| slugify(name))
            .collect();
        let in_any = |wanted: &[String]| wanted.iter().any(|w| sections.contains(w));
        if !self.categories.is_empty() && !in_any(&self.categories) {
            return false;
        }
        if in_any(&self.exclude_categories) {
            return false;
        }
        if !self.include.is_empty() || !self.exclude.is_empty() {
            let text = fold(&format!("{} {}", article.title, article.summary));
            if !self.include.is_empty() && !self.include.iter().any(|k| text.contains(k.as_str())) {
                return false;
            }
            if self.exclude.iter().any(|k| text.contains(k.as_str())) {
                return false;
            }
        }
        match self.since {
            Some(since) => article
                .date()
                .is_some_and(|date| date.unix_seconds >= since.cutoff(now_unix)),
            None => true,
        }
    }
}

/// What a visitor typed in the search box, as words to find.
pub fn search_words(query: &str) -> Vec<String> {
    fold(query)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether every word appears in the article's title, summary or categories (as the start of
/// a word or anywhere inside one, so "imunisas" finds "imunisasi").
pub fn search_matches(article: &Article, words: &[String]) -> bool {
    if words.is_empty() {
        return true;
    }
    let text = fold(&format!(
        "{} {} {} {}",
        article.title,
        article.summary,
        article.categories.join(" "),
        article.tags.join(" ")
    ));
    words.iter().all(|word| text.contains(word.as_str()))
}

/// The indices of the articles a visitor's search words and chosen chip (a section, or a source
/// with `chips="source"`) let through, in order.
pub fn matching(articles: &[Article], query: &str, chip: Option<&str>, chips: Chips) -> Vec<usize> {
    let words = search_words(query);
    articles
        .iter()
        .enumerate()
        .filter(|(_, a)| search_matches(a, &words))
        .filter(|(_, a)| {
            chip.is_none_or(|chip| match chips {
                Chips::Source => a.source.as_ref().is_some_and(|s| s.name == chip),
                _ => in_section(a, chip),
            })
        })
        .map(|(index, _)| index)
        .collect()
}

/// Whether the chip named `chip` (one of [`sections`]) takes in an article: its section by name,
/// or by the identity behind that name (an Atom category's `term`), compared as slugs.
pub fn in_section(article: &Article, chip: &str) -> bool {
    let Some(section) = article.section() else {
        return false;
    };
    let chip = slugify(chip);
    slugify(section) == chip
        || article
            .category_term(section)
            .is_some_and(|t| slugify(t) == chip)
}

/// The chips to offer: the sections, or the sources' names in the webmaster's order.
pub fn chip_names(articles: &[Article], chips: Chips, feeds: &[String]) -> Vec<String> {
    match chips {
        Chips::Off => Vec::new(),
        Chips::Category => sections(articles),
        Chips::Source => {
            // The webmaster's order; sources outside it (a merged feed's) as they first show.
            let mut names: Vec<String> = Vec::new();
            for feed in feeds.iter().map(Some).chain([None]) {
                for source in articles.iter().filter_map(|a| a.source.as_ref()) {
                    let wanted = feed.map_or(!feeds.contains(&source.feed), |f| *f == source.feed);
                    if wanted && !names.contains(&source.name) {
                        names.push(source.name.clone());
                    }
                }
            }
            names
        }
    }
}

/// The sections (first category or tag) of the articles, most frequent first, for chips.
pub fn sections(articles: &[Article]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for section in articles.iter().filter_map(Article::section) {
        match counts.iter_mut().find(|(name, _)| name == section) {
            Some((_, count)) => *count += 1,
            None => counts.push((section.to_string(), 1)),
        }
    }
    // Stable: equal counts keep the order the feed has them in.
    crate::order::sort_by_rank(&mut counts, |(_, count)| {
        i64::try_from(*count).map_or(i64::MIN, i64::saturating_neg)
    });
    counts.into_iter().map(|(name, _)| name).collect()
}

/// Lower case without accents, for matching what people type against what feeds write.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'À'..='Å' | 'à'..='å' => 'a',
            'Ç' | 'ç' => 'c',
            'È'..='Ë' | 'è'..='ë' => 'e',
            'Ì'..='Ï' | 'ì'..='ï' => 'i',
            'Ñ' | 'ñ' => 'n',
            'Ò'..='Ö' | 'ò'..='ö' => 'o',
            'Ù'..='Ü' | 'ù'..='ü' => 'u',
            'Ý' | 'ý' | 'ÿ' => 'y',
            other => other.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{parse, ParseOptions};

    fn articles() -> Vec<Article> {
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","items":[
            {"id":"a","title":"Imunisasi Anak Sekolah","summary":"Dinas Kesehatan di 312 SD","content_text":"x","tags":["Kesehatan"],"date_published":"2026-11-26T08:00:00+07:00"},
            {"id":"b","title":"Festival Perahu","summary":"Wisata sungai dan kafe tepi sungai","content_text":"x","tags":["Pariwisata","Budaya Lokal"],"date_published":"2026-11-10T08:00:00+07:00"},
            {"id":"c","title":"Harga Bahan Pokok","summary":"Pasar stabil","content_text":"x","tags":["Ekonomi"]}
        ]}"#;
        parse(json, &ParseOptions::new("https://kab.go.id/f.json"))
            .expect("valid")
            .articles
    }

    fn ids(filters: &Filters) -> Vec<String> {
        let now = parse_rfc3339("2026-11-27T12:00:00+07:00")
            .expect("valid")
            .unix_seconds;
        articles()
            .iter()
            .filter(|a| filters.allows(a, now))
            .map(|a| a.id.clone())
            .collect()
    }

    #[test]
    fn categories_by_name_or_slug() {
        let only = Filters {
            categories: Filters::category_list("kesehatan, budaya-lokal"),
            ..Filters::default()
        };
        assert_eq!(ids(&only), ["a", "b"]);
        let without = Filters {
            exclude_categories: Filters::category_list("Budaya Lokal"),
            ..Filters::default()
        };
        assert_eq!(ids(&without), ["a", "c"]);
        assert!(!Filters::default().is_active() && only.is_active());
    }

    #[test]
    fn keywords_ignore_case_and_accents() {
        let include = Filters {
            include: Filters::keyword_list("KAFÉ, pasar"),
            ..Filters::default()
        };
        assert_eq!(ids(&include), ["b", "c"]);
        let exclude = Filters {
            exclude: Filters::keyword_list("sungai"),
            ..Filters::default()
        };
        assert_eq!(ids(&exclude), ["a", "c"]);
        assert_eq!(fold("Ébola Café ÑANDÚ"), "ebola cafe nandu");
    }

    #[test]
    fn search_finds_every_word_ignoring_case_and_accents() {
        let list = articles();
        let found = |query: &str| -> Vec<String> {
            let words = search_words(query);
            list.iter()
                .filter(|a| search_matches(a, &words))
                .map(|a| a.id.clone())
                .collect()
        };
        assert_eq!(found(""), ["a", "b", "c"]);
        assert_eq!(found("IMUNISAS"), ["a"]);
        assert_eq!(found("sungai kafé"), ["b"]);
        assert_eq!(found("sungai, pasar"), Vec::<String>::new());
        assert_eq!(found("kesehatan"), ["a"]);
        assert_eq!(
            search_words("  Kafé, tepi-sungai! "),
            ["kafe", "tepi", "sungai"]
        );
    }

    #[test]
    fn a_visitor_search_and_chip_narrow_the_indices() {
        let list = articles();
        let by_category = Chips::Category;
        assert_eq!(matching(&list, "", None, by_category), [0, 1, 2]);
        assert_eq!(matching(&list, "sungai", None, by_category), [1]);
        assert_eq!(matching(&list, "", Some("Ekonomi"), by_category), [2]);
        assert_eq!(
            matching(&list, "sungai", Some("Ekonomi"), by_category),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn source_chips_in_the_webmasters_order_filter_by_source() {
        use crate::article::ArticleSource;
        let mut list = articles();
        let feeds = ["https://prov.go.id/feed", "https://kab.go.id/feed"].map(String::from);
        list[0].source = Some(ArticleSource::new(&feeds[1], Some("Kabupaten")));
        list[1].source = Some(ArticleSource::new("https://c.go.id/f", Some("Kecamatan")));
        list[2].source = Some(ArticleSource::new(&feeds[0], None));
        assert_eq!(
            chip_names(&list, Chips::Source, &feeds),
            ["prov.go.id", "Kabupaten", "Kecamatan"]
        );
        assert_eq!(matching(&list, "", Some("Kabupaten"), Chips::Source), [0]);
        assert_eq!(
            matching(&list, "", Some("Kesehatan"), Chips::Source),
            Vec::<usize>::new()
        );
        assert_eq!(chip_names(&list, Chips::Off, &feeds), Vec::<String>::new());
        assert_eq!(chip_names(&list, Chips::Category, &feeds), sections(&list));
    }

    #[test]
    fn sections_for_chips_most_frequent_first() {
        let mut list = articles();
        list.push(list[2].clone());
        assert_eq!(sections(&list), ["Ekonomi", "Kesehatan", "Pariwisata"]);
    }

    #[test]
    fn since_a_date_or_days_ago_drops_undated_articles() {
        let week = Filters {
            since: Since::parse("7d"),
            ..Filters::default()
        };
        assert_eq!(ids(&week), ["a"]);
        let month = Filters {
            since: Since::parse("2026-11-01"),
            ..Filters::default()
        };
        assert_eq!(ids(&month), ["a", "b"]);
        for bad in ["", "0d", "minggu", "2026-13-01", "-3d"] {
            assert_eq!(Since::parse(bad), None, "{bad}");
        }
    }
}
