//! Minimal URL handling: resolve references against a base and decide which schemes are allowed.
//!
//! Browsers strip tabs and newlines anywhere in a URL and C0 controls and spaces at its ends
//! before they look at the scheme, so `java\tscript:` is `javascript:`. We normalise the same way
//! before deciding anything.

/// What a URL will be used for; each use allows different schemes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlUse {
    /// A feed address: http(s), or a same-origin `blob:` (used by tests and by apps that build feeds).
    Feed,
    /// An image inside article HTML: http(s), or a `data:` URL of a raster image.
    Image,
    /// A link a visitor follows: http(s), `mailto:` and `tel:`.
    Link,
    /// An article's address, its lead image, a quotation source: http(s) only.
    Web,
}

/// Removes what browsers ignore in a URL: tabs and newlines anywhere, controls and spaces at the ends.
pub fn normalise(raw: &str) -> String {
    raw.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The lower-cased scheme of an absolute URL, or `None` for a relative reference.
pub fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    if first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        Some(candidate.to_ascii_lowercase())
    } else {
        None
    }
}

/// Resolves `reference` against the absolute `base` and returns it only if its scheme suits `usage`.
pub fn safe_url(base: &str, reference: &str, usage: UrlUse) -> Option<String> {
    let reference = normalise(reference);
    if reference.is_empty() {
        return None;
    }
    let absolute = resolve(base, &reference)?;
    let scheme = scheme(&absolute)?;
    let allowed = match (usage, scheme.as_str()) {
        (_, "http" | "https") => true,
        (UrlUse::Feed, "blob") => true,
        (UrlUse::Link, "mailto" | "tel") => true,
        (UrlUse::Image, "data") => is_raster_data_url(&absolute),
        _ => false,
    };
    allowed.then_some(absolute)
}

fn is_raster_data_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["png", "jpeg", "jpg", "gif", "webp", "avif"]
        .iter()
        .any(|kind| {
            lower.starts_with(&format!("data:image/{kind};"))
                || lower.starts_with(&format!("data:image/{kind},"))
        })
}

/// Resolves a reference against an absolute base URL (RFC 3986, section 5.2), without validation.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    if scheme(reference).is_some() {
        return Some(reference.to_string());
    }
    let base_scheme = scheme(base)?;
    let after_scheme = &base[base_scheme.len() + 1..];
    let Some(authority_and_path) = after_scheme.strip_prefix("//") else {
        // An opaque base (mailto:, data:) cannot anchor a relative reference.
        return None;
    };
    let authority_end = authority_and_path
        .find(['/', '?', '#'])
        .unwrap_or(authority_and_path.len());
    let authority = &authority_and_path[..authority_end];
    let base_rest = &authority_and_path[authority_end..];
    let base_path_end = base_rest.find(['?', '#']).unwrap_or(base_rest.len());
    let base_path = &base_rest[..base_path_end];
    let base_query = {
        let without_fragment = base_rest.split('#').next().unwrap_or_default();
        &without_fragment[base_path_end.min(without_fragment.len())..]
    };
    let origin = format!("{base_scheme}://{authority}");

    if let Some(network_path) = reference.strip_prefix("//") {
        return Some(format!("{base_scheme}://{network_path}"));
    }
    if reference.starts_with('#') {
        return Some(format!("{origin}{base_path}{base_query}{reference}"));
    }
    if reference.starts_with('?') {
        return Some(format!("{origin}{base_path}{reference}"));
    }
    let (ref_path, ref_tail) = match reference.find(['?', '#']) {
        Some(i) => reference.split_at(i),
        None => (reference, ""),
    };
    let merged = if ref_path.starts_with('/') {
        ref_path.to_string()
    } else {
        let dir = match base_path.rfind('/') {
            Some(i) => &base_path[..=i],
            None => "/",
        };
        format!("{dir}{ref_path}")
    };
    Some(format!(
        "{origin}{}{ref_tail}",
        remove_dot_segments(&merged)
    ))
}

/// `scheme://authority` of an absolute URL, lower-cased scheme, e.g. `https://kab.go.id:8080`.
pub fn origin(url: &str) -> Option<String> {
    let scheme = scheme(url)?;
    let rest = url[scheme.len() + 1..].strip_prefix("//")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    Some(format!("{scheme}://{}", authority.to_ascii_lowercase()))
}

/// The raw value of a query parameter, e.g. `page` in `…/posts?_embed&page=2`.
pub fn query_param(url: &str, name: &str) -> Option<String> {
    let without_fragment = url.split('#').next()?;
    let (_, query) = without_fragment.split_once('?')?;
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| value.to_string())
    })
}

/// The URL with one query parameter set (replaced if present, appended if not); the fragment is
/// dropped. `value` must already be URL-safe (it is a page number here).
pub fn with_query_param(url: &str, name: &str, value: &str) -> String {
    let without_fragment = url.split('#').next().unwrap_or(url);
    let (path, query) = without_fragment
        .split_once('?')
        .unwrap_or((without_fragment, ""));
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| pair.split('=').next() != Some(name))
        .map(str::to_string)
        .collect();
    pairs.push(format!("{name}={value}"));
    format!("{path}?{}", pairs.join("&"))
}

fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {
                if i == last {
                    out.push("");
                }
            }
            ".." => {
                if out.len() > 1 {
                    out.pop();
                }
                if i == last {
                    out.push("");
                }
            }
            other => out.push(other),
        }
    }
    let joined = out.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://batanghari.go.id/berita/feed.json?page=2#top";

    #[test]
    fn origins() {
        assert_eq!(
            origin("HTTPS://Kab.go.id:8080/a?b").as_deref(),
            Some("https://kab.go.id:8080")
        );
        assert_eq!(
            origin("https://kab.go.id"),
            origin("https://kab.go.id/feed.json")
        );
        assert_eq!(origin("/relative"), None);
    }

    #[test]
    fn reads_and_sets_query_parameters() {
        let url = "https://a.go.id/wp-json/wp/v2/posts?_embed&per_page=5#x";
        assert_eq!(query_param(url, "per_page").as_deref(), Some("5"));
        assert_eq!(query_param(url, "_embed").as_deref(), Some(""));
        assert_eq!(query_param(url, "page"), None);
        let next = with_query_param(url, "page", "2");
        assert_eq!(
            next,
            "https://a.go.id/wp-json/wp/v2/posts?_embed&per_page=5&page=2"
        );
        assert_eq!(
            with_query_param(&next, "page", "3"),
            "https://a.go.id/wp-json/wp/v2/posts?_embed&per_page=5&page=3"
        );
        assert_eq!(
            with_query_param("https://a.id/p", "page", "2"),
            "https://a.id/p?page=2"
        );
    }

    #[test]
    fn resolves_relative_references() {
        let cases = [
            ("foto/a.jpg", "https://batanghari.go.id/berita/foto/a.jpg"),
            ("/img/a.jpg", "https://batanghari.go.id/img/a.jpg"),
            ("../img/a.jpg", "https://batanghari.go.id/img/a.jpg"),
            ("./a/../b.jpg", "https://batanghari.go.id/berita/b.jpg"),
            ("//cdn.example.id/x.png", "https://cdn.example.id/x.png"),
            (
                "?page=3",
                "https://batanghari.go.id/berita/feed.json?page=3",
            ),
            (
                "#bagian",
                "https://batanghari.go.id/berita/feed.json?page=2#bagian",
            ),
            ("http://lain.go.id/a", "http://lain.go.id/a"),
        ];
        for (reference, expected) in cases {
            assert_eq!(
                resolve(BASE, reference).as_deref(),
                Some(expected),
                "{reference}"
            );
        }
        assert_eq!(
            resolve("https://a.id", "b").as_deref(),
            Some("https://a.id/b")
        );
    }

    #[test]
    fn rejects_script_schemes_however_they_are_disguised() {
        for hostile in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:image/svg+xml,<svg onload=alert(1)>",
        ] {
            for usage in [UrlUse::Link, UrlUse::Image, UrlUse::Web, UrlUse::Feed] {
                assert_eq!(
                    safe_url(BASE, hostile, usage),
                    None,
                    "{hostile:?} as {usage:?}"
                );
            }
        }
    }

    #[test]
    fn allows_schemes_per_use() {
        assert!(safe_url(BASE, "mailto:humas@batanghari.go.id", UrlUse::Link).is_some());
        assert!(safe_url(BASE, "mailto:humas@batanghari.go.id", UrlUse::Web).is_none());
        assert!(safe_url(BASE, "data:image/png;base64,iVBORw0KGgo=", UrlUse::Web).is_none());
        assert!(safe_url(BASE, "data:image/png;base64,iVBORw0KGgo=", UrlUse::Image).is_some());
        assert!(safe_url(BASE, "data:image/png;base64,iVBORw0KGgo=", UrlUse::Link).is_none());
        assert!(safe_url(BASE, "blob:https://a.id/1234", UrlUse::Feed).is_some());
        assert!(safe_url(BASE, "blob:https://a.id/1234", UrlUse::Link).is_none());
        assert!(safe_url(BASE, "ftp://a.id/x", UrlUse::Link).is_none());
        assert_eq!(safe_url(BASE, "   ", UrlUse::Link), None);
    }
}
