//! `cargo xtask test`: formatting, lints, native, browser, end-to-end and real-WordPress tests, in
//! that order.

use std::process::Command;

use crate::tools::{
    self, ensure_chromium, ensure_e2e_packages, ensure_test_fonts, ensure_wasm_bindgen,
    ensure_wasm_target, ensure_web_servers,
};
use crate::{dist, release, wordpress_test, Step};

const WASM: &str = "wasm32-unknown-unknown";

/// Runs the whole suite; stops at the first failing step.
pub fn run() -> Step {
    ensure_wasm_target()?;
    tools::run(Command::new("cargo").args(["fmt", "--all", "--", "--check"]))?;
    tools::run(Command::new("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    tools::run(Command::new("cargo").args([
        "clippy",
        "--package",
        "kabar",
        "--all-targets",
        "--target",
        WASM,
        "--",
        "-D",
        "warnings",
    ]))?;
    tools::run(Command::new("cargo").args(["test", "--workspace"]))?;

    ensure_wasm_bindgen()?;
    ensure_chromium()?;
    tools::run(
        Command::new("cargo")
            .args([
                "test",
                "--package",
                "kabar",
                "--target",
                WASM,
                "--test",
                "web",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", "/usr/bin/chromedriver"),
    )?;

    let written = dist::run()?;
    dist::check_budget(&written)?;
    // The release test serves the zip and the npm package: built from this dist/ (a few seconds).
    release::package()?;
    ensure_e2e_packages()?;
    ensure_test_fonts()?;
    ensure_web_servers()?;
    tools::run(Command::new("node").args(["--test", "--test-concurrency=1", "tests/e2e/"]))?;
    wordpress_test::run()
}
