//! Minifies `styles/kabar.css` into `OUT_DIR` for the wasm to embed: comments and layout
//! whitespace are bytes every visitor downloads and no browser reads.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=styles/kabar.css");
    let css = std::fs::read_to_string("styles/kabar.css").expect("styles/kabar.css is readable");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("kabar.min.css"), minify_css(&css))
        .expect("OUT_DIR is writable");
}

/// Drops comments, collapses whitespace runs to one space and removes it next to `{ } ; ,`.
/// Quoted strings are copied as they are. Spaces elsewhere are kept: in selectors they are the
/// descendant combinator (`.card :focus` is not `.card:focus`).
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                pending_space = true;
            }
            c if c.is_whitespace() => pending_space = true,
            '"' | '\'' => {
                flush_space(&mut out, &mut pending_space);
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            '{' | '}' | ';' | ',' => {
                pending_space = false;
                out.push(c);
            }
            c => {
                flush_space(&mut out, &mut pending_space);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the pending space, unless it follows the start or a mark that needs no space after it.
fn flush_space(out: &mut String, pending: &mut bool) {
    if std::mem::take(pending) && !out.is_empty() && !out.ends_with(['{', '}', ';', ',']) {
        out.push(' ');
    }
}
