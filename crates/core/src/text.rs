//! Conversion between code-point offsets (the public unit) and byte offsets
//! (what Rust string slicing needs).

use crate::Span;

/// Writes `s` lowercased into `out` (cleared first): a byte copy for ASCII,
/// Unicode lowercasing otherwise. Callers keep `out` from word to word, so
/// lowercasing every token of a document allocates nothing.
pub fn lowercase_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        out.extend(s.chars().flat_map(char::to_lowercase));
    }
}

/// Maps code-point offsets to byte offsets for one text.
///
/// ASCII texts (most news) need no table: offsets are identical. Otherwise a
/// table of one `u32` per code point is built once, so every lookup is O(1).
#[derive(Debug, Clone, Default)]
pub struct TextIndex {
    /// Byte offset of each code point, plus one entry for the end; empty for ASCII text.
    char_to_byte: Vec<u32>,
    chars: u32,
}

impl TextIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return TextIndex {
                char_to_byte: Vec::new(),
                chars: text.len() as u32,
            };
        }
        let mut char_to_byte: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        let chars = char_to_byte.len() as u32;
        char_to_byte.push(text.len() as u32);
        TextIndex {
            char_to_byte,
            chars,
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> u32 {
        self.chars
    }

    /// Byte offset of code point `offset`; offsets past the end map to the text's end.
    #[inline]
    pub fn byte(&self, offset: u32) -> usize {
        let offset = offset.min(self.chars);
        if self.char_to_byte.is_empty() {
            offset as usize
        } else {
            self.char_to_byte[offset as usize] as usize
        }
    }

    /// Code-point offset of byte `byte`, which must lie on a char boundary
    /// (a byte inside a char maps to the char that contains it).
    pub fn char_at_byte(&self, byte: usize) -> u32 {
        if self.char_to_byte.is_empty() {
            return (byte as u32).min(self.chars);
        }
        match self.char_to_byte.binary_search(&(byte as u32)) {
            Ok(i) => i as u32,
            Err(i) => i.saturating_sub(1) as u32,
        }
    }

    /// The text of `span`, or "" when it is out of range.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str, span: Span) -> &'t str {
        text.get(self.byte(span.start)..self.byte(span.end))
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_into_reuses_the_buffer_for_ascii_and_unicode() {
        let mut out = String::from("left over");
        lowercase_into("Putin", &mut out);
        assert_eq!(out, "putin");
        lowercase_into("İSTANBUL Ärzte", &mut out);
        assert_eq!(out, "İSTANBUL Ärzte".to_lowercase());
    }

    #[test]
    fn ascii_is_identity() {
        let t = "Putin said.";
        let ix = TextIndex::new(t);
        assert_eq!(ix.byte(6), 6);
        assert_eq!(ix.slice(t, Span::new(6, 10)), "said");
    }

    #[test]
    fn non_ascii_counts_code_points() {
        let t = "“Hi,” he said — ok";
        let ix = TextIndex::new(t);
        assert_eq!(ix.char_len(), t.chars().count() as u32);
        assert_eq!(ix.slice(t, Span::new(1, 3)), "Hi");
        assert_eq!(ix.slice(t, Span::new(9, 13)), "said");
        assert_eq!(ix.char_at_byte(ix.byte(9)), 9);
        assert_eq!(ix.slice(t, Span::new(100, 200)), "");
    }
}
