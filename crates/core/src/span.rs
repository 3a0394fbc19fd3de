//! Character spans.
//!
//! Every offset whosaid exposes counts **Unicode code points** (Rust `char`s)
//! from the start of [`Document::text`](crate::Document::text), end exclusive.
//! This is the unit PolNeAR and brat use, and the one Python's `str` indexing
//! uses, so offsets can be handed to other tools unchanged.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of code points in a document's text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(into = "[u32; 2]", from = "[u32; 2]")]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span; `end` is clamped so that `start <= end`.
    pub fn new(start: u32, end: u32) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }
    pub fn len(&self) -> u32 {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when the two spans share at least one code point.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// Number of code points the two spans share.
    pub fn overlap_len(&self, other: &Span) -> u32 {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn contains_offset(&self, offset: u32) -> bool {
        self.start <= offset && offset < self.end
    }
    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<Span> for [u32; 2] {
    fn from(s: Span) -> Self {
        [s.start, s.end]
    }
}

impl From<[u32; 2]> for Span {
    fn from(a: [u32; 2]) -> Self {
        Span::new(a[0], a[1])
    }
}

/// One or more spans read as a unit: brat's discontinuous spans (`s e;s e`)
/// and contents that an interrupting cue splits ("X, he said, Y").
/// Parts are kept sorted and non-overlapping.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Region {
    parts: Vec<Span>,
}

impl Region {
    pub fn new(parts: impl IntoIterator<Item = Span>) -> Self {
        let mut parts: Vec<Span> = parts.into_iter().filter(|s| !s.is_empty()).collect();
        parts.sort();
        let mut merged: Vec<Span> = Vec::with_capacity(parts.len());
        for p in parts {
            match merged.last_mut() {
                Some(last) if p.start <= last.end => last.end = last.end.max(p.end),
                _ => merged.push(p),
            }
        }
        Region { parts: merged }
    }
    pub fn single(span: Span) -> Self {
        Region::new([span])
    }
    pub fn parts(&self) -> &[Span] {
        &self.parts
    }
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }
    /// The span from the first part's start to the last part's end.
    pub fn extent(&self) -> Option<Span> {
        Some(Span::new(self.parts.first()?.start, self.parts.last()?.end))
    }
    /// Total number of code points covered.
    pub fn len(&self) -> u32 {
        self.parts.iter().map(Span::len).sum()
    }
    pub fn overlaps(&self, other: &Region) -> bool {
        self.parts
            .iter()
            .any(|a| other.parts.iter().any(|b| a.overlaps(b)))
    }
    pub fn overlaps_span(&self, span: &Span) -> bool {
        self.parts.iter().any(|a| a.overlaps(span))
    }
    /// The parts of this region inside `span`, cut at its edges (empty
    /// when none reaches into it).
    pub fn within(&self, span: Span) -> Region {
        Region::new(
            self.parts
                .iter()
                .map(|p| Span::new(p.start.max(span.start), p.end.min(span.end))),
        )
    }
    /// Code points shared with `other`.
    pub fn overlap_len(&self, other: &Region) -> u32 {
        self.parts
            .iter()
            .map(|a| other.parts.iter().map(|b| a.overlap_len(b)).sum::<u32>())
            .sum()
    }
}

impl From<Span> for Region {
    fn from(s: Span) -> Self {
        Region::single(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_half_open() {
        let a = Span::new(0, 5);
        assert!(!a.overlaps(&Span::new(5, 9)));
        assert!(a.overlaps(&Span::new(4, 9)));
        assert_eq!(a.overlap_len(&Span::new(3, 9)), 2);
    }

    #[test]
    fn region_merges_and_sorts_parts() {
        let r = Region::new([
            Span::new(10, 12),
            Span::new(0, 3),
            Span::new(2, 5),
            Span::new(7, 7),
        ]);
        assert_eq!(r.parts(), &[Span::new(0, 5), Span::new(10, 12)]);
        assert_eq!(r.len(), 7);
        assert_eq!(r.extent(), Some(Span::new(0, 12)));
    }

    #[test]
    fn within_cuts_parts_at_the_span_edges() {
        let r = Region::new([Span::new(0, 5), Span::new(8, 12), Span::new(20, 25)]);
        assert_eq!(
            r.within(Span::new(3, 10)).parts(),
            [Span::new(3, 5), Span::new(8, 10)]
        );
        assert_eq!(r.within(Span::new(0, 8)).parts(), [Span::new(0, 5)]);
        assert!(r.within(Span::new(13, 19)).is_empty());
    }

    #[test]
    fn span_serialises_as_pair() {
        let json = serde_json::to_string(&Span::new(3, 8)).unwrap();
        assert_eq!(json, "[3,8]");
        let back: Span = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Span::new(3, 8));
    }
}
