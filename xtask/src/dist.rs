//! `cargo xtask dist`: the release bundle in `dist/`, with its sizes.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use crate::tools::{self, ensure_build_packages, ensure_wasm_bindgen, ensure_wasm_target};
use crate::{digest, root};

/// Where the wasm-bindgen glue is spliced into the loader.
const GLUE_MARKER: &str = "/*__WASM_BINDGEN_GLUE__*/";
/// Where the minified stylesheet is spliced into the loader, as a string literal.
const CSS_MARKER: &str = "/*__KABAR_CSS__*/''";
/// Where the release version (Cargo.toml's) goes, as a string literal.
const VERSION_MARKER: &str = "/*__KABAR_VERSION__*/''";
/// Where the wasm's `sha384-…` goes, so the loader fetches it with `integrity`.
const INTEGRITY_MARKER: &str = "/*__KABAR_WASM_INTEGRITY__*/''";

/// A file written to `dist/` and its sizes in bytes.
#[derive(Debug)]
pub struct Written {
    /// File name inside `dist/`.
    pub name: String,
    /// Raw size.
    pub raw: usize,
    /// gzip -9 size.
    pub gzip: usize,
    /// brotli -q 11 size.
    pub brotli: usize,
}

/// Builds the bundle and prints the size of each file.
pub fn run() -> Result<Vec<Written>, String> {
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    let root = root();
    run_build()?;
    let out = root.join("target/kabar-bindgen");
    let wasm = root.join("target/wasm32-unknown-unknown/release/kabar.wasm");
    tools::run(
        Command::new("wasm-bindgen")
            .arg(&wasm)
            .arg("--out-dir")
            .arg(&out)
            .args([
                "--target",
                "no-modules",
                "--no-typescript",
                "--remove-name-section",
            ]),
    )?;

    let glue = read(out.join("kabar.js"))?;
    let loader = read(root.join("src/web/loader.js"))?;
    let markers = [GLUE_MARKER, CSS_MARKER, VERSION_MARKER, INTEGRITY_MARKER];
    if let Some(lost) = markers.iter().find(|marker| !loader.contains(*marker)) {
        return Err(format!("src/web/loader.js lost its marker {lost}"));
    }
    let wasm_bytes = std::fs::read(out.join("kabar_bg.wasm")).map_err(|e| e.to_string())?;
    let css = esbuild(&read(root.join("styles/kabar.css"))?, "css")?;
    let bundle = esbuild(
        &loader
            .replace(GLUE_MARKER, glue.trim())
            .replace(CSS_MARKER, &js_string(css.trim()))
            .replace(
                VERSION_MARKER,
                &js_string(&crate::tools::package_version()?),
            )
            .replace(
                INTEGRITY_MARKER,
                &js_string(&digest::integrity(&wasm_bytes)),
            ),
        "js",
    )?;

    let dist = root.join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).map_err(|e| format!("cannot create dist/: {e}"))?;
    let files = [
        ("kabar.js", bundle.into_bytes()),
        ("kabar_bg.wasm", wasm_bytes),
    ];
    let mut written = Vec::new();
    for (name, bytes) in files {
        // Pre-compressed copies beside each file, for hosts that serve them as they are
        // (nginx gzip_static/brotli_static, the release's .htaccess, `cargo xtask serve`).
        let gzipped = gzip(&bytes);
        let brotlied = brotli(&bytes);
        for (file, content) in [
            (name.to_string(), &bytes),
            (format!("{name}.gz"), &gzipped),
            (format!("{name}.br"), &brotlied),
        ] {
            std::fs::write(dist.join(&file), content)
                .map_err(|e| format!("cannot write dist/{file}: {e}"))?;
        }
        written.push(Written {
            name: name.to_string(),
            raw: bytes.len(),
            gzip: gzipped.len(),
            brotli: brotlied.len(),
        });
    }
    // Type declarations for developers; not downloaded by visitors, so not in the size budget.
    std::fs::copy(root.join("src/web/kabar.d.ts"), dist.join("kabar.d.ts"))
        .map_err(|e| format!("cannot write dist/kabar.d.ts: {e}"))?;
    // The contract for tools (editors, the configurator, the WordPress plugin), from the table
    // in src/contract.rs; not downloaded by visitors either.
    crate::manifest::write(&dist)?;
    print_sizes(&written);
    Ok(written)
}

/// `source` (`loader` is `js` or `css`) minified by esbuild. For the loader and its glue that is
/// about a third of the readable source's brotli bytes (12.3 KB to 8.6 KB when this was added);
/// its `/*!` licence line is kept.
fn esbuild(source: &str, loader: &str) -> Result<String, String> {
    ensure_build_packages()?;
    let esbuild = root().join("xtask/js/node_modules/.bin/esbuild");
    let mut child = Command::new(&esbuild)
        .args([
            "--minify",
            "--target=es2020",
            "--legal-comments=inline",
            "--log-level=warning",
        ])
        .arg(format!("--loader={loader}"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {}: {e}", esbuild.display()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(source.as_bytes())
            .map_err(|e| format!("could not send {loader} to esbuild: {e}"))?;
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("esbuild did not finish: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "esbuild could not minify the {loader} ({})",
            out.status
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("esbuild wrote invalid UTF-8: {e}"))
}

/// `text` as a double-quoted JavaScript string literal.
pub fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn run_build() -> Result<(), String> {
    tools::run(Command::new("cargo").args([
        "build",
        "--release",
        "--lib",
        "--package",
        "kabar",
        "--target",
        "wasm32-unknown-unknown",
    ]))
}

fn read(path: PathBuf) -> Result<String, String> {
    std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// `bytes` as gzip -9 (what `gzip_static` and the `.htaccess` serve to browsers without brotli).
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// `bytes` as brotli at quality 11 with a 4 MiB window (what `brotli_static` serves).
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    brotli_at(bytes, 11)
}

/// `bytes` as brotli at `quality` (0–11); `cargo xtask serve` uses a fast one for pages.
pub fn brotli_at(bytes: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out
}

fn print_sizes(files: &[Written]) {
    println!(
        "{:<16} {:>10} {:>10} {:>10}",
        "dist/", "raw", "gzip -9", "brotli 11"
    );
    for f in files {
        println!(
            "{:<16} {:>10} {:>10} {:>10}",
            f.name, f.raw, f.gzip, f.brotli
        );
    }
    let total = |pick: fn(&Written) -> usize| files.iter().map(pick).sum::<usize>();
    println!(
        "{:<16} {:>10} {:>10} {:>10}",
        "total",
        total(|f| f.raw),
        total(|f| f.gzip),
        total(|f| f.brotli)
    );
}

/// The most brotli bytes a visitor may download for the widget (loader + wasm), excluding the
/// feed. Sizes are deterministic, so this is a test, not a benchmark.
///
/// How it was set: the walking skeleton measured 120,678 bytes under a 140 KiB budget; the five
/// feed formats, cache, retry, refresh and paging (issue 3) brought it to 158,298; the reader's
/// deep links, previous/next, sharing, video embeds and Trusted Types support (issue 4) to about
/// 170,000; card display options, themes, accent contrast, filters, layouts, Intl dates, search,
/// chips, string overrides, the JS API, carousel and ticker (issue 5) to about 198,800, and the
/// budget was set at that plus about 2%. Issue 6 minified the loader with esbuild (-3.7 KB),
/// moved the stylesheet into it (+0.9 KB, for placeholder cards before the wasm) and dropped the
/// JSON-wrapped cache format, for 196,541 with the accessibility work of issue 7 in. The budget
/// stays where it was, so growth is a decision, not an accident. What it would take to reach the
/// 80 KB target is in README.md, "Performance".
///
/// Round 2 raised it, knowingly, from 200 to 216 KiB for reading real feeds right (issues 12 and
/// 18), 196,965 → 217,703: HTML's full named-entity list and an HTML-like tag stripper (+8.5 KB),
/// charsets, Dublin Core, `xml:base`, Atom 0.3 and link-less items (+5.4 KB), JSON:API and
/// Indonesian CMS dates (+3.7 KB), the embed path check, reader history and invisible-text rule
/// (+1.1 KB). The weight issue is where these bytes are to be won back.
///
/// Issue 16 (several feeds in one widget, and reading the CLI's `_kabar` extension) added about
/// 6.9 KB: the merge, each feed's state, saved copy, retry and load more, source chips and names,
/// the failed-feeds note. Issue 17 (the bytes half) won back 12.9 KB: Yew's `tracing` compiled
/// out (-9.3 KB), one shared sort (-2.7 KB) and no serde_json error texts through gloo-net's
/// error (-0.9 KB); README.md, "Performance", has the levers that did not pay. The budget is
/// what all of that measured together (215,531) plus about 1 KB.
pub const BROTLI_BUDGET: usize = 216_600;

/// Fails when the bundle grew past the budget.
pub fn check_budget(files: &[Written]) -> Result<(), String> {
    let total: usize = files.iter().map(|f| f.brotli).sum();
    println!("size budget: {total} of {BROTLI_BUDGET} brotli bytes");
    if total > BROTLI_BUDGET {
        return Err(format!(
            "dist/ is {total} brotli bytes, over the {BROTLI_BUDGET}-byte budget"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::js_string;

    #[test]
    fn css_becomes_a_string_literal_that_reads_back_the_same() {
        assert_eq!(
            js_string(".a::before{content:\"✓ \\\"\"}\n"),
            r#"".a::before{content:\"✓ \\\"\"}\n""#
        );
    }
}
