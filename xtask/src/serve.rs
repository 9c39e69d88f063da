//! `cargo xtask serve`: builds `dist/` and serves the demo on loopback.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

use crate::{dist, root, Step};

/// The default port of the demo server.
const DEFAULT_PORT: u16 = 8080;

/// Parses `--port N` (or `PORT`), builds, and serves until interrupted.
pub fn run(args: &[String]) -> Step {
    let port = match args {
        [] => std::env::var("PORT")
            .ok()
            .and_then(|p| p.parse().ok())
            .unwrap_or(DEFAULT_PORT),
        [flag, value] if flag == "--port" => value
            .parse()
            .map_err(|_| format!("--port {value} is not a port number"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    dist::run()?;
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        format!(
            "cannot listen on 127.0.0.1:{port} ({e}); try --port {}",
            port + 1
        )
    })?;
    println!("Kabar demo: http://127.0.0.1:{port}/  (English: http://127.0.0.1:{port}/en.html)  Ctrl+C stops it.");
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || {
            let _ = handle(stream);
        });
    }
    Ok(())
}

fn handle(mut stream: TcpStream) -> std::io::Result<()> {
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut request_line)?;
    // Drain the headers; nothing in them changes what we serve.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let (status, content_type, body) = match (method, resolve(path)) {
        ("GET" | "HEAD", Some(file)) => match std::fs::read(&file) {
            Ok(bytes) => ("200 OK", content_type(&file), bytes),
            Err(_) => not_found(),
        },
        ("GET" | "HEAD", None) => not_found(),
        _ => (
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"GET only\n".to_vec(),
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
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
