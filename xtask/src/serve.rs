//! `cargo xtask serve`: builds `dist/` and serves the demo on loopback.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

use crate::{dist, root, Step};

/// The default port of the demo server.
const DEFAULT_PORT: u16 = 8080;

/// Parses `--port N` (or `PORT`), builds, and serves until interrupted.
pub fn run(args: &[String]) -> Step {
    // `--no-build` serves the dist/ already there (the benchmark uses it).
    let build = !args.iter().any(|a| a == "--no-build");
    let args: Vec<&String> = args.iter().filter(|a| *a != "--no-build").collect();
    let port = match args.as_slice() {
        [] => std::env::var("PORT")
            .ok()
            .and_then(|p| p.parse().ok())
            .unwrap_or(DEFAULT_PORT),
        [flag, value] if *flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port {value} is not a port number"))?,
        _ => return Err("usage: cargo xtask serve [--port N] [--no-build]".into()),
    };
    if build {
        dist::run()?;
    }
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        format!(
            "cannot listen on 127.0.0.1:{port} ({e}); try --port {}",
            port + 1
        )
    })?;
    println!("Kabar demo: http://127.0.0.1:{port}/  (English: http://127.0.0.1:{port}/en.html)  Ctrl+C stops it.");
    serve(listener);
    Ok(())
}

/// Answers every connection on its own thread, until the process ends.
fn serve(listener: TcpListener) {
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || {
            let _ = handle(stream);
        });
    }
}

/// A content coding the server can send, best first.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The `Content-Encoding` value and the suffix of the pre-compressed copy.
    fn token_and_suffix(self) -> Option<(&'static str, &'static str)> {
        match self {
            Encoding::Brotli => Some(("br", ".br")),
            Encoding::Gzip => Some(("gzip", ".gz")),
            Encoding::Identity => None,
        }
    }
}

/// The best coding an `Accept-Encoding` value allows (a coding with `q=0` is refused).
fn choose_encoding(accept: &str) -> Encoding {
    let accepts = |wanted: &str| {
        accept.split(',').any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            name.eq_ignore_ascii_case(wanted) && !refused
        })
    };
    if accepts("br") {
        Encoding::Brotli
    } else if accepts("gzip") {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// Text and wasm are worth compressing; images already are.
fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/wasm")
        || content_type.starts_with("application/feed+json")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("image/svg+xml")
}

/// The body to send for `file` in `encoding`, and the encoding it is in: the pre-compressed copy
/// `cargo xtask dist` wrote beside it when there is one (as nginx's `gzip_static` and
/// `brotli_static` do), else compressed now (brotli at a fast quality, like a host's on-the-fly
/// setting), else as it is.
fn encoded_body(file: &Path, bytes: Vec<u8>, encoding: Encoding) -> (Vec<u8>, Encoding) {
    let Some((_, suffix)) = encoding.token_and_suffix() else {
        return (bytes, Encoding::Identity);
    };
    if !compressible(content_type(file)) {
        return (bytes, Encoding::Identity);
    }
    let mut copy = file.as_os_str().to_owned();
    copy.push(suffix);
    if let Ok(ready) = std::fs::read(PathBuf::from(copy)) {
        return (ready, encoding);
    }
    let compressed = match encoding {
        Encoding::Brotli => dist::brotli_at(&bytes, 5),
        _ => dist::gzip(&bytes),
    };
    (compressed, encoding)
}

/// A validator for the file as it is on disk, so a reload asks and gets 304 when nothing changed.
fn etag(file: &Path) -> Option<String> {
    let meta = std::fs::metadata(file).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(format!("\"{:x}-{:x}\"", meta.len(), modified.as_nanos()))
}

fn handle(mut stream: TcpStream) -> std::io::Result<()> {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut request_line)?;
    // Of the headers, only the codings the browser takes and its cached copy's validator count.
    let mut header = String::new();
    let mut accept_encoding = String::new();
    let mut if_none_match = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_string();
            } else if name.trim().eq_ignore_ascii_case("if-none-match") {
                if_none_match = value.trim().to_string();
            }
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut extra = String::new();
    let (status, content_type, body) = match (method, resolve(path)) {
        ("GET" | "HEAD", Some(file)) => match std::fs::read(&file) {
            Ok(bytes) => {
                let kind = content_type(&file);
                let tag = etag(&file);
                if compressible(kind) {
                    extra.push_str("Vary: Accept-Encoding\r\n");
                }
                if let Some(tag) = &tag {
                    extra.push_str(&format!("ETag: {tag}\r\n"));
                }
                if tag.is_some_and(|tag| if_none_match == tag) {
                    ("304 Not Modified", kind, Vec::new())
                } else {
                    let (body, sent) =
                        encoded_body(&file, bytes, choose_encoding(&accept_encoding));
                    if let Some((token, _)) = sent.token_and_suffix() {
                        extra.push_str(&format!("Content-Encoding: {token}\r\n"));
                    }
                    ("200 OK", kind, body)
                }
            }
            Err(_) => not_found(),
        },
        ("GET" | "HEAD", None) => not_found(),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"GET only\n".to_vec(),
        ),
    };
    // no-cache: dist/ is rebuilt in place while developing; the ETag makes the revalidation cheap.
    // A release in a versioned folder is cached for a year instead (README, "Compressed files").
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n{extra}X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

fn not_found() -> (&'static str, &'static str, Vec<u8>) {
    (
        "404 Not Found",
        "text/plain; charset=utf-8",
        b"not found\n".to_vec(),
    )
}

/// `/dist/…` from `dist/`, everything else from `www/`; no way out of either.
fn resolve(url_path: &str) -> Option<PathBuf> {
    let root = root();
    let (base, rest) = match url_path.strip_prefix("/dist/") {
        Some(rest) => (root.join("dist"), rest),
        None => (root.join("www"), url_path.trim_start_matches('/')),
    };
    if rest
        .split('/')
        .any(|segment| segment == ".." || segment.contains('\\') || segment.contains('%'))
    {
        return None;
    }
    let mut file = base.join(rest);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        // Streaming compilation needs exactly this type.
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/feed+json; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "xml" => "application/xml; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_www_and_dist_and_nothing_outside() {
        assert_eq!(resolve("/"), Some(root().join("www/index.html")));
        assert_eq!(
            resolve("/feeds/berita.json"),
            Some(root().join("www/feeds/berita.json"))
        );
        for escape in [
            "/../Cargo.toml",
            "/dist/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/feeds/..\\..\\Cargo.toml",
        ] {
            assert_eq!(resolve(escape), None, "{escape}");
        }
        assert_eq!(resolve("/tidak-ada.html"), None);
    }

    /// One request to a server on a loopback port; the response's head and body.
    fn request(port: u16, lines: &str) -> (String, Vec<u8>) {
        use std::io::Read;
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.write_all(lines.as_bytes()).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&response[..split]).to_lowercase();
        (head, response[split + 4..].to_vec())
    }

    #[test]
    fn a_real_request_gets_the_page_brotli_compressed_with_vary_and_a_validator() {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || serve(listener));
        let page = std::fs::read(root().join("www/index.html")).unwrap();

        let (head, body) = request(
            port,
            "GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, deflate, br, zstd\r\n\r\n",
        );
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(head.contains("content-encoding: br\r\n"), "{head}");
        assert!(head.contains("vary: accept-encoding\r\n"), "{head}");
        assert!(head.contains("content-type: text/html"), "{head}");
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &body[..], &mut decoded).unwrap();
        assert_eq!(decoded, page);

        let etag = head
            .lines()
            .find_map(|l| l.strip_prefix("etag: "))
            .unwrap()
            .to_string();
        let (head, body) = request(
            port,
            &format!("GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: {etag}\r\n\r\n"),
        );
        assert!(head.starts_with("http/1.1 304"), "{head}");
        assert!(body.is_empty());

        let (head, body) = request(port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assert!(!head.contains("content-encoding"), "{head}");
        assert_eq!(body, page);
    }

    #[test]
    fn picks_brotli_then_gzip_from_accept_encoding() {
        assert_eq!(choose_encoding("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(choose_encoding("gzip, deflate"), Encoding::Gzip);
        assert_eq!(choose_encoding("br;q=0, GZIP;q=0.5"), Encoding::Gzip);
        assert_eq!(choose_encoding("identity"), Encoding::Identity);
        assert_eq!(choose_encoding(""), Encoding::Identity);
        assert_eq!(choose_encoding("brotli"), Encoding::Identity);
    }

    #[test]
    fn compresses_text_and_wasm_but_not_images() {
        let dir = std::env::temp_dir().join(format!("kabar-serve-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let page = dir.join("page.html");
        let text = "<p>berita</p>".repeat(200).into_bytes();
        std::fs::write(&page, &text).unwrap();
        let (body, sent) = encoded_body(&page, text.clone(), Encoding::Gzip);
        assert_eq!(sent, Encoding::Gzip);
        assert!(body.len() < text.len() / 4);
        // A pre-compressed copy beside the file is sent as it is.
        std::fs::write(dir.join("page.html.br"), b"ready").unwrap();
        assert_eq!(
            encoded_body(&page, text.clone(), Encoding::Brotli),
            (b"ready".to_vec(), Encoding::Brotli)
        );
        let image = dir.join("photo.png");
        assert_eq!(
            encoded_body(&image, vec![1, 2, 3], Encoding::Brotli),
            (vec![1, 2, 3], Encoding::Identity)
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn wasm_is_served_as_application_wasm() {
        assert_eq!(
            content_type(Path::new("dist/kabar_bg.wasm")),
            "application/wasm"
        );
        assert_eq!(
            content_type(Path::new("www/feeds/berita.json")),
            "application/feed+json; charset=utf-8"
        );
        assert!(content_type(Path::new("dist/kabar.js")).starts_with("text/javascript"));
    }
}
