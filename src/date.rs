//! Dates: RFC 3339 parsing and human formatting in the widget's language, without the browser.

use crate::i18n::Lang;

/// An instant with the UTC offset the feed wrote it in, so it can be shown in the agency's local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix_seconds: i64,
    /// Offset from UTC in minutes, as written in the feed (0 for `Z` or no offset).
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

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM`, `±HHMM` or no offset
/// (taken as UTC). A space may stand for `T`. Returns `None` for anything else or impossible dates.
pub fn parse_rfc3339(input: &str) -> Option<Timestamp> {
    let s = input.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])?;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month as u32) as i64 {
        return None;
    }
    let (mut hour, mut minute, mut second, mut offset) = (0, 0, 0, 0i64);
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
        offset = parse_offset(&t[i..])?;
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
    }
    let days = days_from_civil(year, month as u32, day as u32);
    let local = days * 86_400 + hour * 3600 + minute * 60 + second.min(59);
    Some(Timestamp {
        unix_seconds: local - offset * 60,
        offset_minutes: offset as i32,
    })
}

/// Parses an RSS date (RFC 822 / RFC 2822): `Thu, 26 Nov 2026 10:30:00 +0700`. The day name is
/// optional, seconds too; the zone may be numeric, `GMT`/`UT`/`Z`, a US zone or an Indonesian
/// one (`WIB`, `WITA`, `WIT`); two-digit years are 19xx/20xx. Indonesian month abbreviations are
/// accepted because some local CMSs translate them.
pub fn parse_rfc822(input: &str) -> Option<Timestamp> {
    let s = input.trim();
    // Drop an optional "Thu," (or "Kamis,") day name.
    let s = match s.split_once(',') {
        Some((day, rest)) if day.chars().all(|c| c.is_ascii_alphabetic()) => rest,
        _ => s,
    };
    let mut parts = s.split_whitespace();
    let day = parts.next()?.parse::<u32>().ok()?;
    let month = month_number(parts.next()?)?;
    let year_text = parts.next()?;
    let year = match (year_text.len(), year_text.parse::<i64>().ok()?) {
        (2, y) if y < 50 => 2000 + y,
        (2, y) => 1900 + y,
        (4, y) => y,
        _ => return None,
    };
    let mut time = parts.next().unwrap_or("00:00").split(':');
    let hour = time.next()?.parse::<i64>().ok()?;
    let minute = time.next()?.parse::<i64>().ok()?;
    let second = time.next().map_or(Some(0), |s| s.parse::<i64>().ok())?;
    let offset = match parts.next() {
        None => 0,
        Some(zone) => zone_offset(zone)?,
    };
    if day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let local =
        days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second.min(59);
    Some(Timestamp {
        unix_seconds: local - offset * 60,
        offset_minutes: offset as i32,
    })
}

/// Any date a feed might carry: RFC 3339 first (JSON Feed, Atom, WordPress), then RFC 822 (RSS).
pub fn parse_date(input: &str) -> Option<Timestamp> {
    parse_rfc3339(input).or_else(|| parse_rfc822(input))
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    const ENGLISH: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let index = match prefix {
        "mei" => 4,
        "agu" | "ags" => 7,
        "okt" => 9,
        "des" => 11,
        _ => ENGLISH.iter().position(|m| *m == prefix)?,
    };
    Some(index as u32 + 1)
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
