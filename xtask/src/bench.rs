//! `cargo xtask bench`: Kabar side by side with the npm web component `rss-items` in headless
//! Chromium (transfer sizes, first card cold and warm, long tasks, layout shift, memory, the
//! reader), Kabar alone with 12 feeds of 100 articles merged (longest task, first card), plus
//! Lighthouse on the demo page. A benchmark, not a test: it reports medians of
//! alternating runs and says which targets are met, but never fails because of a figure.
//!
//! The measuring happens in `tests/bench/bench.mjs`; this side builds what it measures.

use std::process::Command;

use crate::tools::{self, ensure_bench_packages, ensure_chromium};
use crate::{dist, root, Step};

/// The options, shown by `cargo xtask bench --help` and on a mistake.
pub const USAGE: &str = "\
cargo xtask bench [--runs N] [--sizes 12,200,2000] [--limit 12] [--throttle 4]
                  [--lighthouse-only | --no-lighthouse | --mobile-only | --no-mobile]
                  [--out FILE] [--no-build]
  --runs N           runs per widget and feed size (default 7; a figure is their median)
  --sizes A,B        feed sizes in articles (default 12,200,2000)
  --limit N          cards both widgets show (default 12)
  --throttle N       CPU slowdown for the throttled rows (default 4)
  --lighthouse-only  only Lighthouse on www/index.html (about 15 s)
  --no-lighthouse    skip Lighthouse
  --mobile-only      only the mobile profile (150 ms RTT, 1.6 Mbps, CPU 4×) on a compressing and
                     a raw host, the rows for 1, 10 and 40 widgets, and Lighthouse mobile on the
                     demo as `cargo xtask serve`, nginx and apache2 serve it
  --no-mobile        skip those
  --out FILE         where the figures go (default target/bench/latest.json; the file it
                     replaces is kept as previous.json next to it)
  --no-build         measure dist/ as it is instead of building it first";

/// What this side needs to know of the options; the rest goes to `bench.mjs` as given.
#[derive(Debug, Default, PartialEq)]
struct Options {
    /// Measure the existing `dist/` (e.g. while someone else is rebuilding it).
    no_build: bool,
    /// Only Lighthouse: the peer bundle is not needed.
    lighthouse_only: bool,
    /// The arguments for `bench.mjs`.
    forwarded: Vec<String>,
}

/// Checks the options here, so a typo fails before a minute of building rather than after.
fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        match flag.as_str() {
            "--no-build" => options.no_build = true,
            "--lighthouse-only" | "--no-lighthouse" | "--mobile-only" | "--no-mobile" => {
                options.lighthouse_only |= flag == "--lighthouse-only";
                options.forwarded.push(flag.clone());
            }
            "--runs" | "--limit" | "--throttle" | "--sizes" | "--out" => {
                let value = iter
                    .next()
                    .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
                let numbers_ok = match flag.as_str() {
                    "--out" => true,
                    "--sizes" => value.split(',').all(|n| positive(n.trim())),
                    _ => positive(value),
                };
                if !numbers_ok {
                    return Err(format!(
                        "{flag} {value}: not a positive whole number\n{USAGE}"
                    ));
                }
                options.forwarded.push(flag.clone());
                options.forwarded.push(value.clone());
            }
            _ => return Err(format!("unknown option {flag}\n{USAGE}")),
        }
    }
    if options.lighthouse_only && options.forwarded.iter().any(|a| a == "--no-lighthouse") {
        return Err("--lighthouse-only and --no-lighthouse leave nothing to do".into());
    }
    Ok(options)
}

fn positive(text: &str) -> bool {
    text.parse::<u32>().is_ok_and(|n| n > 0)
}

/// Builds `dist/` and the peer bundle, installs what is missing, and runs the benchmark.
pub fn run(args: &[String]) -> Step {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return Ok(());
    }
    let options = parse(args)?;
    if !options.no_build {
        // Lighthouse checks the demo page, which embeds dist/ too.
        dist::run()?;
    }
    ensure_chromium()?;
    ensure_bench_packages()?;
    if !options.lighthouse_only {
        bundle_peer()?;
    }
    let mobile = !options.lighthouse_only && !options.forwarded.iter().any(|a| a == "--no-mobile");
    if mobile {
        // Lighthouse on nginx and apache2 serves the release, with README's lines.
        crate::release::package()?;
        tools::ensure_web_servers()?;
    }
    let xtask = std::env::current_exe()
        .map_err(|e| format!("cannot find the xtask binary for `serve`: {e}"))?;
    tools::run(
        Command::new("node")
            .arg("tests/bench/bench.mjs")
            .args(&options.forwarded)
            // Lighthouse measures the demo as `cargo xtask serve --no-build` serves it.
            .env("KABAR_XTASK", xtask),
    )
}

/// The peer as a site would ship it: `rss-items` and its dependencies bundled and minified by
/// esbuild into one module, with the `lib/x2js.js` it loads at run time (relative to its own URL)
/// copied next to it. Everything comes from the lockfile's packages; nothing is fetched at run time.
fn bundle_peer() -> Step {
    let root = root();
    let out = root.join("target/bench/peer");
    std::fs::create_dir_all(out.join("lib"))
        .map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    tools::run(
        // The absolute path: a relative program path is resolved differently on each platform.
        Command::new(root.join("tests/bench/node_modules/.bin/esbuild")).args([
            "tests/bench/peer-entry.js",
            "--bundle",
            "--minify",
            "--format=esm",
            "--log-level=warning",
            "--outfile=target/bench/peer/rss-items.js",
        ]),
    )?;
    let x2js = root.join("tests/bench/node_modules/@lrnwebcomponents/rss-items/lib/x2js.js");
    std::fs::copy(&x2js, out.join("lib/x2js.js"))
        .map(|_| ())
        .map_err(|e| format!("cannot copy {}: {e}", x2js.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn forwards_the_measuring_options_and_keeps_its_own() {
        let options = parse(&args("--runs 3 --sizes 12,200 --no-build --no-lighthouse")).unwrap();
        assert!(options.no_build);
        assert!(!options.lighthouse_only);
        assert_eq!(
            options.forwarded,
            args("--runs 3 --sizes 12,200 --no-lighthouse")
        );
        assert!(parse(&args("--lighthouse-only")).unwrap().lighthouse_only);
    }

    #[test]
    fn rejects_mistakes_before_building() {
        for bad in [
            "--runs",
            "--runs 0",
            "--runs five",
            "--sizes 12,,200",
            "--size 12",
            "--lighthouse-only --no-lighthouse",
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad}");
        }
    }
}
