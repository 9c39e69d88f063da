//! Installing what the build and tests need, only when it is missing.

use std::path::Path;
use std::process::Command;

use crate::{root, Step};

/// Runs a command from the workspace root, echoing it, and fails unless it exits 0.
pub fn run(cmd: &mut Command) -> Step {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .current_dir(root())
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)))
    }
}

fn describe(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The `wasm32-unknown-unknown` target for the active toolchain.
pub fn ensure_wasm_target() -> Step {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The `wasm-bindgen` version in Cargo.lock; the CLI must be exactly this version.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

/// The version in the workspace's Cargo.toml (`[package] version`).
pub fn package_version() -> Result<String, String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml"))
        .map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    let mut in_package = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if let Some(value) = line.strip_prefix("version").filter(|_| in_package) {
            let value = value.trim_start().trim_start_matches('=').trim();
            return Ok(value.trim_matches('"').to_string());
        }
    }
    Err("Cargo.toml has no [package] version".into())
}

/// The wasm-bindgen CLI (and its test runner) at exactly the locked version.
pub fn ensure_wasm_bindgen() -> Step {
    let version = locked_wasm_bindgen_version()?;
    let current = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if current.split_whitespace().nth(1) == Some(version.as_str()) {
        return Ok(());
    }
    let pin = format!("={version}");
    let locked = run(Command::new("cargo").args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        &pin,
        "--locked",
    ]));
    if locked.is_err() {
        // The CLI's own lockfile can name a dependency release the registry has since yanked;
        // the CLI version stays pinned, only its dependencies resolve afresh.
        eprintln!("xtask: retrying wasm-bindgen-cli {version} without --locked");
        run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &pin]))?;
    }
    Ok(())
}

/// Debian's chromium and chromium-driver (the tests never download a browser).
pub fn ensure_chromium() -> Step {
    if Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists() {
        return Ok(());
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// Debian's nginx with its brotli_static module, and apache2: the hosting test runs the release on
/// both with README.md's lines. Installing them may start their services on port 80; the test
/// runs its own copies on loopback ports from temp dirs.
pub fn ensure_web_servers() -> Step {
    let wanted = [
        ("/usr/sbin/nginx", "nginx"),
        (
            "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
            "libnginx-mod-http-brotli-static",
        ),
        ("/usr/sbin/apache2", "apache2"),
    ];
    apt_install_missing(wanted)
}

/// The font files the end-to-end layout tests pin one at a time (`tests/e2e/fonts/*.conf`), and
/// the Debian package that installs each.
const TEST_FONTS: [(&str, &str); 3] = [
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "fonts-dejavu-core",
    ),
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "fonts-dejavu-core",
    ),
    (
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "fonts-liberation2",
    ),
];

/// Debian's DejaVu and Liberation fonts: the layout tests run once with each, so their result
/// does not depend on which fonts a machine happens to have.
pub fn ensure_test_fonts() -> Step {
    apt_install_missing(TEST_FONTS)
}

/// Installs with apt-get the Debian package of every `(file, package)` pair whose file is missing.
pub fn apt_install_missing<'a>(wanted: impl IntoIterator<Item = (&'a str, &'a str)>) -> Step {
    let mut missing: Vec<&str> = wanted
        .into_iter()
        .filter(|(file, _)| !Path::new(file).exists())
        .map(|(_, package)| package)
        .collect();
    missing.sort_unstable();
    missing.dedup();
    if missing.is_empty() {
        return Ok(());
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The end-to-end suite's npm packages, exactly as in its lockfile.
pub fn ensure_e2e_packages() -> Step {
    ensure_npm_packages("tests/e2e")
}

/// The build's npm packages (esbuild, which minifies the loader), exactly as in its lockfile.
pub fn ensure_build_packages() -> Step {
    ensure_npm_packages("xtask/js")
}

/// The benchmark's npm packages (the peer widget, esbuild, Lighthouse, Playwright), exactly as in
/// its lockfile.
pub fn ensure_bench_packages() -> Step {
    ensure_npm_packages("tests/bench")
}

/// `npm ci` in `dir` (relative to the workspace root) unless its `node_modules` was installed
/// after the lockfile last changed: npm writes `node_modules/.package-lock.json` on every install.
fn ensure_npm_packages(dir: &str) -> Step {
    let path = root().join(dir);
    let stamp = path.join("node_modules/.package-lock.json");
    let lock = path.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(s), Ok(l)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--prefix", dir]))
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_pinned_font_file_is_one_the_installer_checks() {
        let confs = super::root().join("tests/e2e/fonts");
        for entry in std::fs::read_dir(&confs).expect("tests/e2e/fonts exists") {
            let path = entry.expect("a readable entry").path();
            if path.extension().is_some_and(|e| e == "conf") {
                let conf = std::fs::read_to_string(&path).expect("a readable fonts.conf");
                assert!(
                    super::TEST_FONTS
                        .iter()
                        .any(|(file, _)| conf.contains(file)),
                    "{} pins a font file `cargo xtask test` does not install",
                    path.display()
                );
            }
        }
    }

    #[test]
    fn reads_the_locked_wasm_bindgen_version() {
        let version = super::locked_wasm_bindgen_version().expect("Cargo.lock names wasm-bindgen");
        assert!(
            version.split('.').count() == 3 && version.starts_with("0.2."),
            "{version}"
        );
    }
}
