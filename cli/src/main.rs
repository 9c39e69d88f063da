//! `kabar`: check a feed as a widget on your site would, merge feeds into one JSON Feed, convert
//! any feed to JSON Feed. Exit status: 0 all well, 1 a problem (the report says which), 2 a
//! command line that cannot be understood.

use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use kabar::filter::Since;
use kabar_cli::check::{self, NEUTRAL_ORIGIN};
use kabar_cli::fetch::fetch;
use kabar_cli::json_feed::{self, FeedInfo};
use kabar_cli::sources::{self, Keep, Loaded};

const USAGE: &str = "\
kabar check URL [--origin https://your-portal.example]
    Fetches URL as a widget on that origin would (sending that Origin; without --origin, some
    other site's) and reports status, CORS, WordPress errors, charset, format, article count,
    first titles and warnings. Exit 0 only when the widget could show it.

kabar merge URL... -o merged.json [--limit N] [--since 30d|YYYY-MM-DD] [--title TEXT]
                   [--feed-url URL] [--home-page-url URL]
    Fetches every feed (any format Kabar reads) and writes one JSON Feed 1.1, newest first,
    each item naming its source in `_kabar`. Failed sources are reported and left out; exit 1
    when any failed (the file is still written from the others, unless all failed).
    `-o -` writes to standard output.

kabar convert URL|FILE [--base URL]
    Any feed Kabar reads, as JSON Feed 1.1 on standard output. --base resolves a file's
    relative links.

Exit status: 0 all well, 1 a problem (said on standard error), 2 a usage error.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("check") => Args::parse(&args[1..], &["--origin"]).and_then(run_check),
        Some("merge") => Args::parse(
            &args[1..],
            &[
                "-o",
                "--output",
                "--limit",
                "--since",
                "--title",
                "--feed-url",
                "--home-page-url",
            ],
        )
        .and_then(run_merge),
        Some("convert") => Args::parse(&args[1..], &["--base"]).and_then(run_convert),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("-V" | "--version") => {
            println!("kabar {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(Usage(format!("unknown command \"{other}\""))),
        None => Err(Usage("no command".into())),
    };
    match result {
        Ok(code) => code,
        Err(Usage(message)) => {
            eprintln!("kabar: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// A command line that cannot be understood.
struct Usage(String);

/// Positional arguments and `--option value` pairs.
struct Args {
    positional: Vec<String>,
    options: Vec<(String, String)>,
}

impl Args {
    fn parse(raw: &[String], known: &[&str]) -> Result<Args, Usage> {
        let mut args = Args {
            positional: Vec::new(),
            options: Vec::new(),
        };
        let mut iter = raw.iter();
        while let Some(arg) = iter.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
                _ => (arg.as_str(), None),
            };
            if known.contains(&name) {
                let value = match inline {
                    Some(value) => value,
                    None => iter
                        .next()
                        .cloned()
                        .ok_or_else(|| Usage(format!("{name} needs a value")))?,
                };
                args.options.push((name.to_string(), value));
            } else if name.starts_with('-') && name != "-" {
                return Err(Usage(format!("unknown option {name}")));
            } else {
                args.positional.push(arg.clone());
            }
        }
        Ok(args)
    }

    fn option(&self, names: &[&str]) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(name, _)| names.contains(&name.as_str()))
            .map(|(_, value)| value.as_str())
    }
}

fn run_check(args: Args) -> Result<ExitCode, Usage> {
    let [url] = args.positional.as_slice() else {
        return Err(Usage("check takes one URL".into()));
    };
    let origin = args.option(&["--origin"]);
    if let Some(origin) = origin {
        if kabar::url::origin(origin).is_none_or(|o| o != origin.trim_end_matches('/')) {
            return Err(Usage(format!(
                "--origin \"{origin}\" is not an origin such as https://portal.example.go.id"
            )));
        }
    }
    let origin = origin.map(|o| o.trim_end_matches('/'));
    let sent = origin.unwrap_or(NEUTRAL_ORIGIN);
    let fetched = match fetch(url, Some(sent)) {
        Ok(fetched) => fetched,
        Err(cause) => {
            println!("Feed: {url}\nNOT OK: the server did not answer ({cause}).");
            eprintln!("kabar check: the server did not answer ({cause})");
            return Ok(ExitCode::FAILURE);
        }
    };
    let report = check::judge(&fetched, sent, origin.is_some());
    for line in &report.lines {
        println!("{line}");
    }
    Ok(match report.problem {
        None => ExitCode::SUCCESS,
        Some(problem) => {
            eprintln!("kabar check: {problem}");
            ExitCode::FAILURE
        }
    })
}

fn run_merge(args: Args) -> Result<ExitCode, Usage> {
    if args.positional.is_empty() {
        return Err(Usage("merge takes one or more feed URLs".into()));
    }
    let Some(output) = args.option(&["-o", "--output"]) else {
        return Err(Usage(
            "merge needs -o FILE (or -o - for standard output)".into(),
        ));
    };
    let keep = keep(&args)?;
    let mut loaded = Vec::new();
    let mut failed = 0;
    for result in sources::load_all(&args.positional) {
        match result {
            Ok(source) => loaded.push(source),
            Err(message) => {
                failed += 1;
                eprintln!("kabar merge: skipped {message}");
            }
        }
    }
    if loaded.is_empty() {
        eprintln!("kabar merge: no source could be read; {output} was not written");
        return Ok(ExitCode::FAILURE);
    }
    let articles = sources::merge(&loaded, keep);
    let info = FeedInfo {
        title: args
            .option(&["--title"])
            .map_or_else(|| default_title(&loaded), str::to_string),
        home_page_url: args.option(&["--home-page-url"]).map(str::to_string),
        feed_url: args.option(&["--feed-url"]).map(str::to_string),
        description: None,
        language: common_language(&loaded),
    };
    let text = json_feed::write(&info, &articles);
    if let Err(error) = write_output(output, &text) {
        eprintln!("kabar merge: cannot write {output}: {error}");
        return Ok(ExitCode::FAILURE);
    }
    eprintln!(
        "kabar merge: {} articles from {} of {} sources{}",
        articles.len(),
        loaded.len(),
        loaded.len() + failed,
        if output == "-" {
            String::new()
        } else {
            format!(" written to {output}")
        }
    );
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn run_convert(args: Args) -> Result<ExitCode, Usage> {
    let [input] = args.positional.as_slice() else {
        return Err(Usage("convert takes one URL or file".into()));
    };
    let is_url = input.starts_with("http://") || input.starts_with("https://");
    let loaded = if is_url {
        sources::load_url(input)
    } else {
        sources::load_file(input, args.option(&["--base"]))
    };
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("kabar convert: {message}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let info = FeedInfo {
        title: default_title(std::slice::from_ref(&loaded)),
        language: loaded.feed.language.clone(),
        feed_url: None,
        home_page_url: None,
        description: None,
    };
    let articles = sources::merge(std::slice::from_ref(&loaded), Keep::default());
    print!("{}", json_feed::write(&info, &articles));
    for warning in loaded
        .feed
        .warnings
        .iter()
        .chain(loaded.feed.skip_summary(&loaded.source.feed).as_ref())
    {
        eprintln!("kabar convert: {warning}");
    }
    Ok(ExitCode::SUCCESS)
}

fn keep(args: &Args) -> Result<Keep, Usage> {
    let limit = match args.option(&["--limit"]) {
        Some(raw) => Some(
            raw.parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| Usage(format!("--limit \"{raw}\" is not a positive number")))?,
        ),
        None => None,
    };
    let since = match args.option(&["--since"]) {
        Some(raw) => Some(Since::parse(raw).ok_or_else(|| {
            Usage(format!(
                "--since \"{raw}\" is neither a number of days (30d) nor a date (2026-11-01)"
            ))
        })?),
        None => None,
    };
    let now_unix = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    Ok(Keep {
        limit,
        since,
        now_unix,
    })
}

/// One source's name, or the sources' names joined (the first few).
fn default_title(loaded: &[Loaded]) -> String {
    const NAMED: usize = 3;
    let names: Vec<&str> = loaded
        .iter()
        .take(NAMED)
        .map(|l| l.source.name.as_str())
        .collect();
    let more = loaded.len().saturating_sub(NAMED);
    if more > 0 {
        format!("{} and {more} more", names.join(", "))
    } else {
        names.join(", ")
    }
}

/// The language every source states, when they all state the same one.
fn common_language(loaded: &[Loaded]) -> Option<String> {
    let first = loaded.first()?.feed.language.clone()?;
    loaded
        .iter()
        .all(|l| l.feed.language.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// Writes beside the target and renames, so a web server never serves half a file.
fn write_output(output: &str, text: &str) -> std::io::Result<()> {
    if output == "-" {
        print!("{text}");
        return Ok(());
    }
    let temporary = format!("{output}.kabar-tmp");
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, output)
}
