//! Links to a developer's machine or a private network: a static `rss.xml` generated on a laptop
//! links every item to `http://localhost/…`, which no visitor can open.

use std::net::{Ipv4Addr, Ipv6Addr};

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
    if let Ok(v4) = host.parse::<Ipv4Addr>() {
        return v4.is_loopback() || v4.is_private() || v4.is_link_local() || v4.is_unspecified();
    }
    if let Ok(v6) = host.parse::<Ipv6Addr>() {
        let first = v6.segments()[0];
        // fc00::/7 (unique local) and fe80::/10 (link-local).
        return v6.is_loopback()
            || v6.is_unspecified()
            || first & 0xfe00 == 0xfc00
            || first & 0xffc0 == 0xfe80
            || v6
                .to_ipv4_mapped()
                .is_some_and(|v4| is_local_host(&v4.to_string()));
    }
    false
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
