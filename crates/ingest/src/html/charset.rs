//! Byte decoding: BOM, then a declared charset (`<meta charset>`, `http-equiv`),
//! then UTF-8 validity, then chardetng's guess. Invalid bytes become U+FFFD.

use encoding_rs::{Encoding, UTF_8};

/// How far into the page a `<meta charset>` declaration is looked for.
const PRESCAN: usize = 8192;

/// Decodes an HTML page to text; never fails (bad bytes become U+FFFD).
pub fn decode(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc);
    }
    let enc = declared(&bytes[..bytes.len().min(PRESCAN)])
        // A page declared as UTF-16 but without a BOM is almost always ASCII-compatible.
        .filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE)
        .unwrap_or_else(|| sniff(bytes));
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc)
}

fn sniff(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(&bytes[..bytes.len().min(1 << 20)], true);
    det.guess(None, true)
}

/// Finds `charset=LABEL` inside a `<meta …>` tag of the prescan window.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut i = c + 7;
            while i < tag.len() && tag[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < tag.len() && tag[i] == b'=' {
                i += 1;
                while i < tag.len() && matches!(tag[i], b' ' | b'"' | b'\'') {
                    i += 1;
                }
                let j = tag[i..]
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .map_or(tag.len(), |p| i + p);
                if let Some(enc) = Encoding::for_label(&tag[i..j]) {
                    return Some(enc);
                }
            }
        }
        from = end.max(start + 5);
        if from >= lower.len() {
            break;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_meta_and_sniffing() {
        let (t, e) = decode(b"\xEF\xBB\xBFhi \xC3\xA9");
        assert_eq!((t.as_str(), e), ("hi é", UTF_8));
        let (t, e) = decode(b"<meta charset=\"iso-8859-1\"><p>caf\xE9</p>");
        assert_eq!(e.name(), "windows-1252");
        assert!(t.contains("café"));
        let (t, _) = decode(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\xcf\xf0\xe8\xe2\xe5\xf2",
        );
        assert!(t.contains("Привет"));
        let (t, _) = decode(b"plain \xff\xfe\x00 text");
        assert!(!t.is_empty());
    }
}
