//! The real-WordPress layer of `cargo xtask test`: Debian's WordPress, PHP and MariaDB, then
//! `tests/wordpress/*.test.mjs` (headless Chromium, and the plugin's PHPUnit suites).

use std::process::Command;

use crate::tools::{self, ensure_e2e_packages};
use crate::{root, wordpress, Step};

/// The Debian packages this layer runs on, and a file each installs (to skip apt when present).
/// The theme and the core translations (id_ID) are only Recommends of `wordpress`, which
/// `--no-install-recommends` leaves out: named here.
const PACKAGES: [(&str, &str); 12] = [
    ("wordpress", "/usr/share/wordpress/wp-settings.php"),
    (
        "wordpress-theme-twentytwentythree",
        "/usr/share/wordpress/wp-content/themes/twentytwentythree/style.css",
    ),
    (
        "wordpress-l10n",
        "/usr/share/wordpress/wp-content/languages/id_ID.mo",
    ),
    ("php8.2-cli", "/usr/bin/php8.2"),
    ("php8.2-mysql", "/etc/php/8.2/mods-available/mysqli.ini"),
    ("php8.2-gd", "/etc/php/8.2/mods-available/gd.ini"),
    ("php8.2-xml", "/etc/php/8.2/mods-available/dom.ini"),
    (
        "php8.2-mbstring",
        "/etc/php/8.2/mods-available/mbstring.ini",
    ),
    ("php8.2-curl", "/etc/php/8.2/mods-available/curl.ini"),
    ("mariadb-server", "/usr/sbin/mariadbd"),
    ("phpunit", "/usr/bin/phpunit"),
    ("gettext", "/usr/bin/msgfmt"),
];

/// Installs what is missing of PACKAGES with apt-get.
pub fn ensure_packages() -> Step {
    tools::apt_install_missing(PACKAGES.iter().map(|&(package, file)| (file, package)))
}

/// Runs the layer; expects `dist/` built (the plugin zip bundles its files).
pub fn run() -> Step {
    ensure_packages()?;
    ensure_e2e_packages()?;
    // tests/wordpress/site.mjs installs this zip, as a webmaster uploads it.
    let zip = wordpress::package()?;
    eprintln!("xtask: the test sites install {}", zip.display());
    // Each site appends what PHP printed here when it stops: start the run's log afresh.
    let log = root().join("target/wordpress-logs/php.log");
    if log.exists() {
        std::fs::remove_file(&log).map_err(|e| format!("cannot remove {}: {e}", log.display()))?;
    }
    // tests/wordpress/phpunit.test.mjs runs the plugin's PHPUnit suites against a started site.
    tools::run(Command::new("node").args(["--test", "--test-concurrency=1", "tests/wordpress/"]))
}
