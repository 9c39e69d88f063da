//! Checks for the attribute values that reach the widget's stylesheet: ratios and CSS lengths.

/// `16/9`, `4:3`, `1.5` or `1`: a width/height ratio with both sides from 1 to 100 (decimals
/// are scaled to whole numbers).
pub fn parse_ratio(raw: &str) -> Option<(u32, u32)> {
    let raw = raw.trim();
    let (w, h) = raw
        .split_once(['/', ':'])
        .map_or((raw, "1"), |(w, h)| (w.trim(), h.trim()));
    let scaled = |v: &str| -> Option<u32> {
        let (whole, fraction) = v.split_once('.').unwrap_or((v, ""));
        if whole.is_empty()
            || fraction.len() > 2
            || !whole
                .bytes()
                .chain(fraction.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let digits = format!("{whole}{fraction:0<2}");
        digits
            .parse::<u32>()
            .ok()
            .filter(|n| (100..=10_000).contains(n))
    };
    Some((scaled(w)?, scaled(h)?))
}

/// A positive CSS length in `px`, `rem`, `em` or `ch` (nothing else can reach the stylesheet).
pub fn css_length(raw: &str) -> Option<String> {
    let raw = raw.trim().to_ascii_lowercase();
    let unit_start = raw.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = raw.split_at(unit_start);
    let valid_number = !number.is_empty()
        && number.len() <= 6
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && number.bytes().filter(|b| *b == b'.').count() <= 1
        && number.bytes().any(|b| b != b'0' && b != b'.');
    (valid_number && matches!(unit, "px" | "rem" | "em" | "ch")).then_some(raw)
}
