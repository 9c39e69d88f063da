//! Colours for `accent`: parsing, WCAG contrast, and readable text on and beside the accent.

/// An sRGB colour, 0–255 per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Black, for text on light accents.
pub const BLACK: Rgb = Rgb(0, 0, 0);
/// White, for text on dark accents.
pub const WHITE: Rgb = Rgb(255, 255, 255);
/// The light theme's card surface.
pub const LIGHT_SURFACE: Rgb = Rgb(255, 255, 255);
/// The dark theme's card surface.
pub const DARK_SURFACE: Rgb = Rgb(0x16, 0x20, 0x2c);
/// WCAG AA contrast for body text.
pub const TEXT_CONTRAST: f64 = 4.5;

/// Named colours a webmaster is likely to type; anything else must be `#rgb`, `#rrggbb` or `rgb()`.
const NAMED: &[(&str, Rgb)] = &[
    ("black", Rgb(0, 0, 0)),
    ("white", Rgb(255, 255, 255)),
    ("red", Rgb(255, 0, 0)),
    ("darkred", Rgb(139, 0, 0)),
    ("maroon", Rgb(128, 0, 0)),
    ("crimson", Rgb(220, 20, 60)),
    ("orange", Rgb(255, 165, 0)),
    ("gold", Rgb(255, 215, 0)),
    ("yellow", Rgb(255, 255, 0)),
    ("green", Rgb(0, 128, 0)),
    ("darkgreen", Rgb(0, 100, 0)),
    ("teal", Rgb(0, 128, 128)),
    ("blue", Rgb(0, 0, 255)),
    ("navy", Rgb(0, 0, 128)),
    ("darkblue", Rgb(0, 0, 139)),
    ("royalblue", Rgb(65, 105, 225)),
    ("purple", Rgb(128, 0, 128)),
    ("brown", Rgb(165, 42, 42)),
    ("gray", Rgb(128, 128, 128)),
    ("grey", Rgb(128, 128, 128)),
];

impl Rgb {
    /// Reads `#rgb`, `#rrggbb`, `rgb(r, g, b)` / `rgb(r g b)` or a common colour name.
    pub fn parse(value: &str) -> Option<Rgb> {
        let value = value.trim().to_ascii_lowercase();
        if let Some(hex) = value.strip_prefix('#') {
            let digit = |i: usize| u8::from_str_radix(hex.get(i..i + 1)?, 16).ok();
            return match hex.len() {
                3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
                6 => {
                    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
                    Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
                }
                _ => None,
            };
        }
        if let Some(inner) = value
            .strip_prefix("rgb(")
            .and_then(|rest| rest.strip_suffix(')'))
        {
            let channels: Vec<u8> = inner
                .split([',', ' '])
                .filter(|part| !part.is_empty())
                .map(|part| part.parse::<u8>().ok())
                .collect::<Option<_>>()?;
            return match channels[..] {
                [r, g, b] => Some(Rgb(r, g, b)),
                _ => None,
            };
        }
        NAMED
            .iter()
            .find(|(name, _)| *name == value)
            .map(|(_, rgb)| *rgb)
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// WCAG relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |channel: u8| {
            let c = f64::from(channel) / 255.0;
            if c <= 0.040_45 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// WCAG contrast ratio with another colour, 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Black or white, whichever reads better on this colour (text on accent buttons).
    pub fn text_on(self) -> Rgb {
        if self.contrast(BLACK) >= self.contrast(WHITE) {
            BLACK
        } else {
            WHITE
        }
    }

    /// This colour, mixed towards black or white (away from `background`) just enough to reach
    /// text contrast on it: accent-coloured links and labels stay readable.
    pub fn readable_on(self, background: Rgb) -> Rgb {
        let target = background.text_on();
        let mix = |t: f64| {
            let channel = |from: u8, to: u8| {
                (f64::from(from) + (f64::from(to) - f64::from(from)) * t).round() as u8
            };
            Rgb(
                channel(self.0, target.0),
                channel(self.1, target.1),
                channel(self.2, target.2),
            )
        };
        (0..=20)
            .map(|step| mix(f64::from(step) / 20.0))
            .find(|colour| colour.contrast(background) >= TEXT_CONTRAST)
            .unwrap_or(target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_notations() {
        assert_eq!(Rgb::parse("#0B5CAD"), Some(Rgb(11, 92, 173)));
        assert_eq!(Rgb::parse(" #fc0 "), Some(Rgb(255, 204, 0)));
        assert_eq!(Rgb::parse("rgb(0, 128, 255)"), Some(Rgb(0, 128, 255)));
        assert_eq!(Rgb::parse("rgb(0 128 255)"), Some(Rgb(0, 128, 255)));
        assert_eq!(Rgb::parse("Teal"), Some(Rgb(0, 128, 128)));
        for bad in [
            "",
            "#12",
            "#ggg",
            "rgb(1,2)",
            "rgb(300,0,0)",
            "hijau",
            "url(x)",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb(11, 92, 173).hex(), "#0b5cad");
    }

    #[test]
    fn contrast_matches_wcag() {
        assert!((BLACK.contrast(WHITE) - 21.0).abs() < 1e-9);
        assert!((Rgb(0x76, 0x76, 0x76).contrast(WHITE) - 4.54).abs() < 0.01);
    }

    #[test]
    fn text_on_accent_is_black_or_white_by_contrast() {
        assert_eq!(Rgb::parse("#0b5cad").map(Rgb::text_on), Some(WHITE));
        assert_eq!(Rgb::parse("yellow").map(Rgb::text_on), Some(BLACK));
        assert_eq!(Rgb::parse("#ffcc00").map(Rgb::text_on), Some(BLACK));
        for accent in ["#0b5cad", "yellow", "#808080", "teal", "crimson", "#7db9ff"] {
            let accent = Rgb::parse(accent).expect("valid");
            assert!(accent.contrast(accent.text_on()) >= 4.5, "{accent:?}");
        }
    }

    #[test]
    fn accent_text_is_adjusted_until_readable() {
        let yellow = Rgb::parse("yellow").expect("valid");
        let on_light = yellow.readable_on(LIGHT_SURFACE);
        assert!(on_light.contrast(LIGHT_SURFACE) >= TEXT_CONTRAST);
        assert!(
            on_light.0 > 0,
            "darkened, not replaced by black: {on_light:?}"
        );
        // A dark accent is already readable on white and stays as it is; on the dark surface it
        // is lightened.
        let navy = Rgb::parse("navy").expect("valid");
        assert_eq!(navy.readable_on(LIGHT_SURFACE), navy);
        assert!(navy.readable_on(DARK_SURFACE).contrast(DARK_SURFACE) >= TEXT_CONTRAST);
    }
}
