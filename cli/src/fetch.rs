//! Fetching a feed as a browser on some origin would, and decoding it by the widget's charset
//! rules with `encoding_rs` (the decoder a major browser uses).
//!
//! Redirects are followed here, not by the HTTP client, so that every hop's CORS headers are
//! seen: a browser needs them on each one.

use std::time::Duration;

use kabar::charset::{self, Charset};

/// Bodies larger than this are not read (the widget reads at most 5 MB of them anyway).
const MAX_BODY_BYTES: u64 = 20 * 1024 * 1024;
/// Redirects followed before giving up, as browsers do (they allow 20).
const MAX_REDIRECTS: usize = 20;
/// How long one request may take, connecting included.
const TIMEOUT: Duration = Duration::from_secs(30);

/// One HTTP answer along the way to the feed.
#[derive(Clone, Debug)]
pub struct Hop {
    /// The URL asked for.
    pub url: String,
    /// Its HTTP status.
    pub status: u16,
    /// Its headers, names lower-cased, in the order sent.
    pub headers: Vec<(String, String)>,
}

impl Hop {
    /// Every value of a header (name in lower case).
    pub fn values(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The first value of a header (name in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.values(name).into_iter().next()
    }
}

/// A fetched answer: the redirects on the way, the last answer and its body.
#[derive(Clone, Debug)]
pub struct Fetched {
    /// Every answer, redirects first; the last is the final one.
    pub hops: Vec<Hop>,
    /// The final answer's body.
    pub body: Vec<u8>,
}

impl Fetched {
    /// The final answer.
    pub fn last(&self) -> &Hop {
        // `fetch` never returns an empty list.
        &self.hops[self.hops.len() - 1]
    }

    /// The URL the body came from (after redirects): relative links resolve against it.
    pub fn final_url(&self) -> &str {
        &self.last().url
    }
}

/// Fetches `url`, sending `Origin: origin` when given.
pub fn fetch(url: &str, origin: Option<&str>) -> Result<Fetched, String> {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(TIMEOUT))
        .user_agent(concat!("kabar/", env!("CARGO_PKG_VERSION")))
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let mut hops = Vec::new();
    let mut current = url.to_string();
    loop {
        let mut request = agent.get(&current);
        if let Some(origin) = origin {
            request = request.header("Origin", origin);
        }
        let mut response = request.call().map_err(|e| format!("{current}: {e}"))?;
        let hop = Hop {
            url: current.clone(),
            status: response.status().as_u16(),
            headers: response
                .headers()
                .iter()
                .map(|(name, value)| {
                    let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                    (name.as_str().to_ascii_lowercase(), value)
                })
                .collect(),
        };
        let location = hop.header("location").map(str::to_string);
        let redirect = matches!(hop.status, 301 | 302 | 303 | 307 | 308);
        hops.push(hop);
        match location.filter(|_| redirect) {
            Some(location) if hops.len() <= MAX_REDIRECTS => {
                current = kabar::url::resolve(&current, &location)
                    .ok_or_else(|| format!("{current}: a redirect to \"{location}\""))?;
            }
            Some(_) => return Err(format!("{url}: more than {MAX_REDIRECTS} redirects")),
            None => {
                let body = response
                    .body_mut()
                    .with_config()
                    .limit(MAX_BODY_BYTES)
                    .read_to_vec()
                    .map_err(|e| format!("{current}: {e}"))?;
                return Ok(Fetched { hops, body });
            }
        }
    }
}

/// Text decoded by the widget's rules: which charset (`kabar::charset::detect`), then decoded
/// with `encoding_rs` (UTF-32, which it lacks as browsers do, by Kabar's own decoder). A label
/// no decoder knows is read as UTF-8, as the widget does.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, Charset) {
    let detected = charset::detect(bytes, content_type);
    if let Some(text) = detected
        .is_utf32()
        .then(|| charset::decode(bytes, &detected))
    {
        return (text.unwrap_or_default(), detected);
    }
    let encoding =
        encoding_rs::Encoding::for_label(detected.label().as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let (text, _) = encoding.decode_with_bom_removal(bytes);
    (text.into_owned(), detected)
}
