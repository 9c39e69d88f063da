//! `cargo xtask release`: what a webmaster downloads, self-hosts or pins, in `target/release-kabar/`:
//! `kabar-<version>/` (the files and a README.txt), its zip, the npm package folder and its
//! `npm pack` tarball, and `integrity.txt` with the `sha384-…` of every file.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{digest, dist, root, tools, Step};

/// The npm package name (free on the registry when this was written: `npm view kabar-news` 404).
pub const NPM_NAME: &str = "kabar-news";
/// Where the release is written, under the workspace root.
pub const OUT_DIR: &str = "target/release-kabar";
/// dist/ files a release carries: the widget, then what editors and catalogues read. The last
/// two come from the contract table's generator; a dist/ without them is released without them.
const DIST_FILES: [(&str, bool); 5] = [
    ("kabar.js", true),
    ("kabar_bg.wasm", true),
    ("kabar.d.ts", true),
    ("custom-elements.json", false),
    ("contract.json", false),
];
/// The configurator (www/), so an agency can host it on its own domain next to its copy of Kabar
/// and run the pre-flight check from the origin the widget will live on. In the release folder
/// and the zip only (not the npm package); its pages load kabar.js from beside themselves.
const CONFIGURATOR_FILES: [&str; 5] = [
    "configurator.html",
    "configurator-en.html",
    "configurator.js",
    "configurator.css",
    "portal.css",
];
/// dist/'s pre-compressed copies of what visitors download, for hosts that send them as they are
/// (README "Compressed files"). In the release folder and the zip; npm CDNs compress themselves.
const COMPRESSED_FILES: [&str; 4] = [
    "kabar.js.br",
    "kabar.js.gz",
    "kabar_bg.wasm.br",
    "kabar_bg.wasm.gz",
];
/// Server configuration files, written from README.md's blocks of the same name (the one copy the
/// hosting test runs Apache with too). In the release folder and the zip only.
const SERVER_FILES: [&str; 2] = [".htaccess", "web.config"];
/// Files from the repository root, as they are.
const ROOT_FILES: [&str; 3] = ["LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md"];

/// Builds dist/ (unless `--no-build`: the dist/ already there), then the release from it. The
/// size budget is `cargo xtask test`'s to check.
pub fn run(args: &[String]) -> Step {
    match args.first().map(String::as_str) {
        Some("--no-build") => {}
        None => {
            dist::run()?;
        }
        Some(other) => return Err(format!("cargo xtask release: unknown option {other}")),
    }
    package()
}

/// The release from the dist/ already built.
pub fn package() -> Step {
    let root = root();
    let version = tools::package_version()?;
    let out = root.join(OUT_DIR);
    let _ = std::fs::remove_dir_all(&out);
    let folder_name = format!("kabar-{version}");
    let folder = out.join(&folder_name);
    let npm = out.join("npm").join(NPM_NAME);
    for dir in [&folder, &npm] {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }

    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, required) in DIST_FILES {
        let path = root.join("dist").join(name);
        match std::fs::read(&path) {
            Ok(bytes) => files.push((name.to_string(), bytes)),
            Err(_) if !required => {}
            Err(e) => {
                return Err(format!(
                    "cannot read dist/{name} (run cargo xtask dist): {e}"
                ))
            }
        }
    }
    for name in ROOT_FILES {
        files.push((name.to_string(), read_bytes(&root.join(name))?));
    }
    files.push(("LICENSE".into(), LICENSE.as_bytes().to_vec()));
    let script = files
        .iter()
        .find(|(name, _)| name == "kabar.js")
        .map(|(_, bytes)| digest::integrity(bytes))
        .unwrap_or_default();
    let project_readme =
        String::from_utf8_lossy(&read_bytes(&root.join("README.md"))?).into_owned();
    let nginx = readme_block(&project_readme, "server lines: nginx")?;
    let readme = webmaster_readme(&version, &script, &nginx)?;
    files.push(("README.txt".into(), readme.clone().into_bytes()));
    for name in CONFIGURATOR_FILES {
        files.push((name.to_string(), configurator_file(name)?));
    }
    for name in COMPRESSED_FILES {
        let path = root.join("dist").join(name);
        files.push((
            name.to_string(),
            std::fs::read(&path)
                .map_err(|e| format!("cannot read dist/{name} (run cargo xtask dist): {e}"))?,
        ));
    }
    for name in SERVER_FILES {
        let block = readme_block(&project_readme, &format!("file: {name}"))?;
        files.push((name.to_string(), block.into_bytes()));
    }

    for (name, bytes) in &files {
        write(&folder.join(name), bytes)?;
        let folder_only = name == "README.txt"
            || CONFIGURATOR_FILES.contains(&name.as_str())
            || COMPRESSED_FILES.contains(&name.as_str())
            || SERVER_FILES.contains(&name.as_str());
        if !folder_only {
            write(&npm.join(name), bytes)?;
        }
    }
    write(&npm.join("README.md"), readme.as_bytes())?;
    let has = |wanted: &str| files.iter().any(|(name, _)| name == wanted);
    write(
        &npm.join("package.json"),
        package_json(&version, has("custom-elements.json"), has("contract.json"))?.as_bytes(),
    )?;

    let zip_name = format!("{folder_name}.zip");
    let entries: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|(name, bytes)| (format!("{folder_name}/{name}"), bytes.clone()))
        .collect();
    write(&out.join(&zip_name), &crate::zip::archive(&entries)?)?;

    tools::run(
        Command::new("npm")
            .args(["pack", "--silent", "--pack-destination"])
            .arg(&out)
            .arg(&npm),
    )?;
    let tarball = format!("{NPM_NAME}-{version}.tgz");

    // Every file a webmaster may fetch or upload, with the hash for integrity= or a check.
    let mut listed: Vec<String> = files
        .iter()
        .map(|(name, _)| format!("{folder_name}/{name}"))
        .collect();
    listed.push(zip_name.clone());
    listed.push(tarball.clone());
    let mut integrity = String::new();
    for name in &listed {
        let bytes = read_bytes(&out.join(name))?;
        integrity.push_str(&format!("{}  {name}\n", digest::integrity(&bytes)));
    }
    write(&out.join("integrity.txt"), integrity.as_bytes())?;

    for name in [
        format!("{folder_name}/kabar.js"),
        format!("{folder_name}/kabar_bg.wasm"),
        zip_name,
        tarball,
    ] {
        let size = std::fs::metadata(out.join(&name))
            .map(|m| m.len())
            .unwrap_or(0);
        println!("{:<40} {:>10} bytes", name, size);
    }
    println!("release written to {}", out.display());
    Ok(())
}

/// A configurator file from www/; its pages there load the widget from dist/, in the release from
/// beside themselves.
fn configurator_file(name: &str) -> Result<Vec<u8>, String> {
    let bytes = read_bytes(&root().join("www").join(name))?;
    if !name.ends_with(".html") {
        return Ok(bytes);
    }
    let page = String::from_utf8(bytes).map_err(|e| format!("www/{name} is not UTF-8: {e}"))?;
    let released = page
        .replace("src=\"dist/kabar.js\"", "src=\"kabar.js\"")
        .replace("data-assets=\"dist/\"", "data-assets=\"\"");
    if released == page {
        return Err(format!(
            "www/{name} no longer loads dist/kabar.js: update release.rs"
        ));
    }
    Ok(released.into_bytes())
}

/// The release's LICENSE: which two licences, and where their texts are.
const LICENSE: &str = "Kabar is licensed under either of\n\n\
    * the Apache License, Version 2.0 (LICENSE-APACHE, or https://www.apache.org/licenses/LICENSE-2.0)\n\
    * the MIT license (LICENSE-MIT, or https://opensource.org/licenses/MIT)\n\n\
    at your option (SPDX: MIT OR Apache-2.0).\n";

/// README.txt for webmasters, from xtask/release/README.txt with the version, hash and nginx
/// lines filled in.
fn webmaster_readme(version: &str, script_integrity: &str, nginx: &str) -> Result<String, String> {
    let template = std::fs::read_to_string(root().join("xtask/release/README.txt"))
        .map_err(|e| format!("cannot read xtask/release/README.txt: {e}"))?;
    let indented: String = nginx.lines().map(|line| format!("    {line}\n")).collect();
    Ok(template
        .replace("{{VERSION}}", version)
        .replace("{{NPM_NAME}}", NPM_NAME)
        .replace("{{KABAR_JS_INTEGRITY}}", script_integrity)
        .replace("{{NGINX_LINES}}\n", &indented))
}

/// The fenced code block after the `<!-- marker -->` line of README.md, without its fences.
pub fn readme_block(readme: &str, marker: &str) -> Result<String, String> {
    let missing = || format!("README.md has no code block after <!-- {marker} -->");
    let after = readme
        .split_once(&format!("<!-- {marker} -->\n"))
        .ok_or_else(missing)?
        .1;
    let body = after
        .strip_prefix("```")
        .and_then(|rest| rest.split_once('\n'))
        .ok_or_else(missing)?
        .1;
    let (block, _) = body.split_once("\n```").ok_or_else(missing)?;
    Ok(format!("{block}\n"))
}

/// package.json: what CDNs' npm mirrors (jsDelivr, unpkg), bundlers, editors and component
/// catalogues read. The manifests are listed only when dist/ had them.
fn package_json(version: &str, manifest: bool, contract: bool) -> Result<String, String> {
    let description = cargo_field("description")?;
    let s = dist::js_string;
    let mut files = vec!["kabar.js", "kabar_bg.wasm", "kabar.d.ts"];
    let mut exports = vec![
        r#"    ".": { "types": "./kabar.d.ts", "default": "./kabar.js" }"#.to_string(),
        r#"    "./kabar.js": "./kabar.js""#.to_string(),
        r#"    "./kabar_bg.wasm": "./kabar_bg.wasm""#.to_string(),
        r#"    "./kabar.d.ts": "./kabar.d.ts""#.to_string(),
        r#"    "./package.json": "./package.json""#.to_string(),
    ];
    for (present, name) in [
        (manifest, "custom-elements.json"),
        (contract, "contract.json"),
    ] {
        if present {
            files.push(name);
            exports.push(format!("    \"./{name}\": \"./{name}\""));
        }
    }
    files.extend(["LICENSE", "LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md"]);
    let files: Vec<String> = files.iter().map(|f| s(f)).collect();
    let custom_elements = if manifest {
        "  \"customElements\": \"custom-elements.json\",\n"
    } else {
        ""
    };
    Ok(format!(
        "{{\n  \"name\": {},\n  \"version\": {},\n  \"description\": {},\n  \"license\": \"MIT OR Apache-2.0\",\n  \
         \"keywords\": [\"news\", \"widget\", \"web-component\", \"custom-element\", \"json-feed\", \"rss\", \"wordpress\", \"wasm\"],\n  \
         \"main\": \"kabar.js\",\n  \"browser\": \"kabar.js\",\n  \"jsdelivr\": \"kabar.js\",\n  \"unpkg\": \"kabar.js\",\n  \
         \"types\": \"kabar.d.ts\",\n{custom_elements}  \"sideEffects\": true,\n  \"exports\": {{\n{}\n  }},\n  \"files\": [{}]\n}}\n",
        s(NPM_NAME),
        s(version),
        s(&description),
        exports.join(",\n"),
        files.join(", "),
    ))
}

/// A `key = "value"` line of Cargo.toml's `[package]`.
fn cargo_field(key: &str) -> Result<String, String> {
    let manifest = read_bytes(&root().join("Cargo.toml"))?;
    String::from_utf8_lossy(&manifest)
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once('=')?;
            (name.trim() == key).then(|| value.trim().trim_matches('"').to_string())
        })
        .ok_or_else(|| format!("Cargo.toml has no {key}"))
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &PathBuf, bytes: &[u8]) -> Step {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::{configurator_file, package_json, readme_block, CONFIGURATOR_FILES, SERVER_FILES};

    #[test]
    fn the_server_files_and_nginx_lines_come_from_readme_blocks() {
        let readme = std::fs::read_to_string(crate::root().join("README.md")).unwrap();
        for name in SERVER_FILES {
            let block = readme_block(&readme, &format!("file: {name}")).unwrap();
            assert!(block.contains("application/wasm"), "{name}: {block}");
            assert!(block.contains("immutable"), "{name}");
        }
        let nginx = readme_block(&readme, "server lines: nginx").unwrap();
        for line in [
            "gzip_static on;",
            "brotli_static on;",
            "application/wasm wasm;",
        ] {
            assert!(nginx.contains(line), "{line} in {nginx}");
        }
        assert_eq!(
            readme_block("a\n<!-- x -->\n```sh\none\ntwo\n```\nb", "x").unwrap(),
            "one\ntwo\n"
        );
        assert!(readme_block("<!-- x -->\nno fence", "x").is_err());
    }

    #[test]
    fn the_released_configurator_loads_the_widget_from_beside_itself() {
        for name in CONFIGURATOR_FILES.iter().filter(|n| n.ends_with(".html")) {
            let page = String::from_utf8(configurator_file(name).unwrap()).unwrap();
            assert!(page.contains("<script src=\"kabar.js\" defer>"), "{name}");
            assert!(page.contains("data-assets=\"\""), "{name}");
            assert!(!page.contains("dist/"), "{name}");
        }
    }

    #[test]
    fn the_version_is_cargo_tomls() {
        let manifest = std::fs::read_to_string(crate::root().join("Cargo.toml")).unwrap();
        let found = crate::tools::package_version().unwrap();
        assert!(manifest.contains(&format!("version = \"{found}\"")));
        assert!(found.split('.').count() == 3, "{found}");
    }

    #[test]
    fn package_json_points_cdns_and_editors_at_the_files() {
        let json = package_json("1.2.3", true, false).unwrap();
        for line in [
            "\"name\": \"kabar-news\"",
            "\"version\": \"1.2.3\"",
            "\"license\": \"MIT OR Apache-2.0\"",
            "\"jsdelivr\": \"kabar.js\"",
            "\"unpkg\": \"kabar.js\"",
            "\"types\": \"kabar.d.ts\"",
            "\"customElements\": \"custom-elements.json\"",
        ] {
            assert!(json.contains(line), "{line} missing in {json}");
        }
        assert!(!json.contains("contract.json"));
        assert!(!package_json("1.2.3", false, false)
            .unwrap()
            .contains("customElements"));
    }
}
