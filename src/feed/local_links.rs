//! Links to a developer's machine or a private network: a static `rss.xml` generated on a laptop
//! links every item to `http://localhost/…`, which no visitor can open.

use crate::article::Article;

/// The host of an absolute URL, lowercased, without user info, port or IPv6 brackets.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://")?.1;
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let authority = authority.rsplit('@').next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.split(':').next().unwrap_or_default(),
    };
    (!host.is_empty()).then(|| host.trim_end_matches('.').to_ascii_lowercase())
}

/// Whether a host is `localhost`, `*.local`, a loopback or a private address.
pub fn is_local_host(host: &str) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim_end_matches('.')
        .to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") || host.ends_with(".local") {
        return true;
    }
    if let Some(v4) = ipv4(&host) {
        return is_local_ipv4(v4);
    }
    // IPv6, by its text (std's parser costs kilobytes of wasm): loopback, unspecified,
    // fc00::/7 (unique local), fe80::/10 (link-local), and IPv4-mapped local addresses.
    if !host.contains(':')
        || !host
            .chars()
            .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
    {
        return false;
    }
    let first = host.split(':').next().unwrap_or_default();
    let first = u16::from_str_radix(first, 16).unwrap_or(0);
    host.trim_start_matches(['0', ':']).is_empty()
        || host.trim_start_matches(['0', ':']) == "1"
        || (first & 0xfe00 == 0xfc00 && host.split(':').next().is_some_and(|g| g.len() == 4))
        || first & 0xffc0 == 0xfe80
        || host
            .strip_prefix("::ffff:")
            .and_then(ipv4)
            .is_some_and(is_local_ipv4)
}

/// A dotted-quad IPv4 address.
fn ipv4(host: &str) -> Option<[u8; 4]> {
    let mut octets = [0u8; 4];
    let mut parts = host.split('.');
    for octet in &mut octets {
        let part = parts.next()?;
        if part.is_empty() || part.len() > 3 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *octet = part.parse().ok()?;
    }
    parts.next().is_none().then_some(octets)
}

fn is_local_ipv4([a, b, _, _]: [u8; 4]) -> bool {
    matches!(
        (a, b),
        (127 | 10 | 0, _) | (172, 16..=31) | (192, 168) | (169, 254)
    )
}

/// One warning when articles link to a local or private host while the page is not on one.
pub(super) fn warning(
    articles: &[Article],
    feed_url: &str,
    page_host: Option<&str>,
) -> Option<String> {
    if page_host.is_some_and(is_local_host) {
        return None;
    }
    let host = articles
        .iter()
        .filter_map(|article| host_of(article.url.as_deref()?))
        .find(|host| is_local_host(host))?;
    Some(format!(
        "items in {feed_url} link to {host}, a local or private address visitors cannot open; \
         generate the feed with the site's public address"
    ))
}
