//! `kabar check`: the configurator's pre-flight, from a terminal, and complete where a browser
//! cannot be (a browser hides why a cross-origin request failed; here every header is visible).
//! Pure: it judges an answer already fetched, so its rules are tested without a network.

use kabar::feed::{self, Format, ParseOptions};
use kabar::state::LoadError;

use crate::fetch::{decode, Fetched, Hop};

/// The origin `check` sends when none is given: some other site, as most embedding pages are.
pub const NEUTRAL_ORIGIN: &str = "https://kabar-check.invalid";

/// How many titles the report lists, as the configurator does.
const FIRST_TITLES: usize = 3;

/// The outcome of a check: the report's lines and, when a widget could not show the feed, why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// Lines for the terminal, in order.
    pub lines: Vec<String>,
    /// Why a widget on that origin could not show the feed; `None` when it could.
    pub problem: Option<String>,
}

/// The format's name as the configurator says it.
pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::JsonFeed => "JSON Feed",
        Format::WordPress => "WordPress REST API",
        Format::Rss => "RSS",
        Format::Atom => "Atom",
        Format::Custom => "JSON (mapped by fields)",
        Format::JsonApi => "JSON:API (OpenDK, OpenSID)",
    }
}

/// Judges `fetched` (asked for with `Origin: origin`) as a widget on `origin` would read it.
pub fn judge(fetched: &Fetched, origin: &str, origin_given: bool) -> Report {
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let feed_url = fetched.final_url();
    lines.push(format!("Feed: {}", fetched.hops[0].url));
    for hop in &fetched.hops[1..] {
        lines.push(format!("  redirected to {}", hop.url));
    }
    lines.push(if origin_given {
        format!("Origin: {origin}")
    } else {
        format!(
            "Origin: {origin} (some other site; give --origin https://your-portal to check yours)"
        )
    });
    let last = fetched.last();
    lines.push(format!("HTTP status: {}", last.status));

    match cors(&fetched.hops, origin) {
        Ok(how) => lines.push(format!("CORS: {how}")),
        Err(why) => {
            lines.push(format!("CORS: blocked: {why}"));
            problems.push(cors_fix(&why, origin_given.then_some(origin)));
        }
    }
    if let Some(hidden) = hidden_total_pages(last, origin) {
        lines.push(hidden);
    }

    let content_type = last.header("content-type");
    let (text, charset) = decode(&fetched.body, content_type);
    if let Some(content_type) = content_type {
        lines.push(format!("Content-Type: {content_type}"));
    }
    lines.push(format!("Charset: {}", charset.label()));

    if !(200..300).contains(&last.status) {
        let error = match feed::rest_error(last.status, &text, feed_url) {
            Some(rest) => {
                lines.push(format!(
                    "WordPress says: {}{}",
                    rest.code,
                    if rest.message.is_empty() {
                        String::new()
                    } else {
                        format!(" – {}", rest.message)
                    }
                ));
                LoadError::WordPress(rest)
            }
            None => LoadError::Http(last.status),
        };
        if last.status >= 500 && feed_url.trim_end_matches('/').ends_with("/feed") {
            lines.push(
                "This looks like an OpenSID feed: OpenSID answers 500 when an article is very short (a known OpenSID bug). Lengthen or remove the shortest article, or use another address."
                    .into(),
            );
        }
        problems.push(error.to_string());
        return finish(lines, problems, origin);
    }

    let page_host = origin_host(origin);
    let total_pages = last
        .header("x-wp-totalpages")
        .and_then(|v| v.trim().parse().ok());
    let options = ParseOptions {
        total_pages,
        page_host: page_host.as_deref(),
        ..ParseOptions::new(feed_url)
    };
    match feed::parse(&text, &options) {
        Err(error) => {
            if content_type.is_some_and(|t| t.contains("text/html")) {
                lines.push("This is a web page, not a feed. Try the site's RSS link, or its /wp-json/wp/v2/posts?_embed for WordPress.".into());
            }
            problems.push(LoadError::Format(error).to_string());
        }
        Ok(parsed) => {
            lines.push(format!("Format: {}", format_name(parsed.format)));
            if let Some(title) = &parsed.title {
                lines.push(format!("Title: {title}"));
            }
            lines.push(format!("Articles: {}", parsed.articles.len()));
            if parsed.articles.is_empty() {
                lines.push("No articles: the widget shows its \"no news yet\" state.".into());
            } else {
                lines.push("First titles:".into());
                for (n, article) in parsed.articles.iter().take(FIRST_TITLES).enumerate() {
                    lines.push(format!("  {}. {}", n + 1, article.title));
                }
            }
            let images: Vec<&str> = parsed
                .articles
                .iter()
                .filter_map(|a| a.image.as_ref().map(|i| i.url.as_str()))
                .collect();
            let insecure = images.iter().filter(|u| !u.starts_with("https:")).count();
            lines.push(match (images.len(), insecure) {
                (0, _) => "No images.".into(),
                (_, 0) => "All images are https.".into(),
                (_, n) => format!(
                    "Images over http: {n} (an https page asks for them over https: check that the server serves them there)"
                ),
            });
            let mut warnings = parsed.warnings.clone();
            warnings.extend(parsed.skip_summary(feed_url));
            if let Some(first) = warnings.first() {
                lines.push(format!("Widget warnings ({}): {first}", warnings.len()));
                for more in &warnings[1..] {
                    lines.push(format!("  {more}"));
                }
            }
        }
    }
    finish(lines, problems, origin)
}

fn finish(mut lines: Vec<String>, problems: Vec<String>, origin: &str) -> Report {
    let problem = (!problems.is_empty()).then(|| problems.join("\n"));
    lines.push(match &problem {
        None => format!("OK: a widget on {origin} can show this feed."),
        Some(_) => format!("NOT OK: a widget on {origin} cannot show this feed:"),
    });
    if let Some(problem) = &problem {
        lines.extend(problem.lines().map(|p| format!("  - {p}")));
    }
    Report { lines, problem }
}

/// Whether a browser on `origin` may read the answer, hop by hop, and how (or why not).
///
/// The Fetch standard's rules for a GET without credentials: same-origin answers need nothing;
/// a cross-origin one needs exactly one `Access-Control-Allow-Origin` that is `*` or the
/// request's origin; once a redirect has left a cross-origin server for another origin, that
/// origin is `null`.
pub fn cors(hops: &[Hop], origin: &str) -> Result<String, String> {
    let mut request_origin = origin.to_string();
    let mut how = "same origin as the page: no CORS header needed".to_string();
    for (index, hop) in hops.iter().enumerate() {
        let hop_origin = url_origin(&hop.url);
        if index > 0 {
            let previous = url_origin(&hops[index - 1].url);
            if previous != hop_origin && previous.as_deref() != Some(origin) {
                request_origin = "null".into();
            }
        }
        if hop_origin.as_deref() == Some(request_origin.as_str()) {
            continue;
        }
        let values = hop.values("access-control-allow-origin");
        let at = if index + 1 < hops.len() {
            format!(" (on the redirect from {})", hop.url)
        } else {
            String::new()
        };
        how = match values.as_slice() {
            [] => return Err(format!("no Access-Control-Allow-Origin header{at}")),
            ["*"] => "Access-Control-Allow-Origin: * (any site may read it)".into(),
            [one] if one.trim() == request_origin => {
                format!("Access-Control-Allow-Origin: {request_origin} (this origin may read it)")
            }
            [one] => {
                return Err(format!(
                    "Access-Control-Allow-Origin is \"{one}\", not {request_origin} or *{at}"
                ))
            }
            many => {
                return Err(format!(
                    "{} Access-Control-Allow-Origin headers (a browser accepts exactly one){at}",
                    many.len()
                ))
            }
        };
    }
    Ok(how)
}

/// What a browser would say, for certain here, and the header lines that fix it (the widget's
/// recipes: nginx, Apache, WordPress). Without a given origin, `*` is the header to advise.
fn cors_fix(why: &str, origin: Option<&str>) -> String {
    let allow = origin.unwrap_or("*");
    let or_star = if origin.is_some() { " (or *)" } else { "" };
    format!(
        "a browser would refuse the feed: {why}. The feed's server must answer with the header \
         Access-Control-Allow-Origin: {allow}{or_star}. \
         nginx: add_header Access-Control-Allow-Origin \"{allow}\" always; \
         Apache (.htaccess): Header set Access-Control-Allow-Origin \"{allow}\"; \
         WordPress: the REST API (/wp-json/…) sends it already; for its RSS feed add to the theme's functions.php: \
         add_action('send_headers', function () {{ header('Access-Control-Allow-Origin: {allow}'); }});"
    )
}

/// A note when WordPress's page count is sent but a browser on `origin` may not read it.
fn hidden_total_pages(hop: &Hop, origin: &str) -> Option<String> {
    hop.header("x-wp-totalpages")?;
    if url_origin(&hop.url).as_deref() == Some(origin) {
        return None;
    }
    let exposed = hop
        .values("access-control-expose-headers")
        .iter()
        .flat_map(|v| v.split(','))
        .any(|name| {
            let name = name.trim();
            name == "*" || name.eq_ignore_ascii_case("x-wp-totalpages")
        });
    (!exposed).then(|| {
        "Note: X-WP-TotalPages is not in Access-Control-Expose-Headers, so the widget cannot read how many pages there are (\"load more\" guesses)".into()
    })
}

/// `scheme://host[:port]` of a URL, lower-cased.
fn url_origin(url: &str) -> Option<String> {
    kabar::url::origin(url).map(|o| o.to_ascii_lowercase())
}

fn origin_host(origin: &str) -> Option<String> {
    let rest = origin.split_once("://")?.1;
    let host = rest.split(['/', ':']).next()?;
    (!host.is_empty()).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hop(url: &str, allow: &[&str]) -> Hop {
        Hop {
            url: url.into(),
            status: 200,
            headers: allow
                .iter()
                .map(|v| ("access-control-allow-origin".to_string(), v.to_string()))
                .collect(),
        }
    }

    const PORTAL: &str = "https://portal.go.id";

    #[test]
    fn one_allow_origin_of_star_or_the_origin_is_needed_across_origins() {
        let feed = "https://desa.go.id/feed.json";
        assert!(cors(&[hop(feed, &["*"])], PORTAL).is_ok());
        assert!(cors(&[hop(feed, &[PORTAL])], PORTAL).is_ok());
        assert!(cors(&[hop("https://portal.go.id/feed.json", &[])], PORTAL)
            .is_ok_and(|how| how.starts_with("same origin")));
        let missing = cors(&[hop(feed, &[])], PORTAL);
        assert_eq!(
            missing,
            Err("no Access-Control-Allow-Origin header".to_string())
        );
        assert!(cors(&[hop(feed, &["https://lain.go.id"])], PORTAL).is_err());
        assert!(cors(&[hop(feed, &["*", "*"])], PORTAL)
            .is_err_and(|why| why.starts_with("2 Access-Control-Allow-Origin")));
    }

    #[test]
    fn every_hop_is_judged_and_a_cross_origin_redirect_makes_the_origin_null() {
        // Same origin, then a redirect to a CDN that allows the portal: fine.
        let to_cdn = [
            hop("https://portal.go.id/berita.json", &[]),
            hop("https://cdn.go.id/berita.json", &[PORTAL]),
        ];
        assert!(cors(&to_cdn, PORTAL).is_ok());
        // The redirect itself lacks the header: blocked, and the report says where.
        let bare_redirect = [
            hop("https://desa.go.id/feed", &[]),
            hop("https://desa.go.id/feed/", &["*"]),
        ];
        assert!(cors(&bare_redirect, PORTAL).is_err_and(|why| why.contains("on the redirect")));
        // From one foreign origin to another: the request's origin is now "null".
        let tainted = [
            hop("https://desa.go.id/feed", &["*"]),
            hop("https://cdn.go.id/feed", &[PORTAL]),
        ];
        assert!(cors(&tainted, PORTAL).is_err_and(|why| why.contains("not null")));
        let tainted_star = [
            hop("https://desa.go.id/feed", &["*"]),
            hop("https://cdn.go.id/feed", &["*"]),
        ];
        assert!(cors(&tainted_star, PORTAL).is_ok());
    }
}
