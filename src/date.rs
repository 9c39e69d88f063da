//! Dates: parsing what feeds write (RFC 3339, RFC 822, and the forms Indonesian CMSes use) and
//! human formatting in the widget's language, without the browser.

use crate::i18n::Lang;

/// An instant with the UTC offset the feed wrote it in, so it can be shown in the agency's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix_seconds: i64,
    /// Offset from UTC in minutes, as written in the feed (the site's offset when it gave none).
    pub offset_minutes: i32,
}

/// A calendar date in some time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CivilDate {
    /// Full year, e.g. 2023.
    pub year: i64,
    /// Month 1–12.
    pub month: u32,
    /// Day of month 1–31.
    pub day: u32,
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The offset of `Asia/Jakarta` (WIB), the zone of dates that say none unless the feed's zone is
/// set otherwise.
pub const DEFAULT_SITE_OFFSET_MINUTES: i32 = 7 * 60;

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM`, `±HHMM` or no offset
/// (taken as UTC). A space may stand for `T`. Returns `None` for anything else or impossible dates.
pub fn parse_rfc3339(input: &str) -> Option<Timestamp> {
    parse_iso(input, 0)
}

/// [`parse_rfc3339`], with a date that gives no offset read in `site_offset` minutes from UTC.
fn parse_iso(input: &str, site_offset: i32) -> Option<Timestamp> {
    let s = input.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    let (mut hour, mut minute, mut second, mut offset) = (0, 0, 0, i64::from(site_offset));
    let rest = &b[10..];
    if !rest.is_empty() {
        if !(rest[0] == b'T' || rest[0] == b't' || rest[0] == b' ') || rest.len() < 6 {
            return None;
        }
        let t = &rest[1..];
        if t[2] != b':' {
            return None;
        }
        hour = digits(&t[0..2])?;
        minute = digits(&t[3..5])?;
        let mut i = 5;
        if t.len() >= 8 && t[5] == b':' {
            second = digits(&t[6..8])?;
            i = 8;
            if t.len() > i && (t[i] == b'.' || t[i] == b',') {
                i += 1;
                let start = i;
                while i < t.len() && t[i].is_ascii_digit() {
                    i += 1;
                }
                if i == start {
                    return None;
                }
            }
        }
        if i < t.len() {
            offset = parse_offset(&t[i..])?;
        }
    }
    timestamp([year, month, day, hour, minute, second], offset)
}

/// The instant of a local date and time (`[year, month, day, hour, minute, second]`) at an offset
/// in minutes, if it is a real one.
fn timestamp(parts: [i64; 6], offset: i64) -> Option<Timestamp> {
    let [year, month, day, hour, minute, second] = parts;
    if !(1..=12).contains(&month)
        || day < 1
        || day > i64::from(days_in_month(year, month as u32))
        || !(0..=23).contains(&hour)
        || !(0..=59).contains(&minute)
        || !(0..=60).contains(&second)
    {
        return None;
    }
    let local = days_from_civil(year, month as u32, day as u32) * 86_400
        + hour * 3600
        + minute * 60
        + second.min(59);
    Some(Timestamp {
        unix_seconds: local - offset * 60,
        offset_minutes: offset as i32,
    })
}

/// Parses an RSS date (RFC 822 / RFC 2822): `Thu, 26 Nov 2026 10:30:00 +0700`; no zone is UTC.
/// See [`parse_date_in`] for the other forms it accepts.
pub fn parse_rfc822(input: &str) -> Option<Timestamp> {
    parse_day_first(input, 0)
}

/// A date written day first, as RSS and Indonesian CMSes write it: an optional day name
/// (`Thu,`, `Senin,`, `Jum'at`), then `26 Nov 2026`, `24 Nopember 2026`, `24-11-2026` or
/// `24/11/2026`, then an optional time (`10:30`, `10:30:00`, `10.30`, after an optional
/// `pukul`), then an optional zone (numeric, `GMT`/`UT`/`Z`, a US zone, `WIB`/`WITA`/`WIT`).
/// Two-digit years are 19xx/20xx. Without a zone the time is `site_offset` minutes from UTC.
fn parse_day_first(input: &str, site_offset: i32) -> Option<Timestamp> {
    let mut parts = input.split_whitespace().peekable();
    // An optional day name, with or without its comma: "Thu,", "Senin,", "Jum'at".
    if parts.peek().is_some_and(|w| {
        w.trim_end_matches(',')
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == '\'')
    }) {
        parts.next();
    }
    let first = parts.next()?.trim_end_matches(',');
    let numeric: Vec<&str> = first.split(['-', '/', '.']).collect();
    let (day, month, year_text) = match numeric[..] {
        [day, month, year] => (day, month_number(month)?, year),
        [day] => (
            day,
            month_number(parts.next()?.trim_end_matches([',', '.']))?,
            parts.next()?,
        ),
        _ => return None,
    };
    let day = small_number(day)?;
    let year_text = year_text.trim_end_matches(',');
    let year = match (year_text.len(), year_text.parse::<i64>().ok()?) {
        (2, y) if y < 50 => 2000 + y,
        (2, y) => 1900 + y,
        (4, y) => y,
        _ => return None,
    };
    let mut next = parts.next();
    if next.is_some_and(|word| word.eq_ignore_ascii_case("pukul")) {
        next = parts.next();
    }
    let (mut hour, mut minute, mut second) = (0, 0, 0);
    if let Some(time) = next.filter(|t| t.starts_with(|c: char| c.is_ascii_digit())) {
        let mut clock = time.split([':', '.']);
        hour = small_number(clock.next()?)?;
        minute = small_number(clock.next()?)?;
        second = clock.next().map_or(Some(0), small_number)?;
        if clock.next().is_some() {
            return None;
        }
        next = parts.next();
    }
    let offset = match next {
        None => i64::from(site_offset),
        Some(zone) => zone_offset(zone)?,
    };
    if parts.next().is_some() {
        return None;
    }
    timestamp([year, month, day, hour, minute, second], offset)
}

/// One or two digits.
fn small_number(text: &str) -> Option<i64> {
    (1..=2)
        .contains(&text.len())
        .then(|| digits(text.as_bytes()))?
}

/// Any date a feed might carry: RFC 3339 first (JSON Feed, Atom, WordPress), then RFC 822 (RSS);
/// no offset is UTC. Feeds are read with [`parse_date_in`], which knows the site's zone.
pub fn parse_date(input: &str) -> Option<Timestamp> {
    parse_date_in(input, 0)
}

/// Any date a feed might carry, a date or time that gives no offset being the site's local time
/// `site_offset` minutes from UTC: RFC 3339 and a bare MySQL `2026-11-24 10:00:00`, RFC 822, and
/// the forms Indonesian CMSes write (`Senin, 24 November 2026`, `24 Nopember 2026 10.00 WIB`,
/// `24-11-2026 10:00:00`, `24/11/2026`).
pub fn parse_date_in(input: &str, site_offset: i32) -> Option<Timestamp> {
    parse_iso(input, site_offset).or_else(|| parse_day_first(input, site_offset))
}

/// The UTC offset in minutes of a feed's zone as the `feed-timezone` attribute names it: an
/// Indonesian IANA zone (`Asia/Jakarta`, `Asia/Pontianak`, `Asia/Makassar`, `Asia/Jayapura`, none
/// of which has daylight saving time), `UTC`, `WIB`/`WITA`/`WIT`, or a fixed offset (`+07:00`).
pub fn parse_zone(name: &str) -> Option<i32> {
    let name = name.trim();
    let minutes = match name.to_ascii_lowercase().as_str() {
        "asia/jakarta" | "asia/pontianak" => 7 * 60,
        "asia/makassar" | "asia/ujung_pandang" => 8 * 60,
        "asia/jayapura" => 9 * 60,
        "etc/utc" => 0,
        "z" | "" => return None,
        // "+7", "-03": whole hours.
        _ if name.starts_with(['+', '-']) && name.len() <= 3 => {
            small_number(&name[1..]).filter(|h| *h <= 14)?
                * if name.starts_with('-') { -60 } else { 60 }
        }
        _ => zone_offset(name)?,
    };
    i32::try_from(minutes).ok()
}

/// Month names and abbreviations in Indonesian (with the old spellings `Pebruari`, `Nopember`
/// and abbreviations such as `Agu`, `Ags`, `Agt`, `Okt`, `Des`) and English; also `1`–`12`.
fn month_number(name: &str) -> Option<i64> {
    if let Some(number) = small_number(name).filter(|n| (1..=12).contains(n)) {
        return Some(number);
    }
    const NAMES: [&str; 12] = [
        "januari january",
        "februari february pebruari",
        "maret march",
        "april",
        "mei may",
        "juni june",
        "juli july",
        "agustus august ags agt",
        "september",
        "oktober october",
        "november nopember",
        "desember december",
    ];
    let lower = name.to_ascii_lowercase();
    // A name or any abbreviation of at least three letters ("Sep", "Sept", "Nop", "Agus").
    let index = NAMES.iter().position(|names| {
        names
            .split(' ')
            .any(|full| lower.len() >= 3 && full.starts_with(lower.as_str()))
    })?;
    Some(index as i64 + 1)
}

fn zone_offset(zone: &str) -> Option<i64> {
    let hours = match zone.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => 0,
        "WIB" => 7,
        "WITA" => 8,
        "WIT" => 9,
        "EDT" => -4,
        "EST" | "CDT" => -5,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        _ => return parse_offset(zone.as_bytes()),
    };
    Some(hours * 60)
}

fn parse_offset(b: &[u8]) -> Option<i64> {
    match b {
        [] | [b'Z'] | [b'z'] => Some(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] | [sign @ (b'+' | b'-'), h1, h2, m1, m2] => {
            let hours = digits(&[*h1, *h2])?;
            let minutes = digits(&[*m1, *m2])?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = hours * 60 + minutes;
            Some(if *sign == b'-' { -total } else { total })
        }
        _ => None,
    }
}

fn digits(b: &[u8]) -> Option<i64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |acc, d| acc * 10 + i64::from(d - b'0')))
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> CivilDate {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    CivilDate { year, month, day }
}

impl Timestamp {
    /// The calendar date in the offset the feed gave.
    pub fn local_date(&self) -> CivilDate {
        let local = self.unix_seconds + i64::from(self.offset_minutes) * 60;
        civil_from_days(local.div_euclid(86_400))
    }

    /// `YYYY-MM-DD` of the local date, for `<time datetime>`.
    pub fn iso_date(&self) -> String {
        let d = self.local_date();
        format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
    }

    /// The instant in UTC as RFC 3339 (`2026-11-26T02:15:00Z`), for the JS API.
    pub fn rfc3339_utc(&self) -> String {
        let d = civil_from_days(self.unix_seconds.div_euclid(86_400));
        let seconds = self.unix_seconds.rem_euclid(86_400);
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            d.year,
            d.month,
            d.day,
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }
}

/// How long ago, in the unit a person would say it: `(value, unit)` for
/// `Intl.RelativeTimeFormat` (value negative for the past), or `None` after a week, when a date
/// reads better. Times slightly in the future (clock skew) count as now.
pub fn relative_unit(seconds_ago: i64) -> Option<(i64, &'static str)> {
    let ago = seconds_ago.max(0);
    match ago {
        0..=59 => Some((0, "second")),
        60..=3_599 => Some((-(ago / 60), "minute")),
        3_600..=86_399 => Some((-(ago / 3_600), "hour")),
        86_400..=604_799 => Some((-(ago / 86_400), "day")),
        _ => None,
    }
}

/// Formats a date as a reader expects it: "25 Mei 2023" in Indonesian, "May 25, 2023" in English.
pub fn format_date(ts: &Timestamp, lang: Lang) -> String {
    let d = ts.local_date();
    let index = (d.month as usize).saturating_sub(1).min(11);
    match lang {
        Lang::Id => format!("{} {} {}", d.day, MONTHS_ID[index], d.year),
        Lang::En => format!("{} {}, {}", MONTHS_EN[index], d.day, d.year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_offsets_and_keeps_the_local_date() {
        let ts = parse_rfc3339("2023-05-25T08:30:00+07:00").expect("valid");
        assert_eq!(ts.unix_seconds, 1_684_978_200);
        assert_eq!(ts.offset_minutes, 420);
        // 01:30 UTC is still the 25th in Jakarta.
        let late = parse_rfc3339("2023-05-25T00:30:00+07:00").expect("valid");
        assert_eq!(late.iso_date(), "2023-05-25");
    }

    #[test]
    fn parses_variants() {
        assert!(parse_rfc3339("2023-05-25").is_some());
        assert!(parse_rfc3339("2023-05-25 08:30:00Z").is_some());
        assert!(parse_rfc3339("2023-05-25T08:30:00.123456-0500").is_some());
        assert!(parse_rfc3339("2024-02-29T00:00:00Z").is_some());
        assert_eq!(
            parse_rfc3339("1970-01-01T00:00:00Z").map(|t| t.unix_seconds),
            Some(0)
        );
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "kemarin",
            "2023-13-01",
            "2023-02-29",
            "2023-05-25T25:00:00Z",
            "2023-05-25T08:30:00+7",
            "2023/05/25",
            "2023-05-25T08:30:00.Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn parses_rss_dates() {
        let jakarta = parse_rfc822("Thu, 26 Nov 2026 10:30:00 +0700").expect("valid");
        assert_eq!(
            jakarta,
            parse_rfc3339("2026-11-26T10:30:00+07:00").expect("valid")
        );
        assert_eq!(
            parse_rfc822("26 Nov 2026 10:30 WIB"),
            Some(jakarta).map(|t| Timestamp {
                unix_seconds: t.unix_seconds,
                offset_minutes: 420
            })
        );
        assert_eq!(
            parse_rfc822("Thu, 26 Nov 2026 03:30:00 GMT").map(|t| t.unix_seconds),
            Some(jakarta.unix_seconds)
        );
        assert_eq!(
            parse_rfc822("Wed, 25 Nov 2026 22:30:00 EST").map(|t| t.unix_seconds),
            Some(jakarta.unix_seconds)
        );
        assert_eq!(
            parse_rfc822("Kamis, 26 Des 2026 10:30:00 WITA").map(|t| t.iso_date()),
            Some("2026-12-26".into())
        );
        assert_eq!(
            parse_rfc822("1 Jan 99 00:00:00 +0000").map(|t| t.iso_date()),
            Some("1999-01-01".into())
        );
        assert_eq!(
            parse_date("2026-11-26T10:30:00+07:00"),
            parse_date("Thu, 26 Nov 2026 10:30:00 +0700")
        );
        for bad in [
            "",
            "Thu, 31 Nov 2026 10:00:00 +0700",
            "26 Foo 2026",
            "26 Nov 2026 10:30 XYZ",
            "kemarin",
        ] {
            assert_eq!(parse_rfc822(bad), None, "{bad}");
        }
    }

    /// The RFC 3339 instant of a local time in Jakarta, for comparisons.
    fn wib(local: &str) -> Option<Timestamp> {
        parse_rfc3339(&format!("{local}+07:00"))
    }

    #[test]
    fn reads_the_dates_indonesian_cmses_write() {
        const WIB: i32 = DEFAULT_SITE_OFFSET_MINUTES;
        for (written, local) in [
            ("24 November 2026", "2026-11-24T00:00:00"),
            ("Selasa, 24 November 2026", "2026-11-24T00:00:00"),
            ("Jum'at, 27 Nopember 2026 08:15", "2026-11-27T08:15:00"),
            ("Jumat 27 Nop 2026", "2026-11-27T00:00:00"),
            ("3 Pebruari 2025 pukul 09.30 WIB", "2025-02-03T09:30:00"),
            ("3 Februari 2025", "2025-02-03T00:00:00"),
            ("17 Agustus 2025", "2025-08-17T00:00:00"),
            ("17 Agu 2025", "2025-08-17T00:00:00"),
            ("17 Ags 2025", "2025-08-17T00:00:00"),
            ("17 Agt 2025", "2025-08-17T00:00:00"),
            ("5 Okt 2025", "2025-10-05T00:00:00"),
            ("31 Des 2025", "2025-12-31T00:00:00"),
            ("31 Desember 2025", "2025-12-31T00:00:00"),
            ("2 Mei 2025", "2025-05-02T00:00:00"),
            ("2 Juni 2025", "2025-06-02T00:00:00"),
            ("2 Jun 2025", "2025-06-02T00:00:00"),
            ("2 Juli 2025", "2025-07-02T00:00:00"),
            ("2 Jul 2025", "2025-07-02T00:00:00"),
            ("2 Maret 2025", "2025-03-02T00:00:00"),
            ("2 Mar 2025", "2025-03-02T00:00:00"),
            ("2 Januari 2025", "2025-01-02T00:00:00"),
            ("2 Jan 2025", "2025-01-02T00:00:00"),
            ("24-11-2026 10:00:00", "2026-11-24T10:00:00"),
            ("24-11-2026 10:00", "2026-11-24T10:00:00"),
            ("24-11-2026", "2026-11-24T00:00:00"),
            ("24/11/2026", "2026-11-24T00:00:00"),
            ("4/1/2026 7:05", "2026-01-04T07:05:00"),
            ("2026-11-24 10:00:00", "2026-11-24T10:00:00"),
            ("2026-11-24", "2026-11-24T00:00:00"),
        ] {
            assert_eq!(parse_date_in(written, WIB), wib(local), "{written}");
        }
    }

    #[test]
    fn a_date_without_an_offset_is_the_sites_time_and_a_given_zone_wins() {
        const MAKASSAR: i32 = 8 * 60;
        let at = |s: &str| parse_rfc3339(s);
        assert_eq!(
            parse_date_in("2026-11-24 10:00:00", MAKASSAR),
            at("2026-11-24T10:00:00+08:00")
        );
        assert_eq!(
            parse_date_in("24-11-2026 10:00 WIT", MAKASSAR),
            at("2026-11-24T10:00:00+09:00")
        );
        assert_eq!(
            parse_date_in("24 November 2026 10.00 WITA", 0),
            at("2026-11-24T10:00:00+08:00")
        );
        assert_eq!(
            parse_date_in("24 November 2026 WIB", 0),
            at("2026-11-24T00:00:00+07:00")
        );
        assert_eq!(
            parse_date_in("2026-11-24T10:00:00Z", MAKASSAR),
            at("2026-11-24T10:00:00Z")
        );
        assert_eq!(
            parse_date_in("Tue, 24 Nov 2026 10:00:00", MAKASSAR),
            at("2026-11-24T10:00:00+08:00")
        );
        // Bare dates keep their calendar day in the site's zone.
        assert_eq!(
            parse_date_in("24 November 2026", MAKASSAR).map(|t| t.iso_date()),
            Some("2026-11-24".into())
        );
        // The UTC readings stay for callers that ask for them.
        assert_eq!(
            parse_date("2026-11-24 10:00:00"),
            at("2026-11-24T10:00:00Z")
        );
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "31-11-2026",
            "24-13-2026",
            "24/11/26/1",
            "24 Nopember",
            "24 Ma 2026",
            "Senin",
            "24-11-2026 25:00",
            "24-11-2026 10:00:00:00",
            "24 November 2026 10:00 WIB extra",
            "2026/11/24",
            "1234-11-2026",
        ] {
            assert_eq!(
                parse_date_in(bad, DEFAULT_SITE_OFFSET_MINUTES),
                None,
                "{bad}"
            );
        }
    }

    #[test]
    fn names_the_feeds_zone() {
        for (name, minutes) in [
            ("Asia/Jakarta", Some(420)),
            ("asia/pontianak", Some(420)),
            ("Asia/Makassar", Some(480)),
            ("Asia/Jayapura", Some(540)),
            ("UTC", Some(0)),
            ("+07:00", Some(420)),
            ("+0800", Some(480)),
            ("+9", Some(540)),
            ("-03:30", Some(-210)),
            ("WITA", Some(480)),
            ("Asia/Tokyo", None),
            ("Jakarta", None),
            ("+25:00", None),
            ("", None),
        ] {
            assert_eq!(parse_zone(name), minutes, "{name}");
        }
    }

    #[test]
    fn utc_rfc3339() {
        let ts = parse_rfc3339("2026-11-26T09:15:07+07:00").expect("valid");
        assert_eq!(ts.rfc3339_utc(), "2026-11-26T02:15:07Z");
        assert_eq!(
            parse_rfc3339("1969-12-31T23:59:59Z")
                .map(|t| t.rfc3339_utc())
                .as_deref(),
            Some("1969-12-31T23:59:59Z")
        );
    }

    #[test]
    fn relative_units() {
        assert_eq!(relative_unit(-30), Some((0, "second")));
        assert_eq!(relative_unit(59), Some((0, "second")));
        assert_eq!(relative_unit(61), Some((-1, "minute")));
        assert_eq!(relative_unit(2 * 3600 + 5), Some((-2, "hour")));
        assert_eq!(relative_unit(86_400), Some((-1, "day")));
        assert_eq!(relative_unit(6 * 86_400), Some((-6, "day")));
        assert_eq!(relative_unit(7 * 86_400), None);
    }

    #[test]
    fn formats_in_both_languages() {
        let ts = parse_rfc3339("2023-05-25T08:30:00+07:00").expect("valid");
        assert_eq!(format_date(&ts, Lang::Id), "25 Mei 2023");
        assert_eq!(format_date(&ts, Lang::En), "May 25, 2023");
        let dec = parse_rfc3339("1999-12-31T23:59:59Z").expect("valid");
        assert_eq!(format_date(&dec, Lang::Id), "31 Desember 1999");
    }
}
