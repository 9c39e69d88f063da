//! A minimal zip writer (deflate, UTF-8 names, fixed 1980-01-01 timestamps so the same files give
//! the same zip): all a release needs, with the `flate2` xtask already has, and no zip crate.

use std::io::Write;

/// DOS date of 1980-01-01, the earliest a zip can say; the files' own times would only make
/// two builds of the same release differ.
const DOS_DATE: u16 = (1 << 5) | 1;
/// General-purpose flag: file names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
/// Compression method 8, deflate.
const DEFLATE: u16 = 8;
/// "Made by" Unix (3), spec version 2.0, so the external attributes carry file modes.
const MADE_BY_UNIX: u16 = (3 << 8) | 20;

/// A zip archive of `files` (path inside the archive, contents), in that order.
pub fn archive(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, contents) in files {
        let mut crc = flate2::Crc::new();
        crc.update(contents);
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        encoder
            .write_all(contents)
            .and_then(|_| encoder.finish())
            .map(|compressed| (compressed, crc.sum()))
            .and_then(|(compressed, crc)| {
                let offset = size32(out.len())?;
                let header = Header {
                    name,
                    crc,
                    compressed: size32(compressed.len())?,
                    size: size32(contents.len())?,
                };
                header.write_local(&mut out);
                out.extend_from_slice(&compressed);
                header.write_central(&mut central, offset);
                Ok(())
            })
            .map_err(|e| format!("cannot zip {name}: {e}"))?;
    }
    let central_offset = size32(out.len()).map_err(|e| e.to_string())?;
    let central_size = size32(central.len()).map_err(|e| e.to_string())?;
    let count = u16::try_from(files.len()).map_err(|_| "too many files for a zip".to_string())?;
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // the disk where the directory starts
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0); // comment length
    Ok(out)
}

struct Header<'a> {
    name: &'a str,
    crc: u32,
    compressed: u32,
    size: u32,
}

impl Header<'_> {
    /// The fields the local header and the central directory share, from "version needed" on.
    fn write_common(&self, out: &mut Vec<u8>) {
        put16(out, 20); // version needed: deflate
        put16(out, UTF8_NAMES);
        put16(out, DEFLATE);
        put16(out, 0); // time 00:00
        put16(out, DOS_DATE);
        put32(out, self.crc);
        put32(out, self.compressed);
        put32(out, self.size);
        put16(out, self.name.len() as u16);
        put16(out, 0); // extra field length
    }

    fn write_local(&self, out: &mut Vec<u8>) {
        put32(out, 0x0403_4b50);
        self.write_common(out);
        out.extend_from_slice(self.name.as_bytes());
    }

    fn write_central(&self, out: &mut Vec<u8>, offset: u32) {
        put32(out, 0x0201_4b50);
        put16(out, MADE_BY_UNIX);
        self.write_common(out);
        put16(out, 0); // comment length
        put16(out, 0); // disk number
        put16(out, 0); // internal attributes
        put32(out, 0o100_644 << 16); // a regular file, rw-r--r--
        put32(out, offset);
        out.extend_from_slice(self.name.as_bytes());
    }
}

fn size32(n: usize) -> std::io::Result<u32> {
    u32::try_from(n).map_err(|_| std::io::Error::other("over 4 GB: zip64 is not written"))
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::archive;
    use std::io::Read;

    fn u32_at(bytes: &[u8], at: usize) -> u32 {
        u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
    }

    #[test]
    fn entries_inflate_back_and_the_directory_counts_them() {
        let text = "Berita desa: panen padi melimpah tahun ini. ".repeat(20);
        let files = vec![
            ("kabar-0.1.0/a.txt".to_string(), text.clone().into_bytes()),
            ("kabar-0.1.0/b.bin".to_string(), vec![0, 1, 2, 255]),
        ];
        let zip = archive(&files).unwrap();
        // End of central directory: 22 bytes, two entries.
        let end = zip.len() - 22;
        assert_eq!(u32_at(&zip, end), 0x0605_4b50);
        assert_eq!(u16::from_le_bytes([zip[end + 10], zip[end + 11]]), 2);
        // The first entry: local header, name, deflated data that inflates to the text.
        assert_eq!(u32_at(&zip, 0), 0x0403_4b50);
        let compressed = u32_at(&zip, 18) as usize;
        assert!(compressed < text.len(), "deflate made it smaller");
        let data = &zip[30 + 17..30 + 17 + compressed];
        let mut inflated = String::new();
        flate2::read::DeflateDecoder::new(data)
            .read_to_string(&mut inflated)
            .unwrap();
        assert_eq!(inflated, text);
        let mut crc = flate2::Crc::new();
        crc.update(text.as_bytes());
        assert_eq!(u32_at(&zip, 14), crc.sum());
    }
}
