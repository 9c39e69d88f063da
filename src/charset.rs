//! Which character encoding a feed's bytes are in, and decoding the few that matter natively.
//!
//! The order is the one browsers and feed readers use: a byte order mark, then the HTTP
//! `Content-Type` charset, then the XML declaration's `encoding` (read from ASCII-compatible
//! bytes, or recognised from the UTF-16/UTF-32 byte patterns of `<?`), then UTF-8. Labels are
//! normalised as the WHATWG Encoding standard does (`latin1`, `iso-8859-1` and `us-ascii` all
//! mean windows-1252). In the widget the browser's `TextDecoder` decodes everything but UTF-32,
//! which it does not support; [`decode`] covers the encodings tests and a native tool need.

/// A character encoding, as far as Kabar tells them apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Charset {
    /// UTF-8 (also the default).
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// UTF-32, little-endian (decoded by Kabar itself: `TextDecoder` has no UTF-32).
    Utf32Le,
    /// UTF-32, big-endian.
    Utf32Be,
    /// windows-1252, which is what ISO-8859-1, latin1 and US-ASCII labels mean on the web.
    Windows1252,
    /// Any other label, lowercased, left to the browser's `TextDecoder`.
    Other(String),
}

impl Charset {
    /// The WHATWG encoding label for `TextDecoder`.
    pub fn label(&self) -> &str {
        match self {
            Charset::Utf8 => "utf-8",
            Charset::Utf16Le => "utf-16le",
            Charset::Utf16Be => "utf-16be",
            Charset::Utf32Le => "utf-32le",
            Charset::Utf32Be => "utf-32be",
            Charset::Windows1252 => "windows-1252",
            Charset::Other(label) => label,
        }
    }

    /// Whether `TextDecoder` cannot decode it, so Kabar decodes it with [`decode`].
    pub fn is_utf32(&self) -> bool {
        matches!(self, Charset::Utf32Le | Charset::Utf32Be)
    }

    /// Whether it is UTF-16 or UTF-32, which no ASCII-compatible document can be.
    fn is_wide(&self) -> bool {
        matches!(
            self,
            Charset::Utf16Le | Charset::Utf16Be | Charset::Utf32Le | Charset::Utf32Be
        )
    }

    /// Reads a label (`ISO-8859-1`, `"utf-8"`, `UTF-16`); `None` when blank. `utf-16` without
    /// an order means little-endian, as in WHATWG; `utf-32` is settled by [`detect`].
    pub fn from_label(label: &str) -> Option<Charset> {
        let label = label
            .trim()
            .trim_matches(['"', '\''])
            .trim()
            .to_ascii_lowercase();
        Some(match label.as_str() {
            "" => return None,
            // Rarer UTF-8 labels stay `Other`: `TextDecoder` knows them all.
            "utf-8" | "utf8" | "unicode-1-1-utf-8" => Charset::Utf8,
            "utf-16" | "utf-16le" | "ucs-2" | "unicode" | "csunicode" | "iso-10646-ucs-2"
            | "unicodefeff" => Charset::Utf16Le,
            "utf-16be" | "unicodefffe" => Charset::Utf16Be,
            "utf-32" | "utf-32le" | "ucs-4" | "iso-10646-ucs-4" => Charset::Utf32Le,
            "utf-32be" => Charset::Utf32Be,
            "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "iso88591"
            | "iso_8859-1" | "iso_8859-1:1987" | "latin1" | "l1" | "cp819" | "ibm819"
            | "iso-ir-100" | "csisolatin1" | "us-ascii" | "ascii" | "ansi_x3.4-1968" => {
                Charset::Windows1252
            }
            _ => Charset::Other(label),
        })
    }
}

/// The encoding of a response body, from its bytes and its `Content-Type` header.
pub fn detect(bytes: &[u8], content_type: Option<&str>) -> Charset {
    if let Some((charset, _)) = from_bom(bytes) {
        return charset;
    }
    let pattern = from_pattern(bytes);
    let charset = match (content_type.and_then(header_charset), &pattern) {
        // A bare `utf-16`/`utf-32` label takes its byte order from the bytes.
        (Some(Charset::Utf16Le), Some(Charset::Utf16Be)) => Charset::Utf16Be,
        (Some(Charset::Utf32Le), Some(Charset::Utf32Be)) => Charset::Utf32Be,
        (Some(declared), _) => declared,
        (None, Some(Charset::Utf8) | None) => {
            match declaration(bytes).and_then(|label| Charset::from_label(&label)) {
                // A declaration read as ASCII cannot honestly claim UTF-16 or UTF-32.
                Some(wide) if wide.is_wide() => Charset::Utf8,
                Some(declared) => declared,
                None => Charset::Utf8,
            }
        }
        // The declaration is in UTF-16/32 bytes; the pattern already says which.
        (None, Some(pattern)) => pattern.clone(),
    };
    // PHP sites often send `charset=ISO-8859-1` over UTF-8 text (an old default). Text in
    // windows-1252 that is also valid UTF-8 with multi-byte sequences practically never happens.
    if charset == Charset::Windows1252 && !bytes.is_ascii() && decode_utf8(bytes).1 {
        return Charset::Utf8;
    }
    charset
}

fn from_bom(bytes: &[u8]) -> Option<(Charset, usize)> {
    // UTF-32LE's mark starts with UTF-16LE's, so it is checked first.
    Some(match bytes {
        [0xFF, 0xFE, 0, 0, ..] => (Charset::Utf32Le, 4),
        [0, 0, 0xFE, 0xFF, ..] => (Charset::Utf32Be, 4),
        [0xEF, 0xBB, 0xBF, ..] => (Charset::Utf8, 3),
        [0xFF, 0xFE, ..] => (Charset::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (Charset::Utf16Be, 2),
        _ => return None,
    })
}

/// The encoding shown by how the first `<` is written (XML 1.0 appendix F).
fn from_pattern(bytes: &[u8]) -> Option<Charset> {
    Some(match bytes {
        [0x3C, 0, 0, 0, ..] => Charset::Utf32Le,
        [0, 0, 0, 0x3C, ..] => Charset::Utf32Be,
        [0x3C, 0, _, 0, ..] => Charset::Utf16Le,
        [0, 0x3C, 0, _, ..] => Charset::Utf16Be,
        [0x3C, 0x3F, 0x78, 0x6D, ..] => Charset::Utf8,
        _ => return None,
    })
}

/// The `charset` parameter of a `Content-Type` header value.
fn header_charset(content_type: &str) -> Option<Charset> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| Charset::from_label(value))
            .flatten()
    })
}

/// The `encoding` of an XML declaration at the start of ASCII-compatible bytes.
fn declaration(bytes: &[u8]) -> Option<String> {
    let start = &bytes[..bytes.len().min(1024)];
    let end = start.windows(2).position(|pair| pair == b"?>")?;
    // Read as Latin-1: the declaration is ASCII, and std's UTF-8 check costs wasm bytes.
    let declaration: String = start[..end].iter().map(|&b| char::from(b)).collect();
    let declaration = declaration.strip_prefix("<?xml")?;
    let after = &declaration[declaration.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let value = &after[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// The bytes after a byte order mark, if there is one.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    let (_, length) = from_bom(bytes).unwrap_or((Charset::Utf8, 0));
    &bytes[length..]
}

/// Decodes bytes natively: UTF-8, UTF-16, UTF-32 and windows-1252, with U+FFFD for what is
/// malformed and a byte order mark dropped; `None` for any other encoding.
pub fn decode(bytes: &[u8], charset: &Charset) -> Option<String> {
    let body = without_bom(bytes);
    Some(match charset {
        Charset::Utf8 => decode_utf8(body).0,
        Charset::Utf16Le | Charset::Utf16Be => {
            let units = body.chunks(2).map(|pair| match (charset, pair) {
                (Charset::Utf16Le, [low, high]) => u16::from_le_bytes([*low, *high]),
                (_, [high, low]) => u16::from_be_bytes([*high, *low]),
                _ => 0xFFFD,
            });
            char::decode_utf16(units)
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect()
        }
        Charset::Utf32Le | Charset::Utf32Be => decode_utf32(body, *charset == Charset::Utf32Le),
        Charset::Windows1252 => body.iter().map(|&b| windows_1252(b)).collect(),
        Charset::Other(_) => return None,
    })
}

/// UTF-8 with U+FFFD for each malformed byte, and whether there was none. Hand-written: std's
/// validator and lossy decoder would cost the widget's wasm 2 KB for this one use.
pub fn decode_utf8(bytes: &[u8]) -> (String, bool) {
    let mut out = String::with_capacity(bytes.len());
    let mut clean = true;
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        let (length, least, mut code) = match lead {
            0..=0x7F => (1, 0, u32::from(lead)),
            0xC2..=0xDF => (2, 0x80, u32::from(lead & 0x1F)),
            0xE0..=0xEF => (3, 0x800, u32::from(lead & 0x0F)),
            0xF0..=0xF4 => (4, 0x1_0000, u32::from(lead & 0x07)),
            _ => (0, 0, 0),
        };
        let tail = bytes.get(at + 1..at + length.max(1)).unwrap_or(&[0]);
        let mut ok = length > 0 && tail.len() + 1 == length;
        for &byte in tail {
            ok &= byte & 0xC0 == 0x80;
            code = (code << 6) | u32::from(byte & 0x3F);
        }
        match char::from_u32(code).filter(|_| ok && code >= least) {
            Some(c) => {
                out.push(c);
                at += length;
            }
            None => {
                out.push(char::REPLACEMENT_CHARACTER);
                clean = false;
                at += 1;
            }
        }
    }
    (out, clean)
}

/// UTF-32 (a BOM, if any, already removed): four bytes per character.
pub fn decode_utf32(bytes: &[u8], little_endian: bool) -> String {
    bytes
        .chunks(4)
        .map(|quad| {
            let quad: [u8; 4] = quad.try_into().unwrap_or([0xFF; 4]);
            let value = if little_endian {
                u32::from_le_bytes(quad)
            } else {
                u32::from_be_bytes(quad)
            };
            char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect()
}

/// windows-1252's characters for 0x80–0x9F; the other bytes are their Latin-1 code points.
const WINDOWS_1252_HIGH: [u16; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

fn windows_1252(byte: u8) -> char {
    let code = match byte {
        0x80..=0x9F => u32::from(WINDOWS_1252_HIGH[usize::from(byte - 0x80)]),
        _ => u32::from(byte),
    };
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Detects and decodes natively (for tests and a native tool): UTF-8 for encodings [`decode`]
/// does not cover.
pub fn decode_detected(bytes: &[u8], content_type: Option<&str>) -> String {
    let charset = detect(bytes, content_type);
    decode(bytes, &charset).unwrap_or_else(|| decode_utf8(bytes).0)
}
