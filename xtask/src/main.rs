//! `cargo xtask dist | release | serve [--port N] | test | bench | entities | wordpress`: everything a new machine
//! needs, in two commands (and a benchmark against a peer widget, and the entity table's generator).

mod bench;
mod digest;
mod dist;
mod entities;
mod manifest;
mod release;
mod serve;
mod test;
mod tools;
mod wordpress;
mod wordpress_test;
mod zip;

use std::path::PathBuf;
use std::process::ExitCode;

/// Result type of every step: a message that says what failed and what to do.
pub type Step = Result<(), String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => dist::run().map(|_| ()),
        Some("release") => release::run(&args[1..]),
        Some("serve") => serve::run(&args[1..]),
        Some("test") => match args.get(1).map(String::as_str) {
            None => test::run(),
            // Only the real-WordPress layer, on the dist/ already built.
            Some("--wordpress") => wordpress_test::run(),
            Some(other) => Err(format!("cargo xtask test: unknown option {other}")),
        },
        Some("bench") => bench::run(&args[1..]),
        Some("entities") => entities::run(&args[1..]),
        Some("wordpress") => wordpress::run(&args[1..]),
        _ => Err(format!(
            "usage: cargo xtask dist | release [--no-build] | serve [--port N] | test [--wordpress] | bench [options] | entities <entities.json> | wordpress [--no-build]\n{}",
            bench::USAGE
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate's folder).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
